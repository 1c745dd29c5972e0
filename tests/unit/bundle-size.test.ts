import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, initLoadKb, type FunctionSpec } from '../../infra/bundling.ts';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';

/**
 * Bundles a function exactly as CDK does (infra/bundling.ts, its aliases included) and returns
 * what its init loads: the handler chunk and the chunks it imports statically, with the AWS SDK's
 * part apart (the SDK is bundled since issue 15; the budgets count our own code, as before). An
 * entry that loads its app on the first request (`lazyApp`) is measured with that app's chunks.
 */
async function bundleSize(spec: FunctionSpec): Promise<ReturnType<typeof initLoadKb>> {
  const result = await build({ ...lambdaBuildOptions(spec), write: false, outdir: 'bundle', metafile: true });
  return initLoadKb(result.metafile, spec.lazyApp);
}

describe('Lambda bundle sizes', () => {
  it('keeps every function’s minified bundle within its budget', async () => {
    // Functions that share an entry and aliases (the workflow steps) share one bundle: measure it once.
    const bundleOf = (fn: FunctionSpec) => `${fn.entry} ${JSON.stringify(fn.alias ?? {})}`;
    const sizes = new Map<string, Promise<ReturnType<typeof initLoadKb>>>();
    for (const fn of FUNCTIONS) if (!sizes.has(bundleOf(fn))) sizes.set(bundleOf(fn), bundleSize(fn));
    const rows = await Promise.all(FUNCTIONS.map(async (fn) => ({ fn, size: await sizes.get(bundleOf(fn))! })));
    console.log(
      [
        'function                   own KB at init   budget KB   SDK KB at init   all chunks KB',
        ...rows.map(({ fn, size }) => `${fn.name.padEnd(26)} ${size.ownKb.toFixed(1).padStart(14)} ${String(fn.budgetKb).padStart(11)} ${size.sdkKb.toFixed(1).padStart(16)} ${size.totalKb.toFixed(1).padStart(15)}`),
      ].join('\n'),
    );
    for (const { fn, size } of rows) expect(size.ownKb, fn.name).toBeLessThanOrEqual(fn.budgetKb);
  }, 60_000);
});
