// Rebuilds a function's bundle split (index.mjs + chunks) into CDK's asset directory, run by
// RightsdeskFunction's afterBundling hook: NodejsFunction hands esbuild --outfile, which code
// splitting cannot use, so CDK's single-file build is replaced by this one (same options, from
// infra/bundling.ts lambdaEsbuildOptions, passed as base64 JSON). Plain ESM: it runs under `node`.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { build } from 'esbuild';
import { lambdaPlugins } from './lambda-plugins.mjs';

const [outdir, encoded] = process.argv.slice(2);
if (!outdir || !encoded) {
  process.stderr.write('usage: node infra/split-bundle.mjs <outdir> <base64 JSON esbuild options>\n');
  process.exit(2);
}
const options = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
// The plugins of lambdaEsbuildOptions (infra/bundling.ts), which JSON cannot carry.
await build({ ...options, plugins: lambdaPlugins(), outdir, write: true });
