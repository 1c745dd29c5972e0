import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList } from '#signatures/trusted-list.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../tests/support/identity-fixtures.ts';

/**
 * `npm run bench:signatures [-- N]`: median validation time per format over N runs (default 50),
 * in process, without network (embedded OCSP/time-stamps; lists already loaded), on generated
 * and real-world files (tests/fixtures/real-world). Target: < 50 ms per ASiC-E / PAdES document.
 * Then the CLI's wall time per file (`node tools/verify-signature.mjs`, the bundled entry: Node
 * start-up, loading, the list and the verdict), median of 5 runs each. Target: well under 1 s.
 */
const runs = Number(process.argv[2] ?? 50);
const fx = await identityFixtures();
const tl = fixtureTrustedList(fx);
const at = new Date(fx.at);
const dd = fileURLToPath(new URL('../tests/fixtures/libdigidocpp/', import.meta.url));
const eeList = loadTrustedList(readFileSync(`${dd}EE_T.xml`), Certificate.fromPemOrDer(readFileSync(`${dd}TSL.crt`)));

const rw = fileURLToPath(new URL('../tests/fixtures/real-world/', import.meta.url));
const realWorld = (name: string, file: string, at: string, extra: { content?: string } = {}) => {
  const bytes = readBytes(rw + file);
  return { name: `${name} (real-world ${file})`, run: () => verifySignedFile({ bytes, fileName: file, trustedList: eeList, at: new Date(at), ...(extra.content ? { content: readBytes(rw + extra.content) } : {}) }) };
};

const cases: Array<{ name: string; run: () => Promise<unknown> }> = [
  realWorld('PAdES-LT', 'dss/doc-firmado-LT.pdf', '2022-01-01T00:00:00Z'),
  realWorld('PAdES, 3 signatures + DSS update', 'dss/PAdES-LT.pdf', '2022-01-01T00:00:00Z'),
  realWorld('ADOC', 'dss/container-signed.adoc', '2024-01-01T00:00:00Z'),
  realWorld('BDOC', 'dss/hello.bdoc', '2018-03-08T00:00:00Z'),
  realWorld('CAdES RSA-PSS', 'dss/CAdES-BpB-att-SHA256-SHA3_256withRSAandMGF1.p7m', '2019-01-01T00:00:00Z'),
  realWorld('S/MIME', 'thunderbird/alice.dsig.SHA256.multipart.eml', '2026-06-01T00:00:00Z'),
  realWorld('DDOC 1.3', 'digidoc4j/ddoc_for_testing.ddoc', '2026-11-21T12:00:00Z'),
  realWorld('DDOC 1.3, 7 signatures', 'digidoc4j/one-valid-and-multiple-invalid-signatures.ddoc', '2026-11-21T12:00:00Z'),
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

// --- CLI wall time per file: the bundled entry, as an operator runs it.
const cli = fileURLToPath(new URL('../tools/verify-signature.mjs', import.meta.url));
const listArgs = ['--trusted-list', `${dd}EE_T.xml`, '--tl-signer', `${dd}TSL.crt`];
const cliFiles: Array<[string, string]> = [
  ['dss/doc-firmado-LT.pdf', '2022-01-01T00:00:00Z'],
  ['dss/PAdES-LT.pdf', '2022-01-01T00:00:00Z'],
  ['dss/container-signed.adoc', '2024-01-01T00:00:00Z'],
  ['dss/hello.bdoc', '2018-03-08T00:00:00Z'],
  ['dss/CAdES-BpB-att-SHA256-SHA3_256withRSAandMGF1.p7m', '2019-01-01T00:00:00Z'],
  ['thunderbird/alice.dsig.SHA256.multipart.eml', '2026-06-01T00:00:00Z'],
  ['thunderbird/alice.dsig.SHA256.multipart.mismatch-econtent.eml', '2026-06-01T00:00:00Z'],
  ['digidoc4j/ddoc_for_testing.ddoc', '2026-11-21T12:00:00Z'],
  ['digidoc4j/one-valid-and-multiple-invalid-signatures.ddoc', '2026-11-21T12:00:00Z'],
];
spawnSync(process.execPath, [cli, `${rw}${cliFiles[0]![0]}`, ...listArgs, '--at', cliFiles[0]![1]]); // builds the bundle once if stale
const cliRows: string[][] = [];
for (const [file, when] of cliFiles) {
  const times: number[] = [];
  let indication = '';
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, rw + file, ...listArgs, '--at', when], { encoding: 'utf8' });
    times.push(performance.now() - started);
    indication = run.status === 0 ? String((JSON.parse(run.stdout) as { indication: string }).indication) : `exit ${run.status}`;
  }
  times.sort((a, b) => a - b);
  cliRows.push([file, times[2]!.toFixed(0), indication]);
}
const cliHead = ['CLI file (node tools/verify-signature.mjs)', 'median wall ms', 'indication'];
const cliWidths = cliHead.map((h, i) => Math.max(h.length, ...cliRows.map((r) => r[i]!.length)));
const cliLine = (r: string[]) => `| ${r.map((v, i) => v.padEnd(cliWidths[i]!)).join(' | ')} |`;
console.log(['', cliLine(cliHead), `|${cliWidths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cliRows.map(cliLine)].join('\n'));
