import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterDocument } from '#domain/letters.ts';
import { FUNCTIONS, LETTER_FONT, type FunctionSpec } from '../../infra/bundling.ts';
import { lambdaBuildOptions } from '../support/lambda-bundle.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * The deployed letters function, not its sources: bundled with the CDK options and aliases
 * (pako → node:zlib, UPNG → stub) into a directory outside the repo (no node_modules to fall back
 * on), the assets copied beside it as CDK's afterBundling hook does, LETTER_FONT_PATH set as the
 * stack sets it, then imported and invoked.
 */
const spec = FUNCTIONS.find((f) => f.name === 'letters') as FunctionSpec;
let dir: string;
let handler: (event: unknown) => Promise<{ pdfBase64: string }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rightsdesk-letters-'));
  await build({ ...lambdaBuildOptions(spec), write: true, outdir: dir });
  for (const asset of spec.assets ?? []) copyFileSync(asset, join(dir, basename(asset)));
  const previous = process.env.LETTER_FONT_PATH;
  process.env.LETTER_FONT_PATH = join(dir, basename(LETTER_FONT.runtimePath));
  try {
    ({ handler } = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { handler: typeof handler });
  } finally {
    if (previous === undefined) delete process.env.LETTER_FONT_PATH;
    else process.env.LETTER_FONT_PATH = previous;
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const letter: LetterDocument = {
  letterhead: ['UAB GAUTORA', 'Įmonės kodas 300551533, Laisvės al. 10, LT-44001 Kaunas', 'privatumas@gautora.lt'],
  recipient: ['Ona Žemaitė', 'Šv. Gertrūdos g. 7–3', 'LT-44001 Kaunas'],
  dateLine: 'Kaunas, 2026-12-11',
  referenceLine: 'Nr. GAU-2026-000007',
  title: 'Atsakymas į Jūsų prašymą „Dėl duomenų ištrynimo“',
  body: [
    'Gerb. Ona,',
    '',
    'Ąžuolas, čiužinys, ėriukas, įlanka, šuo, ųžūt, ūkis, žąsis. ĄČĘĖĮŠŲŪŽ ąčęėįšųūž.',
    'Mokestis – 0 €; terminas — 30 d. (BDAR 12 str. 3 d.) … • № 5, 20 °C, § 9.',
    ...Array.from({ length: 80 }, (_, i) => `${i + 1}. Pastraipa apie duomenų tvarkymą, kad laiškas būtų kelių puslapių.`),
  ].join('\n'),
  language: 'lt',
};

describe('letters bundle', () => {
  it('is the deployed size (no fontkit) and the subset font it reads beside it', () => {
    expect(statSync(join(dir, 'index.mjs')).size / 1024).toBeLessThanOrEqual(spec.budgetKb);
    expect(statSync(join(dir, basename(LETTER_FONT.runtimePath))).size).toBeLessThan(64 * 1024);
  });

  it('renders a Lithuanian letter whose text comes back exactly, on every page', async () => {
    const { pdfBase64 } = await handler({ letter });
    const bytes = Buffer.from(pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const lines = (await pdfText(bytes)).split('\n');
    for (const expected of [
      'UAB GAUTORA',
      'Įmonės kodas 300551533, Laisvės al. 10, LT-44001 Kaunas',
      'Ona Žemaitė',
      'Šv. Gertrūdos g. 7–3',
      'Nr. GAU-2026-000007',
      'Atsakymas į Jūsų prašymą „Dėl duomenų ištrynimo“',
      'Ąžuolas, čiužinys, ėriukas, įlanka, šuo, ųžūt, ūkis, žąsis. ĄČĘĖĮŠŲŪŽ ąčęėįšųūž.',
      'Mokestis – 0 €; terminas — 30 d. (BDAR 12 str. 3 d.) … • № 5, 20 °C, § 9.',
      '80. Pastraipa apie duomenų tvarkymą, kad laiškas būtų kelių puslapių.',
    ]) {
      expect(lines).toContain(expected);
    }
    const footers = lines.filter((l) => l.startsWith('Nr. GAU-2026-000007 · '));
    expect(footers.length).toBeGreaterThan(1);
    expect(footers.at(-1)).toBe(`Nr. GAU-2026-000007 · ${footers.length}/${footers.length}`);
  });

  it('refuses an event that is not a letter', async () => {
    await expect(handler({ letter: { ...letter, language: 'de' } })).rejects.toThrow(/not valid/);
  });
});
