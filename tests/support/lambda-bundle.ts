import type { BuildOptions } from 'esbuild';
import { LAMBDA_BUNDLING, type FunctionSpec } from '../../infra/bundling.ts';

/**
 * The esbuild options CDK bundles a function with (infra/bundling.ts, and the function's own
 * `alias`), for tests that measure or run the bundle: what they check is what gets deployed.
 */
export function lambdaBuildOptions(spec: Pick<FunctionSpec, 'entry' | 'alias'>): BuildOptions {
  return {
    entryPoints: [spec.entry],
    bundle: true,
    platform: LAMBDA_BUNDLING.platform,
    target: LAMBDA_BUNDLING.target,
    format: LAMBDA_BUNDLING.format,
    minify: LAMBDA_BUNDLING.minify,
    charset: LAMBDA_BUNDLING.charset,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    external: [...LAMBDA_BUNDLING.external],
    banner: { js: LAMBDA_BUNDLING.banner },
    ...(spec.alias ? { alias: { ...spec.alias } } : {}),
    logLevel: 'silent',
  };
}
