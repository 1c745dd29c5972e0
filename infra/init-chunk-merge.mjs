// An esbuild plugin for the Lambda bundles (infra/bundling.ts; plain ESM so that
// infra/split-bundle.mjs, run by `node` during the deploy, can use it too): every module the
// bundle loads lazily (the target of a dynamic `import()`) is reached through a small wrapper that
// also imports the function's entry.
//
// Why: esbuild's code splitting puts each module in the chunk of the exact set of entry points
// that reach it, and a lazily loaded module is an entry point of its own. So what init loads was
// cut into one chunk per set of lazy modules that also use it: 17–23 files at the API's,
// fulfilment's and the console's init, many under 1 KB, while Node's ESM loader pays ~0.5 ms of
// CPU per file (docs/performance.md, "Chunks at init"). A lazy module only runs after the entry
// has loaded, so importing the entry costs it nothing at run time (it is already evaluated), but
// for esbuild every module init loads is then reached by the same set of entry points: one chunk.
// What a lazy chunk adds on its own is unchanged.
//
// The wrapper re-exports the module's named exports (`export *`, which never carries `default`) and
// its default export by name: `import('pg')` takes pg's default export. For a module without one,
// `default` is undefined, as it was.
import { dirname, isAbsolute, resolve } from 'node:path';
import process from 'node:process';

const NAMESPACE = 'init-chunk-merge';

export function initChunkMerge() {
  return {
    name: NAMESPACE,
    setup(build) {
      const { entryPoints, absWorkingDir, splitting } = build.initialOptions;
      // Without code splitting there are no chunks to merge (and lazy modules are inlined).
      if (!splitting) return;
      const list = Array.isArray(entryPoints) ? entryPoints : Object.values(entryPoints ?? {});
      // One deployed function per build; a build of several entries is left as esbuild makes it.
      if (list.length !== 1) return;
      const first = typeof list[0] === 'string' ? list[0] : list[0].in;
      const entry = isAbsolute(first) ? first : resolve(absWorkingDir ?? process.cwd(), first);
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === NAMESPACE) return undefined;
        const target = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: NAMESPACE });
        if (target.errors.length > 0 || target.external || target.namespace !== 'file') return undefined;
        return { path: target.path, namespace: NAMESPACE, sideEffects: true };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: `import ${JSON.stringify(entry)};\nexport * from ${JSON.stringify(args.path)};\nimport * as lazyModule from ${JSON.stringify(args.path)};\nexport default Reflect.get(lazyModule, 'default');\n`,
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}
