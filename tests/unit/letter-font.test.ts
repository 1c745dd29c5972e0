import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fitToLetterFont, loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { PrecomputedFont, precomputedFontkit, UnsupportedCharacterError, type PrecomputedFontMetrics } from '#adapters/pdf/precomputed-font.ts';
import * as zlibPako from '#adapters/pdf/shims/pako-zlib.ts';
import upng from '#adapters/pdf/shims/upng-unavailable.ts';
import { buildLetterFont, formatMetrics, LETTER_CHARACTERS, LETTER_FONT_FILES } from '../../tools/letter-font-data.ts';
import { pdfText } from '../support/pdf-text.ts';

// The real pako (pdf-lib's dependency, untyped here), to check the stand-in against.
const pako = createRequire(import.meta.url)('pako') as { deflate(data: Uint8Array): Uint8Array; inflate(data: Uint8Array): Uint8Array };
const metrics = JSON.parse(readFileSync(LETTER_FONT_FILES.metrics, 'utf8')) as PrecomputedFontMetrics;
const subsetBytes = readFileSync(LETTER_FONT_FILES.ttf);

describe('the letter font (shared/adapters/pdf/font)', () => {
  it('is what tools/build-letter-font.ts builds from the installed DejaVu Sans and fontkit (else: npx tsx tools/build-letter-font.ts)', async () => {
    const built = await buildLetterFont();
    expect(Buffer.compare(Buffer.from(built.ttf), subsetBytes)).toBe(0);
    expect(readFileSync(LETTER_FONT_FILES.metrics, 'utf8')).toBe(formatMetrics(built.metrics));
    expect(readFileSync(LETTER_FONT_FILES.licence, 'utf8')).toBe(built.licence);
  }, 30_000);

  it('covers Lithuanian, Latin-1, Latin Extended-A and the typographic punctuation, with DejaVu Sans’s own metrics', () => {
    expect(metrics.codePoints).toEqual(LETTER_CHARACTERS);
    const full = fontkit.create(readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
    const subset = fontkit.create(subsetBytes);
    const font = new PrecomputedFont(metrics);
    for (const codePoint of LETTER_CHARACTERS) {
      const glyph = font.glyphForCodePoint(codePoint);
      expect(glyph.advanceWidth).toBe(full.glyphForCodePoint(codePoint).advanceWidth);
      // The subset's own glyph (same id) has the same advance: the ids are the subset's.
      expect(subset.getGlyph(glyph.id).advanceWidth).toBe(glyph.advanceWidth);
      expect(glyph.codePoints).toEqual([codePoint]);
    }
    for (const char of 'ąčęėįšųūžĄČĘĖĮŠŲŪŽ„“”‘’‚–—…•€№°§\u00a0ЖжЁёІіЇїЄєЎўҐґ') expect(font.hasGlyphForCodePoint(char.codePointAt(0)!)).toBe(true);
    expect({ unitsPerEm: font.unitsPerEm, ascent: font.ascent, descent: font.descent, bbox: font.bbox, name: font.postscriptName }).toEqual({
      unitsPerEm: full.unitsPerEm,
      ascent: full.ascent,
      descent: full.descent,
      bbox: { minX: full.bbox.minX, minY: full.bbox.minY, maxX: full.bbox.maxX, maxY: full.bbox.maxY },
      name: full.postscriptName,
    });
  });
});

describe('the precomputed fontkit stand-in', () => {
  it('lays text out one glyph per character, with the widths fontkit gives', () => {
    const font = new PrecomputedFont(metrics);
    const full = fontkit.create(readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
    const text = 'Ąžuolas – „žąsis“ № 5';
    const width = (glyphs: ReadonlyArray<{ advanceWidth: number }>) => glyphs.reduce((sum, g) => sum + g.advanceWidth, 0);
    expect(font.layout(text).glyphs).toHaveLength([...text].length);
    expect(width(font.layout(text).glyphs)).toBe(width(full.glyphsForString(text)));
  });

  it('fails with a clear error on a character outside the set, and on a font file the metrics do not describe', async () => {
    const font = new PrecomputedFont(metrics);
    expect(() => font.layout('Ωμέγα')).toThrow(UnsupportedCharacterError);
    expect(() => font.layout('Ωμέγα')).toThrow('The font DejaVuSans has no glyph for U+03A9 ("Ω").');
    expect(() => font.glyphForCodePoint(0x1f600)).toThrow(/U\+1F600/);
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(precomputedFontkit(metrics));
    const fullFont = readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    await expect(pdf.embedFont(fullFont, { subset: false })).rejects.toThrow(/not the one these metrics describe/);
    const embedded = await pdf.embedFont(subsetBytes, { subset: false });
    expect(() => embedded.widthOfTextAtSize('Ωmega', 10)).toThrow(/U\+03A9/);
  });
});

describe('text outside the letter font', () => {
  it('is made drawable predictably: NFC, whitespace, look-alikes, base letters, else "?"', () => {
    expect(fitToLetterFont('Ąžuolas „ž“ – € № ° § a\u00a0b')).toBe('Ąžuolas „ž“ – € № ° § a\u00a0b');
    expect(fitToLetterFont('e\u0307 s\u030c u\u0328')).toBe('ė š ų'); // decomposed → the font's precomposed letters
    expect(fitToLetterFont('a\tb\r\nc\rd')).toBe('a    b\nc\nd');
    expect(fitToLetterFont('x\u0000y\u200bz\ufeff')).toBe('xyz');
    expect(fitToLetterFont('1\u20092\u202f3')).toBe('1 2 3');
    expect(fitToLetterFont('a\u2010b\u2212c \u2032')).toBe("a-b-c '");
    expect(fitToLetterFont('Ștefan ǅ ﬁ ™ x\u0360')).toBe('Stefan Dž fi TM x');
    expect(fitToLetterFont('Жанна Ґалушко 😀 ✓ Ωμέγα')).toBe('Жанна Ґалушко ? ? ?????'); // Cyrillic is in the set; emoji, symbols and Greek are not
  });

  it('is replaced in the rendered letter instead of failing it', async () => {
    const renderer = new PdfLetterRenderer(loadLetterFont());
    const pdf = await renderer.render({
      letterhead: ['UAB Gautora'],
      recipient: ['Жанна Ștefan', 'Gedimino pr. 1'],
      dateLine: 'Vilnius, 2026-12-11',
      referenceLine: 'Nr. GAU-2026-000008',
      title: 'Atsakymas',
      body: 'Ačiū 👍\tViso gero.',
      language: 'lt',
    });
    const text = await pdfText(pdf);
    expect(text).toContain('Жанна Stefan');
    expect(text).toContain('Ačiū ? Viso gero.'); // the tab became spaces, which wrapping joins
  });
});

describe('the letters bundle’s stand-ins (infra/bundling.ts LETTERS_ALIAS)', () => {
  it('pako → node:zlib: deflate and inflate interoperate with pako, and unsupported calls fail loudly', () => {
    const data = new TextEncoder().encode('BT /F1 12 Tf (Ąžuolas) Tj ET\n'.repeat(200));
    expect(pako.inflate(zlibPako.deflate(data))).toEqual(data);
    expect(zlibPako.inflate(pako.deflate(data))).toEqual(data);
    expect(zlibPako.deflate(data)).not.toBeInstanceOf(Buffer);
    expect(zlibPako.default.inflate).toBe(zlibPako.inflate);
    expect(() => zlibPako.inflate(pako.deflate(data), { to: 'string' })).toThrow(/not implemented/);
    expect(() => zlibPako.deflate('text' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('@pdf-lib/upng → a stub: PNG embedding fails with a clear error', () => {
    expect(() => upng.decode()).toThrow('PNG embedding is not part of the letters function');
    expect(() => upng.toRGBA8()).toThrow('PNG embedding is not part of the letters function');
  });
});
