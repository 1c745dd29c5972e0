import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Small process helpers for the local stand-ins: wait-until-ready, and child processes that
 * never outlive the process that started them.
 *
 * How a child is kept from outliving us, in layers:
 * 1. `stop()` — the normal path: SIGTERM to the child's process group, SIGKILL after a grace period.
 * 2. `exit` / SIGINT / SIGTERM / SIGHUP handlers in this process signal every tracked child
 *    (installed only while at least one child is tracked, so they don't change signal
 *    behaviour of a process that has no children). On a signal the host program handles
 *    itself, the children are left to its orderly shutdown (and to the `exit` handler).
 * 3. A watchdog in a tiny `sh` wrapper around the real command: it holds the read end of a
 *    pipe whose write end only this process has. If this process dies in a way no handler
 *    sees (SIGKILL, OOM killer, a crashed vitest worker) the pipe reaches EOF and the wrapper
 *    terminates the command. Linux's PR_SET_PDEATHSIG would do this natively, but Node does
 *    not expose it.
 * Each child runs in its own process group (`detached`), so one kill reaches the wrapper, the
 * real command and the watchdog together, and a terminal's Ctrl-C reaches only us — we then
 * decide the order of shutdown.
 */

/** Keeps this much of each output stream for error messages. */
const OUTPUT_TAIL_CHARS = 16_384;

