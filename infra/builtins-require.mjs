// An esbuild plugin for the Lambda bundles (infra/bundling.ts; plain ESM so that
// infra/split-bundle.mjs, run by `node` during the deploy, can use it too): Node's built-in modules
// are loaded with `require` (the bundle's banner defines it), not with `import`.
//
// Why: an ESM `import … from 'node:crypto'` makes Node build an ES module facade of the built-in,
// copying every export (getESMFacade, syncExports). The SDK and our code import nine built-ins at
// init (crypto, fs, fs/promises, https, os, path, process, stream, module), and those facades were
// ~4 ms of every bundle's ~11 ms of built-in loading (docs/performance.md, "Data computed when the
// bundle is built, built-ins without facades"). `require` returns the same object without a
// facade. The shim module below keeps the import's meaning: the built-in is required where the
// import stood, before any code that uses it, and each imported name is read once from it, as the
// ESM facade reads it (names no module imports are never read, so lazy getters stay lazy). The
// names come from the building machine's Node: tests/unit/init-chunk-merge.test.ts builds every
// bundle and fails on any esbuild warning, such as a name that Node does not have.
import { createRequire, isBuiltin } from 'node:module';

const requireHere = createRequire(import.meta.url);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const NAMESPACE = 'builtin-require';

export function builtinsRequire() {
  return {
    name: 'builtins-require',
    setup(build) {
      build.onResolve({ filter: /^[a-z0-9_:/]+$/ }, (args) => {
        if (!isBuiltin(args.path)) return undefined;
        const name = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
        // Static imports go through a CommonJS shim; require() and dynamic import() stay as written.
        if (args.kind === 'import-statement' && args.namespace !== NAMESPACE) return { path: name, namespace: NAMESPACE };
        return { path: name, external: true };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const names = Object.keys(requireHere(args.path)).filter((name) => IDENTIFIER.test(name) && name !== 'default');
        // Each name is read only if some module imports it (a pure read that tree-shaking drops otherwise).
        const reads = names.map((name, i) => `const b${i} = /* @__PURE__ */ builtinRead(${JSON.stringify(name)}); export { b${i} as ${name} };`);
        return { contents: [`const builtin = require(${JSON.stringify(args.path)});`, 'function builtinRead(name) { return builtin[name]; }', 'export default builtin;', ...reads].join('\n'), loader: 'js' };
      });
    },
  };
}
