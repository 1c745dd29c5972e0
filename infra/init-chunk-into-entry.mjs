// An esbuild plugin for the Lambda bundles (infra/lambda-plugins.mjs; plain ESM so that
// infra/split-bundle.mjs, run by `node` during the deploy, can use it too): after the build, the
// one chunk a function's entry loads at init becomes the entry file itself, so init reads, decodes,
// compiles and links one file instead of two.
//
// Why: with code splitting (lazy modules in chunks of their own) esbuild writes the entry as a
// two-line file that imports the shared init chunk (infra/init-chunk-merge.mjs makes that one
// chunk) and re-exports the handler. Node's ES module loader pays for each file it loads (resolve,
// read, decode, compile, link): 0.3–0.8 ms of the api's import for a file of two lines
// (docs/performance.md, "one ASCII file at init"). So index.mjs takes the chunk's code and also exports the handler under the
// entry's name, and the lazy chunks import what they share from "./index.mjs": the module the
// runtime already loaded, evaluated once.
//
// How: only when the entry is nothing but that import and re-export (checked, else the build is left
// as it is); works on the written files (`write: true`, the deploy) or on `outputFiles`
// (`write: false`, the tests), and rewrites the metafile to match, so what tests and benchmarks
// count at init is what a process loads.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import process from 'node:process';
import { braceItems as items } from './brace-list.mjs';

const NAME = 'init-chunk-into-entry';


