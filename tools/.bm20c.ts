import { build } from 'esbuild';
import { FUNCTIONS } from '../infra/bundling.ts';
import { lambdaBuildOptions } from '../tests/support/lambda-bundle.ts';
const spec = FUNCTIONS.find((f) => f.name === process.argv[2])!;
const r = await build({ ...lambdaBuildOptions(spec), write: false, outfile: 'index.mjs', metafile: true });
const out = Object.values(r.metafile!.outputs).find((o) => o.entryPoint)!;
for (const [k, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, Number(process.argv[3] ?? 40))) console.log(String(v.bytesInOutput).padStart(7), k);
