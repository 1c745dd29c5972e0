import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { initOutputs } from '../../infra/bundling.ts';
import { initChunkIntoEntry } from '../../infra/init-chunk-into-entry.mjs';
import { initChunkMerge } from '../../infra/init-chunk-merge.mjs';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A function whose entry shares modules with two lazily loaded ones, as the deployed bundles do. */
async function fixture(): Promise<{ dir: string; options: BuildOptions }> {
  const dir = await mkdtemp(join(tmpdir(), 'init-chunk-into-entry-'));
  dirs.push(dir);
  // Plain JavaScript in .ts files: esbuild bundles them without type-checking.
  // A legal comment: esbuild moves it to the end of the chunk, after the export clause.
  await writeFile(join(dir, 'shared.ts'), `/*! shared.ts: a licence text */\nexport const a = 'a'; export class Marker {} globalThis.runs.push('shared');`);
  await writeFile(join(dir, 'lazy-throw.ts'), `import { a } from './shared.ts';\nexport function fail() {\n  throw new Error('from the lazy chunk ' + a);\n}\n`);
  await writeFile(join(dir, 'lazy-1.ts'), `import { a, Marker } from './shared.ts'; export const one = () => a + 1; export const marker = new Marker(); globalThis.runs.push('lazy-1');`);
  await writeFile(join(dir, 'lazy-2.ts'), `import { a } from './shared.ts'; export default 'default-2' + a; globalThis.runs.push('lazy-2');`);
  await writeFile(
    join(dir, 'entry.ts'),
    `import { a, Marker } from './shared.ts';
     globalThis.runs.push('entry');
     export const handler = async () => { const l1 = await import('./lazy-1.ts'); return [a, l1.one(), (await import('./lazy-2.ts')).default, l1.marker instanceof Marker].join(' '); };
     export const other = () => 'other';
     export const failLazily = async () => (await import('./lazy-throw.ts')).fail();`,
  );
  const banner = "import { createRequire as __req } from 'node:module'; const require = __req(import.meta.url);";
  const options = {
    entryPoints: [join(dir, 'entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    splitting: true,
    minify: true,
    sourcemap: true,
    outdir: join(dir, 'out'),
    entryNames: 'index',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    banner: { js: banner },
    logLevel: 'silent',
  } satisfies BuildOptions;
  return { dir, options };
}

type Runs = { runs?: string[] };

describe('init-chunk-into-entry (infra/init-chunk-into-entry.mjs)', () => {
  it('folds the init chunk into index.mjs: one file at init, lazy chunks import the entry, every module runs once, exports and the source map kept', async () => {
    const { dir, options } = await fixture();
    const { metafile } = await build({ ...options, plugins: [initChunkMerge(), initChunkIntoEntry()] });
    const out = join(dir, 'out');
    const files = (await readdir(out)).filter((f) => f.endsWith('.mjs'));

    // What the metafile says a process loads at init is what is on disk: index.mjs alone.
    expect([...initOutputs(metafile!)].map((p) => p.split('/').pop())).toEqual(['index.mjs']);
    expect(Object.keys(metafile!.outputs).filter((p) => p.endsWith('.mjs')).map((p) => p.split('/').pop()).sort()).toEqual(files.sort());
    const index = await readFile(join(out, 'index.mjs'), 'utf8');
    expect(index).not.toMatch(/from\s*"\.\/chunk-/);
    expect(index.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true);
    expect(index).toContain('shared.ts: a licence text');
    const lazyChunks = files.filter((f) => f !== 'index.mjs');
    expect(lazyChunks.length).toBe(3);
    for (const f of lazyChunks) expect(await readFile(join(out, f), 'utf8')).toContain('"./index.mjs"');

    // The map is the shared chunk's: it names the modules whose code index.mjs now holds.
    const map = JSON.parse(await readFile(join(out, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('shared.ts'))).toBe(true);
    expect(map.sources.some((s) => s.endsWith('entry.ts'))).toBe(true);

    (globalThis as Runs).runs = [];
    const mod = (await import(pathToFileURL(join(out, 'index.mjs')).href)) as { handler: () => Promise<string>; other: () => string };
    expect((globalThis as Runs).runs).toEqual(['shared', 'entry']);
    // One module instance: a class from the entry's code is the lazy chunk's class too.
    expect(await mod.handler()).toBe('a a1 default-2a true');
    expect(mod.other()).toBe('other');
    expect((globalThis as Runs).runs).toEqual(['shared', 'entry', 'lazy-1', 'lazy-2']);
  });

  it('does the same on outputFiles when nothing is written (the tests and size checks), metafile and files agreeing', async () => {
    const { options } = await fixture();
    const result = await build({ ...options, write: false, plugins: [initChunkMerge(), initChunkIntoEntry()] });
    const names = result.outputFiles.map((f) => f.path.split('/').pop()!).sort();
    expect(names.filter((n) => n.startsWith('index'))).toEqual(['index.mjs', 'index.mjs.map']);
    expect(names.filter((n) => n.endsWith('.mjs')).length).toBe(4);
    expect(result.warnings).toEqual([]);
    expect(Object.keys(result.metafile!.outputs).map((p) => p.split('/').pop()!).sort()).toEqual(names);
    const index = result.outputFiles.find((f) => f.path.endsWith('index.mjs'))!;
    expect(result.metafile!.outputs[Object.keys(result.metafile!.outputs).find((p) => p.endsWith('index.mjs'))!]!.bytes).toBe(index.contents.byteLength);
    expect(index.text).toMatch(/ as handler[,}]/);
  });

  it('leaves a build alone when the entry has code of its own or loads several chunks (without init-chunk-merge)', async () => {
    const { options } = await fixture();
    const plain = await build({ ...options, write: false, metafile: true });
    const folded = await build({ ...options, write: false, metafile: true, plugins: [initChunkIntoEntry()] });
    const texts = (r: typeof plain) => r.outputFiles.map((f) => [f.path, f.text]).sort();
    expect(texts(folded)).toEqual(texts(plain));
    expect(initOutputs(folded.metafile!).size).toBe(initOutputs(plain.metafile!).size);
    // Said, not silent: the deploy prints it and the deployed-bundle test fails on any warning.
    expect(folded.warnings.map((w) => w.text)).toEqual([expect.stringContaining('still loads a chunk at init')]);
  });

  it('keeps stack traces from lazy chunks on the right source line (the deploy runs with --enable-source-maps)', async () => {
    const { dir, options } = await fixture();
    await build({ ...options, plugins: [initChunkMerge(), initChunkIntoEntry()] });
    await writeFile(join(dir, 'runs.mjs'), `globalThis.runs = []; const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'out', 'index.mjs')).href)}); try { await m.failLazily(); } catch (e) { console.log(e.stack); }`);
    const stack = execFileSync(process.execPath, ['--enable-source-maps', join(dir, 'runs.mjs')], { encoding: 'utf8' });
    expect(stack).toContain('from the lazy chunk a');
    // lazy-throw.ts line 3, column 9: where `throw` is, as written.
    expect(stack).toMatch(/lazy-throw\.ts:3:9\b/);
  });

  it.each([
    ['unminified', { minify: false }],
    ['.js files', { outExtension: {} }],
  ])('folds %s builds too', async (_, variant) => {
    const { dir, options } = await fixture();
    const out = join(dir, 'out');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'package.json'), '{"type":"module"}');
    const result = await build({ ...options, ...variant, plugins: [initChunkMerge(), initChunkIntoEntry()] });
    expect(result.warnings).toEqual([]);
    const index = (await readdir(out)).find((f) => /^index\.m?js$/.test(f))!;
    const entryMeta = result.metafile!.outputs[Object.keys(result.metafile!.outputs).find((p) => p.endsWith(`/${index}`))!]!;
    expect(entryMeta.imports.filter((i) => !i.external && i.kind === 'import-statement')).toEqual([]);
    (globalThis as Runs).runs = [];
    const mod = (await import(pathToFileURL(join(out, index)).href)) as { handler: () => Promise<string> };
    expect(await mod.handler()).toBe('a a1 default-2a true');
    expect((globalThis as Runs).runs).toEqual(['shared', 'entry', 'lazy-1', 'lazy-2']);
  });
});
