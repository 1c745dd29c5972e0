import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, LAMBDA_BUNDLING } from '../../infra/bundling.ts';

/** Bundles every function exactly as CDK does (infra/bundling.ts) and checks it against its budget. */
async function bundleSize(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    outfile: 'index.mjs',
    platform: LAMBDA_BUNDLING.platform,
    target: LAMBDA_BUNDLING.target,
    format: LAMBDA_BUNDLING.format,
    minify: LAMBDA_BUNDLING.minify,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    external: [...LAMBDA_BUNDLING.external],
    banner: { js: LAMBDA_BUNDLING.banner },
    logLevel: 'silent',
  });
  return result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
}

describe('Lambda bundle sizes', () => {
  it('keeps every function’s minified bundle within its budget', async () => {
    // Functions that share an entry (the workflow steps) share one bundle: measure it once.
    const sizes = new Map<string, Promise<number>>();
    for (const fn of FUNCTIONS) if (!sizes.has(fn.entry)) sizes.set(fn.entry, bundleSize(fn.entry));
    const rows = await Promise.all(FUNCTIONS.map(async (fn) => ({ fn, bytes: await (sizes.get(fn.entry) as Promise<number>) })));
    console.log(
      ['function                     size KB   budget KB', ...rows.map(({ fn, bytes }) => `${fn.name.padEnd(26)} ${(bytes / 1024).toFixed(1).padStart(8)} ${String(fn.budgetKb).padStart(11)}`)].join('\n'),
    );
    for (const { fn, bytes } of rows) expect(bytes / 1024, fn.name).toBeLessThanOrEqual(fn.budgetKb);
  }, 60_000);
});
