import type { Plugin } from 'esbuild';

/** The esbuild plugin of build-time-modules.mjs: each listed module (absolute path) is run at build time and bundled as its exports' JSON values. */
export function buildTimeModules(paths: readonly string[]): Plugin;
