import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used by a process tree, from /proc (Linux): how `npm run bench` tells whether the
 * intake's 8 ÷ 1 throughput is capped by the machine's cores rather than by waiting. Elsewhere
 * (no /proc) every reading is 0 and the bench prints no CPU figures.
 */
const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();

function stat(pid: number): { ppid: number; ticks: number; comm: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    // After "(comm)": state ppid … utime (14th field of the line) stime (15th).
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), comm: text.slice(text.indexOf('(') + 1, close) };
  } catch {
    return undefined;
  }
}

/** CPU ms so far of `root` and of each of its descendants, by command name (`node`, `java`). */
export function treeCpuMs(root: number): Record<string, number> {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return {};
  }
  const stats = new Map(pids.map((pid) => [pid, stat(pid)] as const));
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 20; p = stats.get(p)?.ppid, hops++) if (p === root) return true;
    return false;
  };
  const out: Record<string, number> = {};
  for (const [pid, s] of stats) {
    if (!s || !inTree(pid)) continue;
    const name = pid === root ? 'server (node)' : s.comm;
    out[name] = (out[name] ?? 0) + s.ticks * TICK_MS;
  }
  return out;
}

/** This process's own CPU ms so far (the load generator). */
export const selfCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
