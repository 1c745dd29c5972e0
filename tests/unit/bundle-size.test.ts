import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionSpec } from '../../infra/bundling.ts';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';

/** Bundles a function exactly as CDK does (infra/bundling.ts, its aliases included) and returns the size. */
async function bundleSize(spec: FunctionSpec): Promise<number> {
  const result = await build({ ...lambdaBuildOptions(spec), write: false, outfile: 'index.mjs' });
  return result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
}

describe('Lambda bundle sizes', () => {
  it('keeps every function’s minified bundle within its budget', async () => {
    // Functions that share an entry and aliases (the workflow steps) share one bundle: measure it once.
    const bundleOf = (fn: FunctionSpec) => `${fn.entry} ${JSON.stringify(fn.alias ?? {})}`;
    const sizes = new Map<string, Promise<number>>();
    for (const fn of FUNCTIONS) if (!sizes.has(bundleOf(fn))) sizes.set(bundleOf(fn), bundleSize(fn));
    const rows = await Promise.all(FUNCTIONS.map(async (fn) => ({ fn, bytes: await (sizes.get(bundleOf(fn)) as Promise<number>) })));
    console.log(
      ['function                     size KB   budget KB', ...rows.map(({ fn, bytes }) => `${fn.name.padEnd(26)} ${(bytes / 1024).toFixed(1).padStart(8)} ${String(fn.budgetKb).padStart(11)}`)].join('\n'),
    );
    for (const { fn, bytes } of rows) expect(bytes / 1024, fn.name).toBeLessThanOrEqual(fn.budgetKb);
  }, 60_000);
});