// `$0` is the command; the remaining arguments are its arguments. Written for POSIX sh (dash).
const WATCHDOG_SCRIPT = `
exec 3<&0
"$0" "$@" </dev/null &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
( cat <&3 >/dev/null 2>&1; kill -TERM "$child" 2>/dev/null ) &
watchdog=$!
exec 3<&-
status=0
while :; do
  wait "$child"; status=$?
  kill -0 "$child" 2>/dev/null || break
done
kill "$watchdog" 2>/dev/null
exit "$status"
`;

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface TrackedChild {
  /** For messages: "DynamoDB Local". */
  readonly name: string;
  /** Pid of the wrapper, which is also the process group id. */
  readonly pid: number;
  /** Resolves when the child has exited (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Undefined while running. */
  exitInfo(): ExitInfo | undefined;
  stdoutTail(): string;
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`. Safe to call more than once. */
  stop(graceMs?: number): Promise<ExitInfo>;
}

export interface SpawnTrackedOptions {
  readonly name: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

const tracked = new Set<TrackedChild>();
const HANDLED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let handlersInstalled = false;

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function onParentExit(): void {
  // Only synchronous work is possible here; SIGTERM lets Java run its shutdown hooks, and the
  // watchdog covers anything that ignores it.
  for (const child of tracked) signalGroup(child.pid, 'SIGTERM');
}

function onParentSignal(signal: NodeJS.Signals): void {
  // Installing a listener cancels Node's default "die on signal". If the host program
  // (local/start.ts, vitest) listens too, it owns the shutdown: it stops accepting, drains the
  // work in flight and only then stops the stand-ins, in order. Killing them here would pull the
  // database out from under the mail being processed; the `exit` handler and the watchdog still
  // make sure no child outlives us.
  if (process.listenerCount(signal) > 1) return;
  onParentExit();
  uninstallHandlers();
  process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', onParentExit);
  for (const signal of HANDLED_SIGNALS) process.on(signal, onParentSignal);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off('exit', onParentExit);
  for (const signal of HANDLED_SIGNALS) process.off(signal, onParentSignal);
}

function appendTail(previous: string, chunk: Buffer): string {
  const next = previous + chunk.toString('utf8');
  return next.length > OUTPUT_TAIL_CHARS ? next.slice(-OUTPUT_TAIL_CHARS) : next;
}

function unrefStream(stream: unknown): void {
  // Pipes to a child are net.Sockets at run time, typed as plain streams.
  if (typeof stream === 'object' && stream !== null && 'unref' in stream && typeof stream.unref === 'function') {
    stream.unref();
  }
}

/**
 * Spawns `command args…` behind the watchdog wrapper, tracked until it exits. The child and its
 * pipes are unref'd: a forgotten `stop()` must not keep the parent alive, and the exit handler
 * plus the watchdog make sure the child still goes when the parent does.
 * Spawn failures of `command` itself (e.g. not on PATH) surface as exit code 127 with the
 * shell's message in stderr; check for the command beforehand when a clear message matters.
 */
export function spawnTracked(command: string, args: readonly string[], options: SpawnTrackedOptions): TrackedChild {
  const proc: ChildProcess = spawn('sh', ['-c', WATCHDOG_SCRIPT, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  if (proc.pid === undefined) {
    // spawn() reports ENOENT for `sh` asynchronously; without a pid there is nothing to track.
    throw new Error(`${options.name}: could not start /bin/sh`);
  }
  const pid = proc.pid;
  let stdout = '';
  let stderr = '';
  let exitInfo: ExitInfo | undefined;
  proc.stdout?.on('data', (chunk: Buffer) => {
    stdout = appendTail(stdout, chunk);
  });
  proc.stderr?.on('data', (chunk: Buffer) => {
    stderr = appendTail(stderr, chunk);
  });
  // Writing never happens; an EPIPE here only means the wrapper is gone.
  proc.stdin?.on('error', () => {});

  const exited = new Promise<ExitInfo>((resolve) => {
    proc.once('error', (err) => {
      stderr = appendTail(stderr, Buffer.from(`\n${String(err)}\n`));
    });
    proc.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      // Closing our end lets the watchdog's `cat` finish too.
      proc.stdin?.destroy();
      tracked.delete(child);
      if (tracked.size === 0) uninstallHandlers();
      resolve(exitInfo);
    });
  });

  let stopping: Promise<ExitInfo> | undefined;
  const child: TrackedChild = {
    name: options.name,
    pid,
    exited,
    exitInfo: () => exitInfo,
    stdoutTail: () => stdout,
    stderrTail: () => stderr,
    stop(graceMs = 5_000) {
      stopping ??= (async () => {
        if (exitInfo) return exitInfo;
        signalGroup(pid, 'SIGTERM');
        // A pending grace timer would keep the parent alive for graceMs after a quick exit.
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<undefined>((resolve) => {
          timer = setTimeout(resolve, graceMs, undefined);
        });
        const graceful = await Promise.race([exited, graceOver]);
        clearTimeout(timer);
        if (graceful) return graceful;
        signalGroup(pid, 'SIGKILL');
        return exited;
      })();
      return stopping;
    },
  };

  tracked.add(child);
  installHandlers();
  proc.unref();
  unrefStream(proc.stdin);
  unrefStream(proc.stdout);
  unrefStream(proc.stderr);
  return child;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WaitUntilOptions {
  /** For the timeout message: "DynamoDB Local on port 8000". */
  readonly what: string;
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Called before each probe; returning an error stops waiting with that error. */
  readonly failFast?: () => Error | undefined;
  /** Appended to the timeout message (e.g. the child's stderr). */
  readonly details?: () => string;
}

/**
 * Polls `probe` until it resolves true. A probe that throws counts as "not ready yet"; its last
 * error goes into the timeout message. Resolves with the milliseconds it took.
 */
export async function waitUntil(probe: () => Promise<boolean>, options: WaitUntilOptions): Promise<number> {
  const started = performance.now();
  const deadline = started + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 100;
  let lastError: unknown;
  for (;;) {
    const failure = options.failFast?.();
    if (failure) throw failure;
    try {
      if (await probe()) return Math.round(performance.now() - started);
    } catch (err) {
      lastError = err;
    }
    if (performance.now() >= deadline) {
      const last = lastError === undefined ? '' : `; last probe error: ${errorMessage(lastError)}`;
      const details = options.details?.().trim();
      throw new Error(
        `${options.what} was not ready after ${options.timeoutMs} ms${last}${details ? `\n${details}` : ''}`,
      );
    }
    await delay(intervalMs);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
