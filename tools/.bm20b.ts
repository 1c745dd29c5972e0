import { build } from 'esbuild';
import { FUNCTIONS } from '../infra/bundling.ts';
import { lambdaBuildOptions } from '../tests/support/lambda-bundle.ts';
const spec = FUNCTIONS.find((f) => f.name === process.argv[2])!;
const r = await build({ ...lambdaBuildOptions(spec), write: false, outfile: 'index.mjs', metafile: true });
const out = Object.values(r.metafile!.outputs).find((o) => o.entryPoint)!;
const groups = new Map<string, number>();
for (const [k, v] of Object.entries(out.inputs)) {
  const g = k.startsWith('node_modules/') ? k.split('/').slice(0, k.includes('/@') ? 3 : 2).join('/') : k.split('/').slice(0, 3).join('/');
  groups.set(g, (groups.get(g) ?? 0) + v.bytesInOutput);
}
for (const [k, v] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1024).toFixed(1).padStart(7), k);
