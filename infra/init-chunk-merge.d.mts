import type { Plugin } from 'esbuild';

/** The esbuild plugin of init-chunk-merge.mjs: what init loads in one chunk, not one per set of lazy modules that share it. */
export function initChunkMerge(): Plugin;
