import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Certificate } from '#identity/certificate.ts';
import { loadTrustedList } from '#identity/trusted-list.ts';
import { verifySignedFile } from '#identity/verify-file.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../tests/support/identity-fixtures.ts';

/**
 * `npm run bench:signatures [-- N]`: median validation time per format over N runs (default 50),
 * in process, without network (embedded OCSP/time-stamps; lists already loaded). Target:
 * < 50 ms per ASiC-E / PAdES document.
 */
const runs = Number(process.argv[2] ?? 50);
const fx = await identityFixtures();
const tl = fixtureTrustedList(fx);
const at = new Date(fx.at);
const dd = fileURLToPath(new URL('../tests/fixtures/libdigidocpp/', import.meta.url));
const eeList = loadTrustedList(readFileSync(`${dd}EE_T.xml`), Certificate.fromPemOrDer(readFileSync(`${dd}TSL.crt`)));

const cases: Array<{ name: string; run: () => Promise<unknown> }> = [
  { name: 'ASiC-E (libdigidocpp tsl.asice, XAdES-LT)', run: () => verifySignedFile({ bytes: readBytes(`${dd}tsl.asice`), trustedList: eeList, at: new Date('2026-11-21T12:00:00Z') }) },
  ...(['asice', 'pades', 'cades-detached', 'cades-enveloping', 'smime', 'jades'] as const).map((format) => {
    const f = fx.files[format].qualified;
    const bytes = readBytes(f.file);
    const content = f.content ? readBytes(f.content) : undefined;
    return { name: `${format} (generated, qualified)`, run: () => verifySignedFile({ bytes, fileName: f.file, trustedList: tl, at, ...(content ? { content } : {}) }) };
  }),
];

const rows: string[][] = [];
for (const c of cases) {
  for (let i = 0; i < 3; i++) await c.run(); // warm-up: JIT and lazy module state
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await c.run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  rows.push([c.name, pct(0.5).toFixed(2), pct(0.95).toFixed(2), String(runs)]);
}
const head = ['format', 'median ms', 'p95 ms', 'runs'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
console.log([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
