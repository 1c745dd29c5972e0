// An esbuild plugin for the Lambda bundles (infra/bundling.ts; plain ESM so that
// infra/split-bundle.mjs, run by `node` during the deploy, can use it too): xmldom's own
// `require('./entities')` resolves to shared/signatures/xmldom-entities.cjs, which gives the same
// exports but builds the HTML entity table (only `text/html` parsing reads it) on first use instead
// of at every init. That file explains why; docs/performance.md has the figures.
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

// Resolved from the repository's root (this file's parent folder), like infra/bundling.ts's repoPath.
const SHIM = join(fileURLToPath(new URL('..', import.meta.url)), 'shared', 'signatures', 'xmldom-entities.cjs');
const XMLDOM_LIB = /[\\/]node_modules[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/][^\\/]+\.js$/;

export function xmldomLazyEntities() {
  return {
    name: 'xmldom-lazy-entities',
    setup(build) {
      build.onResolve({ filter: /^\.\/entities(\.js)?$/ }, (args) => (XMLDOM_LIB.test(args.importer) ? { path: SHIM } : undefined));
    },
  };
}
