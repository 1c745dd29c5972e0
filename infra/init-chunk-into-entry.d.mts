import type { Plugin } from 'esbuild';

/** The esbuild plugin of init-chunk-into-entry.mjs: the one chunk init loads becomes index.mjs itself. */
export function initChunkIntoEntry(): Plugin;
