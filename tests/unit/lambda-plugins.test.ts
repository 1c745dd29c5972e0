import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { HOLIDAY_TABLE } from '#deadlines/holiday-table.ts';
import { CUES } from '#domain/classifier/lexicon.ts';
import { FORM_STYLE_SOURCE, PAGE_CSP } from '#http/csp-policies.ts';
import { ART15_SHEETS } from '#tenants/art15-seeds.ts';
import { SEED_REGISTERS } from '#tenants/fulfilment/registers.ts';
import { CASE_RETENTION } from '#tenants/retention-rules.ts';
import { SEED_TENANTS } from '#tenants/seeds.ts';
import { initOutputs } from '../../infra/bundling.ts';
import { buildTimeModules } from '../../infra/build-time-modules.mjs';
import { builtinsRequire } from '../../infra/builtins-require.mjs';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';

const BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** Scratch folders inside the repository (gitignored), so `#` imports and packages resolve from them; removed after the tests. */
const SCRATCH = fileURLToPath(new URL('../../.local/lambda-plugins-test/', import.meta.url));
afterAll(() => rm(SCRATCH, { recursive: true, force: true }));

/** Bundles `source` (a module in a fresh folder inside the repository) with the deploy's options. */
async function deployBuild(name: string, source: string) {
  await mkdir(SCRATCH, { recursive: true });
  const dir = await mkdtemp(join(SCRATCH, `${name}-`));
  await writeFile(join(dir, 'entry.ts'), source);
  const result = await build({ ...lambdaBuildOptions({ entry: join(dir, 'entry.ts') }), outdir: join(dir, 'out'), write: true, metafile: true });
  const initCode = (await Promise.all([...initOutputs(result.metafile)].map((p) => readFile(p, 'utf8')))).join('\n');
  return { dir, metafile: result.metafile, warnings: result.warnings, initCode, load: async <T>() => (await import(pathToFileURL(join(dir, 'out', 'index.mjs')).href)) as T };
}

