// An esbuild plugin for the Lambda bundles (infra/lambda-plugins.mjs; plain ESM so that
// infra/split-bundle.mjs, run by `node` during the deploy, can use it too): the listed modules are
// run when the bundle is built, and the bundle holds their exports' values as JSON, not their code.
//
// For data that is fixed when the bundle is built and validated or derived by code that is costly
// at a cold start (the list: BUILD_TIME_MODULES): the seed tenants (shared/tenants/seeds.ts) are
// checked with a zod schema whose construction and first parse cost ~3 ms each at every init. Run
// here, an invalid seed fails the build, and the function loads neither the schema nor zod's
// parser for it; likewise the tenants' Art. 15 information, the fulfilment registers and
// retention rules, the constant CSP hashes and the classifier's expanded cue patterns. Each value
// must survive JSON unchanged (plain objects, arrays, strings, finite numbers, booleans, null),
// else the build fails naming the export; `JSON.parse` of a string is also V8's fastest way to
// load an object.
import { Buffer } from 'node:buffer';
import { resolve } from 'node:path';
import process from 'node:process';
import { isDeepStrictEqual } from 'node:util';

export function buildTimeModules(paths) {
  const listed = new Set(paths);
  return {
    name: 'build-time-modules',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        if (!listed.has(args.path)) return undefined;
        // The module and what it imports, bundled into one ES module and run in this process.
        // With the bundle's own module resolution (aliases, conditions, main fields), so the value is what the bundle's code would compute.
        const { absWorkingDir, alias, conditions, mainFields } = build.initialOptions;
        const bundled = await build.esbuild.build({ entryPoints: [args.path], bundle: true, format: 'esm', platform: 'node', write: false, metafile: true, logLevel: 'silent', absWorkingDir, alias, conditions, mainFields });
        const exports = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].contents).toString('base64')}`);
        const lines = [];
        for (const [name, value] of Object.entries(exports)) {
          const json = JSON.stringify(value);
          if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) {
            return { errors: [{ text: `${args.path}: export "${name}" does not survive JSON, so it cannot be computed when the bundle is built.` }] };
          }
          const parsed = `JSON.parse(${JSON.stringify(json)})`;
          lines.push(name === 'default' ? `export default ${parsed};` : `export const ${name} = ${parsed};`);
        }
        // Rebuilt when any of the module's own inputs changes (watch mode, incremental builds).
        return { contents: lines.join('\n'), loader: 'js', watchFiles: Object.keys(bundled.metafile.inputs).map((input) => resolve(absWorkingDir ?? process.cwd(), input)) };
      });
    },
  };
}