/** A relative module specifier from the directory of `from` to `to`, as esbuild writes them. */
const specifier = (from, to) => {
  const rel = relative(dirname(from), to).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

export function initChunkIntoEntry() {
  return {
    name: NAME,
    setup(build) {
      const options = build.initialOptions;
      if (!options.splitting) return;
      // The metafile says which chunk the entry imports; the caller gets it back updated.
      options.metafile = true;
      const cwd = options.absWorkingDir ?? process.cwd();
      const banner = options.banner?.js ?? '';
      const list = Array.isArray(options.entryPoints) ? options.entryPoints : Object.values(options.entryPoints ?? {});
      // One deployed function per build; a build of several entries is left as esbuild makes it.
      if (list.length !== 1) return;
      const entryPoint = resolve(cwd, typeof list[0] === 'string' ? list[0] : list[0].in);

      build.onEnd(async (result) => {
        if (result.errors.length > 0 || !result.metafile) return;
        const outputs = result.metafile.outputs;
        // Lazily loaded modules are entry points too (for esbuild): the function's is the configured one.
        const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint !== undefined && resolve(cwd, outputs[p].entryPoint) === entryPoint);
        if (!entry) return;
        const staticImports = outputs[entry].imports.filter((i) => !i.external && i.kind === 'import-statement');
        // Nothing split off: the entry is the only file init loads already.
        if (staticImports.length === 0) return;
        // Any other shape stays as esbuild wrote it, with a warning (esbuild logs it in the deploy; a test fails on it).
        const skip = (why) => ({ warnings: [{ text: `${entry} still loads a chunk at init: ${why}` }] });
        if (staticImports.length !== 1) return skip(`it imports ${staticImports.length} chunks`);
        const chunk = staticImports[0].path;
        if (dirname(chunk) !== dirname(entry)) return skip('the chunk is in another directory, so its own relative imports would break');

        // The files' text: on disk when esbuild wrote them, else in outputFiles.
        const files = result.outputFiles;
        const abs = (p) => resolve(cwd, p);
        const read = async (p) => (files ? files.find((f) => f.path === abs(p))?.text : await readFile(abs(p), 'utf8').catch(() => undefined));

        const entryText = await read(entry);
        const chunkText = await read(chunk);
        if (entryText === undefined || chunkText === undefined) return skip('its files could not be read');
        const body = (entryText.startsWith(banner) ? entryText.slice(banner.length) : entryText).replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
        const entryShape = /^\s*import\s*\{([^}]*)\}\s*from\s*"([^"]+)";?\s*export\s*\{([^}]*)\};?\s*$/.exec(body);
        if (!entryShape || entryShape[2] !== specifier(entry, chunk)) return skip('the entry holds more than an import and a re-export');
        const imported = new Map(items(entryShape[1]).map(([name, local]) => [local, name]));

        // The chunk's closing export clause: only comments (legal comments, the source map's) may follow it.
        const exportClause = /export\s*\{([^}]*)\};?((?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*)$/.exec(chunkText);
        if (!exportClause) return skip("the chunk does not end with its export clause");
        const chunkExports = items(exportClause[1]);
        const localOf = new Map(chunkExports.map(([local, exported]) => [exported, local]));
        const added = [];
        for (const [local, exported] of items(entryShape[3])) {
          const source = localOf.get(imported.get(local));
          if (source === undefined) return skip(`the chunk does not export what the entry re-exports as ${exported}`);
          // Already exported under that name (an unminified build): the same binding, nothing to add.
          if (localOf.has(exported)) {
            if (localOf.get(exported) !== source) return skip(`the chunk exports another ${exported}`);
            continue;
          }
          added.push(`${source} as ${exported}`);
        }

        const mapOf = (p) => `${p}.map`;
        const clause = `export{${[...chunkExports.map(([local, exported]) => (local === exported ? local : `${local} as ${exported}`)), ...added].join(',')}};`;
        // A linked source map is now index.mjs's; an inline one (a data: URL) stays as it is.
        const trailer = exportClause[2].replace(/\/\/# sourceMappingURL=(?!data:)\S+/, `//# sourceMappingURL=${basename(mapOf(entry))}`);
        const merged = chunkText.slice(0, exportClause.index) + clause + trailer;

        // Every other chunk imports what it shares with init from the entry instead. The specifier is
        // padded with spaces to the old one's length, so columns after it (minified code is one line)
        // still match the chunk's source map, which stack traces use (--enable-source-maps).
        const others = Object.keys(outputs).filter((p) => /\.[cm]?js$/.test(p) && p !== entry && p !== chunk);
        const rewritten = new Map();
        for (const p of others) {
          const text = await read(p);
          if (text === undefined) return skip(`${p} could not be read`);
          const from = JSON.stringify(specifier(p, chunk));
          const to = JSON.stringify(specifier(p, entry));
          if (to.length > from.length) return skip(`${p} would need a longer import specifier`);
          if (text.includes(from)) rewritten.set(p, text.split(from).join(to + ' '.repeat(from.length - to.length)));
        }
        const chunkMap = await read(mapOf(chunk));

        // Written out: the entry, its map, the chunks that import it; the chunk and its map go.
        const writes = new Map([[entry, merged], ...rewritten]);
        if (chunkMap !== undefined) writes.set(mapOf(entry), chunkMap);
        const removed = [chunk, mapOf(chunk)];
        if (files) {
          const kept = files.filter((f) => !removed.some((p) => abs(p) === f.path) && !writes.has(relative(cwd, f.path)));
          const made = [...writes].map(([p, text]) => outputFile(abs(p), text));
          files.splice(0, files.length, ...kept, ...made);
        } else {
          for (const [p, text] of writes) await writeFile(abs(p), text);
          for (const p of removed) await rm(abs(p), { force: true });
        }

        // The metafile as a process now loads it.
        const entryMeta = outputs[entry];
        outputs[entry] = { ...outputs[chunk], entryPoint: entryMeta.entryPoint, exports: [...new Set([...outputs[chunk].exports, ...entryMeta.exports])], bytes: Buffer.byteLength(merged) };
        if (outputs[mapOf(chunk)]) outputs[mapOf(entry)] = outputs[mapOf(chunk)];
        for (const p of removed) delete outputs[p];
        for (const p of Object.keys(outputs)) {
          outputs[p] = { ...outputs[p], imports: outputs[p].imports.map((i) => (i.path === chunk ? { ...i, path: entry } : i)) };
          if (rewritten.has(p)) outputs[p].bytes = Buffer.byteLength(rewritten.get(p));
        }
      });
    },
  };
}

/** An esbuild OutputFile for `write: false` builds; `hash` tells callers whether the contents changed, as esbuild's does. */
function outputFile(path, text) {
  const contents = new Uint8Array(Buffer.from(text, 'utf8'));
  return { path, contents, hash: createHash('sha256').update(contents).digest('base64url').slice(0, 16), text };
}
