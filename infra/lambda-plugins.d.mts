import type { Plugin } from 'esbuild';

/** Modules whose values are computed when the bundle is built. */
export const BUILD_TIME_MODULES: readonly string[];
/** The esbuild plugins of every Lambda bundle (lambda-plugins.mjs). */
export function lambdaPlugins(): Plugin[];
