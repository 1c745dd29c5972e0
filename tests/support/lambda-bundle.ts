import type { BuildOptions } from 'esbuild';
import { lambdaEsbuildOptions, type FunctionSpec } from '../../infra/bundling.ts';

/**
 * The esbuild options CDK bundles a function with (infra/bundling.ts, and the function's own
 * `alias`), for tests that measure or run the bundle: what they check is what gets deployed.
 * Give `outdir` (the build is split: index.mjs and its chunks).
 */
export function lambdaBuildOptions(spec: Pick<FunctionSpec, 'entry' | 'alias'>): BuildOptions {
  return lambdaEsbuildOptions(spec);
}