describe('build-time modules (infra/build-time-modules.mjs)', () => {
  it('a Lambda bundle holds the seed tenants and the holiday table as validated values, without the schemas that validate them', async () => {
    const bundle = await deployBuild('build-time', "export { SEED_TENANTS } from '#tenants/seeds.ts';\nexport { HOLIDAY_TABLE } from '#deadlines/holiday-table.ts';\n");
    const mod = await bundle.load<{ SEED_TENANTS: unknown; HOLIDAY_TABLE: unknown }>();
    expect(mod.SEED_TENANTS).toEqual(SEED_TENANTS);
    expect(mod.HOLIDAY_TABLE).toEqual(HOLIDAY_TABLE);
    const inputs = Object.keys(bundle.metafile.inputs).join('\n');
    for (const gone of ['shared/domain/tenant-policy.ts', 'shared/deadlines/holiday-data.ts', 'shared/tenants/softera.ts', 'holidays.generated.json', 'node_modules/zod']) expect(inputs).not.toContain(gone);
  });

  it('a Lambda bundle holds the fulfilment registers as validated values, without the register schemas', async () => {
    const bundle = await deployBuild('build-time-registers', "export { SEED_REGISTERS } from '#tenants/fulfilment/registers.ts';\nexport { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';\n");
    const mod = await bundle.load<{ SEED_REGISTERS: unknown; fulfilmentRegisters: { get(id: string): unknown } }>();
    expect(mod.SEED_REGISTERS).toEqual(SEED_REGISTERS);
    expect(mod.fulfilmentRegisters.get('bajtel')).toEqual(SEED_REGISTERS.find((r) => r.tenantId === 'bajtel'));
    const inputs = Object.keys(bundle.metafile.inputs).join('\n');
    for (const gone of ['shared/domain/fulfilment/register.ts', 'shared/tenants/fulfilment/validation.ts', 'shared/tenants/fulfilment/bajtel.ts', 'node_modules/zod']) expect(inputs).not.toContain(gone);
  });

  it('a Lambda bundle holds the retention rules as validated values, without their schema', async () => {
    const bundle = await deployBuild('build-time-retention', "export { CASE_RETENTION, retentionRuleFor } from '#tenants/retention.ts';\n");
    const mod = await bundle.load<{ CASE_RETENTION: unknown; retentionRuleFor(id: string): unknown }>();
    expect(mod.CASE_RETENTION).toEqual(CASE_RETENTION);
    expect(mod.retentionRuleFor('gautora')).toEqual(CASE_RETENTION.gautora);
    const inputs = Object.keys(bundle.metafile.inputs).join('\n');
    for (const gone of ['shared/domain/retention.ts', 'shared/tenants/retention-list.ts', 'node_modules/zod']) expect(inputs).not.toContain(gone);
  });

  it("a Lambda bundle holds the tenants' Art. 15 information as validated values, without its schema or the tenant files", async () => {
    const bundle = await deployBuild('build-time-art15', "export { ART15_SHEETS } from '#tenants/art15-seeds.ts';\nexport { art15Of } from '#tenants/art15.ts';\n");
    const mod = await bundle.load<{ ART15_SHEETS: unknown; art15Of(id: string): unknown }>();
    expect(mod.ART15_SHEETS).toEqual(ART15_SHEETS);
    expect(mod.art15Of('lytagra')).toEqual(ART15_SHEETS.lytagra);
    const inputs = Object.keys(bundle.metafile.inputs).join('\n');
    for (const gone of ['shared/domain/tenant-policy.ts', 'shared/tenants/art15-list.ts', 'shared/tenants/art15-validation.ts', 'shared/tenants/lytagra.ts', 'node_modules/zod']) expect(inputs).not.toContain(gone);
  });

  it('a Lambda bundle holds the classifier cues expanded, without the written list or the expansion', async () => {
    const bundle = await deployBuild('build-time-cues', "export { CUES } from '#domain/classifier/lexicon.ts';\n");
    const mod = await bundle.load<{ CUES: readonly { pattern: RegExp }[] }>();
    expect(mod.CUES.map((c) => ({ ...c, pattern: c.pattern.source }))).toEqual(CUES.map((c) => ({ ...c, pattern: c.pattern.source })));
    const inputs = Object.keys(bundle.metafile.inputs).join('\n');
    expect(inputs).not.toContain('shared/domain/classifier/cues.ts');
  });

  it('a Lambda bundle holds the constant Content-Security-Policy values, without the code that hashes the styles', async () => {
    const bundle = await deployBuild('build-time-csp', "export { PAGE_CSP, FORM_STYLE_SOURCE } from '#http/csp-policies.ts';\n");
    const mod = await bundle.load<{ PAGE_CSP: unknown; FORM_STYLE_SOURCE: unknown }>();
    expect(mod).toMatchObject({ PAGE_CSP, FORM_STYLE_SOURCE });
    const inputs = Object.keys(bundle.metafile.inputs).join('\n');
    for (const gone of ['shared/http/csp.ts', 'shared/http/docs-page.ts', 'shared/http/forms/form-style.ts']) expect(inputs).not.toContain(gone);
    expect(bundle.initCode).not.toContain('createHash');
  });

  it('bundles default and named exports as values, and fails the build, naming the export, when a value would not survive JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'build-time-refused-'));
    await writeFile(join(dir, 'values.ts'), "export const fine = { a: [1, 'b', null] };\nexport const when = new Date(0);\n");
    await writeFile(join(dir, 'plain.ts'), "export default { computed: [1, 2, 3].map((n) => n * 2) };\nexport const label = 'plain';\n");
    const plain = await build({ stdin: { contents: "export { default, label } from './plain.ts';", resolveDir: dir, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [buildTimeModules([join(dir, 'plain.ts')])] });
    const built = plain.outputFiles[0]!.text;
    expect(built).not.toContain('map(');
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(built).toString('base64')}`)) as { default: unknown; label: string };
    expect(mod.default).toEqual({ computed: [2, 4, 6] });
    expect(mod.label).toBe('plain');
    await writeFile(join(dir, 'entry.ts'), "export { fine, when } from './values.ts';\n");
    const attempt = build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [buildTimeModules([join(dir, 'values.ts')])] });
    await expect(attempt).rejects.toThrow(/export "when" does not survive JSON/);
  });

  it('fails the build when a listed module throws (an invalid seed cannot be bundled)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'build-time-throws-'));
    await writeFile(join(dir, 'seeds.ts'), "const seeds = [{ id: 'a' }, { id: 'a' }];\nif (new Set(seeds.map((s) => s.id)).size !== seeds.length) throw new Error('Tenants share the id \"a\".');\nexport const SEEDS = seeds;\n");
    const attempt = build({ stdin: { contents: "export { SEEDS } from './seeds.ts';", resolveDir: dir, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [buildTimeModules([join(dir, 'seeds.ts')])] });
    await expect(attempt).rejects.toThrow(/Tenants share the id "a"/);
  });
});

describe('built-ins by require (infra/builtins-require.mjs)', () => {
  it('named, default and namespace imports of built-ins work, and the bundle imports none of them as ES modules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'builtins-require-'));
    await writeFile(
      join(dir, 'entry.ts'),
      `import { createHash } from 'node:crypto';\nimport https from 'node:https';\nimport * as path from 'path';\nimport { promises } from 'node:fs';\n` +
        `export const answer = [createHash('sha256').update('x').digest('hex').slice(0, 8), typeof https.request, path.join('a', 'b'), typeof promises.readFile].join(' ');\n` +
        `export const later = async () => (await import('node:os')).EOL.length;\n`,
    );
    const result = await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, format: 'esm', platform: 'node', outdir: join(dir, 'out'), outExtension: { '.js': '.mjs' }, banner: { js: BANNER }, write: true, plugins: [builtinsRequire()] });
    expect(result.errors).toEqual([]);
    const code = await readFile(join(dir, 'out', 'entry.mjs'), 'utf8');
    expect(code.replace(BANNER, '')).not.toMatch(/from\s*["'](node:)?(crypto|https|path|fs)["']/);
    const mod = (await import(pathToFileURL(join(dir, 'out', 'entry.mjs')).href)) as { answer: string; later: () => Promise<number> };
    expect(mod.answer).toBe('2d711642 function a/b function');
    expect(await mod.later()).toBe(1);
  });

  it('the deployed api bundle builds without warnings and loads no built-in through an ES module import at init but node:module (the banner)', async () => {
    const handler = fileURLToPath(new URL('../../functions/api/handler.ts', import.meta.url));
    const bundle = await deployBuild('builtins-api', `export { handler } from ${JSON.stringify(handler)};\n`);
    // The deploy prints esbuild's warnings (infra/split-bundle.mjs): the lazy-import wrappers once warned for every module without a default export.
    expect(bundle.warnings.map((w) => w.text)).toEqual([]);
    const imported = [...bundle.initCode.matchAll(/import\s*(?:[\w$]+|\*\s*as\s*[\w$]+|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(imported).toContain('node:module');
    const esmBuiltins = imported.filter((s) => isBuiltin(s) && s !== 'node:module');
    expect(esmBuiltins).toEqual([]);
  }, 60_000);
});
