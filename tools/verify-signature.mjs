#!/usr/bin/env node
// Fast entry for `verify-signature` (issue 13): plain Node on an esbuild bundle of
// tools/verify-signature.ts, instead of npm + tsx compiling TypeScript on every run. The bundle
// is rebuilt (about 0.3 s) only when a source it was built from is newer; it lives in
// node_modules/.cache, never in the repository.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'rightsdesk', 'verify-signature.mjs');
const sources = [join(root, 'tools', 'verify-signature.ts'), join(root, 'package.json'), ...listTs(join(root, 'shared', 'signatures')), ...listTs(join(root, 'shared', 'domain'))];

function listTs(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)) : [];
}

const built = existsSync(out) ? statSync(out).mtimeMs : 0;
if (sources.some((s) => statSync(s).mtimeMs > built)) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(root, 'tools', 'verify-signature.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // CommonJS dependencies bundled into ESM need a require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
}
const { verifySignatureCommand } = await import(pathToFileURL(out).href);
process.exitCode = await verifySignatureCommand(process.argv.slice(2));
