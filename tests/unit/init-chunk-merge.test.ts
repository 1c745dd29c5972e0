import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, initOutputs } from '../../infra/bundling.ts';
import { initChunkMerge } from '../../infra/init-chunk-merge.mjs';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';

/** The files a fresh process loads at init: index.mjs and every chunk it imports statically. */
const initFiles = (metafile: Metafile): string[] => [...initOutputs(metafile)];

describe('init-chunk-merge (infra/init-chunk-merge.mjs)', () => {
  it('every deployed bundle builds without warnings and loads one ASCII-only file at init (index.mjs: infra/init-chunk-into-entry.mjs), whatever it loads lazily', async () => {
    const entries = new Map(FUNCTIONS.map((f) => [f.entry, f]));
    for (const spec of entries.values()) {
      const { metafile, warnings, outputFiles } = await build({ ...lambdaBuildOptions(spec), write: false, outdir: 'bundle', metafile: true });
      // The deploy prints these (infra/split-bundle.mjs); one would be, e.g., a built-in name the building Node lacks (infra/builtins-require.mjs).
      expect(warnings.map((w) => w.text), spec.name).toEqual([]);
      const lazyChunks = Object.keys(metafile.outputs).filter((p) => p.endsWith('.mjs')).length - initFiles(metafile).length;
      expect(initFiles(metafile), `${spec.name} (${lazyChunks} lazy chunks)`).toEqual([expect.stringMatching(/(^|\/)index\.mjs$/)]);
      // ASCII only, so Node decodes it into a one-byte string (infra/bundling.ts \`charset\`): a regex
      // literal with a Lithuanian letter would make all of it two-byte (esbuild escapes strings, not regexes).
      const index = outputFiles.find((f) => f.path.endsWith('/bundle/index.mjs'))!.text;
      expect(index.match(/[\u0080-\uffff].{0,40}/su)?.[0], `${spec.name}: a non-ASCII character in index.mjs`).toBeUndefined();
    }
  }, 120_000);

  it('a lazily loaded module keeps its named and default exports, runs once, and the entry runs once', async () => {
    // The fixtures are plain JavaScript in .ts files: esbuild bundles them without type-checking.
    const dir = await mkdtemp(join(tmpdir(), 'init-chunk-merge-'));
    await writeFile(join(dir, 'shared-a.ts'), `export const a = 'a'; globalThis.runs.push('shared-a');`);
    await writeFile(join(dir, 'shared-b.ts'), `export const b = 'b'; globalThis.runs.push('shared-b');`);
    await writeFile(join(dir, 'lazy-1.ts'), `import { a } from './shared-a.ts'; export const one = () => a + 1; globalThis.runs.push('lazy-1');`);
    await writeFile(join(dir, 'lazy-2.ts'), `import { a } from './shared-a.ts'; import { b } from './shared-b.ts'; export const two = () => a + b + 2; export default 'default-2'; globalThis.runs.push('lazy-2');`);
    await writeFile(
      join(dir, 'entry.ts'),
      `import { a } from './shared-a.ts'; import { b } from './shared-b.ts';
       globalThis.runs.push('entry');
       export const handler = async () => [a, b, (await import('./lazy-1.ts')).one(), (await import('./lazy-2.ts')).two(), (await import('./lazy-1.ts')).one(), (await import('./lazy-2.ts')).default, String((await import('./lazy-1.ts')).default)].join(' ');`,
    );
    const options = { entryPoints: [join(dir, 'entry.ts')], bundle: true, format: 'esm', splitting: true, platform: 'node', outdir: join(dir, 'out'), entryNames: 'index', outExtension: { '.js': '.mjs' }, metafile: true } satisfies BuildOptions;
    const plain = (await build({ ...options, outdir: join(dir, 'plain') })).metafile!;
    const merged = (await build({ ...options, plugins: [initChunkMerge()] })).metafile!;
    // Without the plugin esbuild cuts shared-a and shared-b into chunks of their own (two sets of lazy modules use them).
    expect(initFiles(plain).length).toBeGreaterThan(2);
    expect(initFiles(merged).length).toBeLessThanOrEqual(2);
    expect((await readdir(join(dir, 'out'))).filter((f) => f.endsWith('.mjs')).length).toBeGreaterThanOrEqual(3);

    (globalThis as { runs?: string[] }).runs = [];
    const mod = (await import(pathToFileURL(join(dir, 'out', 'index.mjs')).href)) as { handler: () => Promise<string> };
    expect((globalThis as { runs?: string[] }).runs).toEqual(['shared-a', 'shared-b', 'entry']);
    // Named and default exports pass through the wrapper; a module without a default export still has none.
    expect(await mod.handler()).toBe('a b a1 ab2 a1 default-2 undefined');
    expect((globalThis as { runs?: string[] }).runs).toEqual(['shared-a', 'shared-b', 'entry', 'lazy-1', 'lazy-2']);
  });
  it("a package's default export passes too: the PostgreSQL connector's `import('pg')`, bundled as deployed", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'init-chunk-merge-pg-'));
    await writeFile(join(dir, 'entry.ts'), `export const handler = async () => { const { default: pg } = await import('pg'); return typeof pg.Client; };`);
    await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, format: 'esm', splitting: true, platform: 'node', outdir: join(dir, 'out'), entryNames: 'index', outExtension: { '.js': '.mjs' }, nodePaths: [join(process.cwd(), 'node_modules')], banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }, plugins: [initChunkMerge()] });
    const mod = (await import(pathToFileURL(join(dir, 'out', 'index.mjs')).href)) as { handler: () => Promise<string> };
    expect(await mod.handler()).toBe('function');
  });
});
