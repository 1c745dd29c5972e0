import type { Plugin } from 'esbuild';

/** The esbuild plugin of xmldom-lazy-entities.mjs: xmldom's entity module replaced by one that builds the HTML table on first use. */
export function xmldomLazyEntities(): Plugin;
