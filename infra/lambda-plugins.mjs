// The esbuild plugins of every Lambda bundle, in one list for infra/bundling.ts (the deploy's
// options, the tests and benchmarks) and infra/split-bundle.mjs (the deploy's split rebuild, run
// by `node`, to which JSON cannot carry functions). Plain ESM for the same reason.
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { buildTimeModules } from './build-time-modules.mjs';
import { builtinsRequire } from './builtins-require.mjs';
import { initChunkIntoEntry } from './init-chunk-into-entry.mjs';
import { initChunkMerge } from './init-chunk-merge.mjs';
import { sdkDeepImports } from './sdk-deep-imports.mjs';
import { xmldomLazyEntities } from './xmldom-lazy-entities.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Modules whose values are computed when the bundle is built (infra/build-time-modules.mjs). */
export const BUILD_TIME_MODULES = [
  'shared/tenants/seeds.ts',
  'shared/tenants/art15-seeds.ts',
  'shared/deadlines/holiday-table.ts',
  'shared/tenants/fulfilment/registers.ts',
  'shared/tenants/retention-rules.ts',
  'shared/http/csp-policies.ts',
  'shared/domain/classifier/cue-sources.ts',
].map((path) => join(ROOT, path));

export function lambdaPlugins() {
  return [
    // What init loads is one chunk, not one per set of lazy modules that share it.
    initChunkMerge(),
    // ... and that chunk is the entry file itself: one file at init.
    initChunkIntoEntry(),
    // The SDK's barrel imports resolved to the files that define each name, so lazily loaded clients' code stays in their own chunks.
    sdkDeepImports(),
    // xmldom's HTML entity table is built on first use, not at init.
    xmldomLazyEntities(),
    // Node's built-ins required, without ES module facades.
    builtinsRequire(),
    // Validated seed data as values, without the code that validates it.
    buildTimeModules(BUILD_TIME_MODULES),
  ];
}
