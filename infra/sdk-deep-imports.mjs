// An esbuild plugin for the Lambda bundles (infra/bundling.ts; plain ESM so that
// infra/split-bundle.mjs, run by `node` during the deploy, can use it too).
//
// Why: the AWS SDK's ES builds import their shared code through barrel modules
// (`import { AwsJson1_0Protocol } from "@aws-sdk/core/protocols"`). When a bundle is split,
// esbuild assigns whole files to chunks, following every import record of every file the entry
// reaches: once the DynamoDB client (loaded at init) reaches a barrel, every file that barrel
// re-exports and that some lazily loaded client uses (S3's XML protocol, SES's REST-JSON one,
// waiters, MD5, …) lands in a chunk the entry loads, although only the lazy chunk needs it
// (~45 KB of SDK code at every init of a bundle with lazy clients; docs/performance.md,
// 2026-12-05 evening). This plugin rewrites such imports in the SDK's own files to import each
// name from the file that defines it, so esbuild sees what each client really uses.
//
// How: a barrel's `export { A, B as C } from "./x"` statements map each exported name to its
// file (recursively through other barrels). An import of a mapped name goes to that file; an
// import (or re-export) of a name the barrel defines itself (a few barrels build values at load, e.g.
// `export const v4 = …`) goes to a copy of the barrel without its re-exports, so that code is
// still evaluated once. Anything the plugin cannot read is left as it was.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { braceItems as items } from './brace-list.mjs';

const BARREL_SPEC = /^@(?:smithy|aws-sdk)\/core(?:\/[a-z-]+)?$/;
const SDK_FILE = /[\\/]node_modules[\\/]@(?:smithy|aws-sdk)[\\/][^\\/]+[\\/]dist-es[\\/].+\.js$/;
const IMPORT = /(import|export)\s*\{([^}]*)\}\s*from\s*"(@(?:smithy|aws-sdk)\/core(?:\/[a-z-]+)?)";/g;
const RE_EXPORT = /export\s*\{([^}]*)\}\s*from\s*"([^"]+)";/g;
const LOCALS = 'sdk-barrel-locals';


export function sdkDeepImports() {
  return {
    name: 'sdk-deep-imports',
    setup(build) {
      /** barrel file → Promise<{ names: Map<exported, { file, imported }>, hasLocals }> */
      const barrels = new Map();
      const resolve = async (spec, resolveDir) => {
        const r = await build.resolve(spec, { kind: 'import-statement', resolveDir });
        return r.errors.length || r.external ? undefined : r.path;
      };
      const readBarrel = (file) => {
        if (!barrels.has(file)) {
          barrels.set(
            file,
            (async () => {
              const text = await readFile(file, 'utf8');
              const names = new Map();
              for (const [, list, source] of text.matchAll(RE_EXPORT)) {
                const target = await resolve(source, dirname(file));
                if (!target) continue;
                const inner = BARREL_SPEC.test(source) ? await readBarrel(target) : undefined;
                for (const [imported, exported] of items(list)) {
                  const through = inner?.names.get(imported);
                  if (inner && !through) continue; // defined in the inner barrel itself: left to the barrel
                  names.set(exported, through ?? { file: target, imported });
                }
              }
              const hasLocals = text.replace(RE_EXPORT, '').trim().length > 0;
              return { names, hasLocals };
            })(),
          );
        }
        return barrels.get(file);
      };

      // A barrel both loaded itself and served as a copy of its own code would run that code twice
      // (two classes of one name: `instanceof` fails). Checked at the end of every build.
      const loadedFiles = new Set();
      const servedLocals = new Set();
      build.onEnd(() => {
        const twice = [...servedLocals].filter((file) => loadedFiles.has(file));
        if (twice.length) throw new Error(`sdk-deep-imports: barrel code would be bundled twice (${twice.join(', ')}): an import of it was not rewritten`);
      });

      build.onLoad({ filter: SDK_FILE, namespace: 'file' }, async (args) => {
        loadedFiles.add(args.path);
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('/core')) return undefined;
        const dir = dirname(args.path);
        let out = '';
        let last = 0;
        for (const m of text.matchAll(IMPORT)) {
          const [whole, keyword, list, spec] = m;
          const barrel = await resolve(spec, dir);
          if (!barrel) continue;
          const { names, hasLocals } = await readBarrel(barrel);
          const byFile = new Map();
          const local = [];
          let unknown = false;
          for (const [imported, as] of items(list)) {
            const hit = names.get(imported);
            if (hit) byFile.set(hit.file, [...(byFile.get(hit.file) ?? []), `${hit.imported} as ${as}`]);
            else if (hasLocals) local.push(`${imported} as ${as}`);
            else unknown = true;
          }
          if (unknown) continue; // a name the map does not know: keep the barrel import
          const lines = [...byFile].map(([file, names]) => `${keyword} { ${names.join(', ')} } from ${JSON.stringify(file)};`);
          if (local.length) lines.push(`${keyword} { ${local.join(', ')} } from ${JSON.stringify(`${LOCALS}:${barrel}`)};`);
          out += text.slice(last, m.index) + lines.join('\n');
          last = m.index + whole.length;
        }
        if (last === 0) return undefined;
        return { contents: out + text.slice(last), loader: 'js', resolveDir: dir };
      });

      // A barrel's own code without its re-exports (imported for the names it defines).
      build.onResolve({ filter: new RegExp(`^${LOCALS}:`) }, (args) => ({ path: args.path.slice(LOCALS.length + 1), namespace: LOCALS }));
      build.onLoad({ filter: /.*/, namespace: LOCALS }, async (args) => {
        servedLocals.add(args.path);
        return { contents: (await readFile(args.path, 'utf8')).replace(RE_EXPORT, ''), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}
