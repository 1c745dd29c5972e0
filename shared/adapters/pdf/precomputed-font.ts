import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

/**
 * What pdf-lib needs to know about a TrueType font to embed it, computed at build time by
 * tools/build-letter-font.ts (with fontkit) for a font that is already subset: glyph ids are the
 * subset's own.
 */
export interface PrecomputedFontMetrics {
  readonly note: string;
  readonly source: string;
  /** SHA-256 (hex) of the TTF these metrics describe. */
  readonly sha256: string;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number | null;
  readonly xHeight: number | null;
  readonly italicAngle: number;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly isFixedPitch: boolean;
  /** OS/2 sFamilyClass. */
  readonly familyClass: number;
  readonly italic: boolean;
  /** Parallel arrays, by code point: the subset glyph id and its advance width (font units). */
  readonly codePoints: readonly number[];
  readonly glyphIds: readonly number[];
  readonly advanceWidths: readonly number[];
}

export class UnsupportedCharacterError extends Error {
  constructor(readonly codePoint: number, fontName: string) {
    super(`The font ${fontName} has no glyph for U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} (${JSON.stringify(String.fromCodePoint(codePoint))}).`);
    this.name = 'UnsupportedCharacterError';
  }
}

interface PrecomputedGlyph {
  readonly id: number;
  /** The one code point the PDF's ToUnicode map gives this glyph. */
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
}

/**
 * Exactly the part of fontkit's Font that pdf-lib 1.17.1's CustomFontEmbedder (the non-subset
 * path, `embedFont(bytes, { subset: false })`) reads: `characterSet`, `glyphForCodePoint`,
 * `layout(text).glyphs` (glyph `id`, `advanceWidth`, `codePoints`), `unitsPerEm`, `ascent`,
 * `descent`, `capHeight`, `xHeight`, `italicAngle`, `bbox`, `postscriptName`, `cff`, and the
 * `OS/2`, `head` and `post` fields of its font flags. One glyph per code point: no shaping, kerning
 * or ligatures. A character outside the set is an UnsupportedCharacterError, never a silent
 * .notdef box.
 */
export class PrecomputedFont {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number | null;
  readonly xHeight: number | null;
  readonly italicAngle: number;
  readonly bbox: PrecomputedFontMetrics['bbox'];
  /** TrueType outlines (CIDFontType2), not CFF. */
  readonly cff = undefined;
  readonly 'OS/2': { readonly sFamilyClass: number };
  readonly head: { readonly macStyle: { readonly italic: boolean } };
  readonly post: { readonly isFixedPitch: boolean };
  readonly characterSet: number[];
  private readonly glyphs = new Map<number, PrecomputedGlyph>();

  constructor(metrics: PrecomputedFontMetrics) {
    this.postscriptName = metrics.postscriptName;
    this.unitsPerEm = metrics.unitsPerEm;
    this.ascent = metrics.ascent;
    this.descent = metrics.descent;
    this.capHeight = metrics.capHeight;
    this.xHeight = metrics.xHeight;
    this.italicAngle = metrics.italicAngle;
    this.bbox = metrics.bbox;
    this['OS/2'] = { sFamilyClass: metrics.familyClass };
    this.head = { macStyle: { italic: metrics.italic } };
    this.post = { isFixedPitch: metrics.isFixedPitch };
    const byId = new Map<number, PrecomputedGlyph>();
    metrics.codePoints.forEach((codePoint, i) => {
      const id = metrics.glyphIds[i];
      const advanceWidth = metrics.advanceWidths[i];
      if (id === undefined || advanceWidth === undefined) throw new Error(`Font metrics for ${metrics.postscriptName} are inconsistent at U+${codePoint.toString(16)}.`);
      // Code points sharing a glyph share its object; the first (lowest) one is its text.
      const glyph = byId.get(id) ?? { id, codePoints: [codePoint], advanceWidth };
      byId.set(id, glyph);
      this.glyphs.set(codePoint, glyph);
    });
    this.characterSet = [...this.glyphs.keys()];
  }

  hasGlyphForCodePoint(codePoint: number): boolean {
    return this.glyphs.has(codePoint);
  }

  glyphForCodePoint(codePoint: number): PrecomputedGlyph {
    const glyph = this.glyphs.get(codePoint);
    if (!glyph) throw new UnsupportedCharacterError(codePoint, this.postscriptName);
    return glyph;
  }

  layout(text: string, features?: unknown): { glyphs: PrecomputedGlyph[] } {
    if (features !== undefined && !(Array.isArray(features) && features.length === 0)) {
      throw new Error('Font features need fontkit’s shaping; the precomputed font lays out one glyph per character.');
    }
    const glyphs: PrecomputedGlyph[] = [];
    for (const char of text) glyphs.push(this.glyphForCodePoint(char.codePointAt(0) as number));
    return { glyphs };
  }
}

/**
 * A stand-in for fontkit to register with `pdf.registerFontkit()`: `create(bytes)` checks that the
 * bytes are the TTF the metrics were computed for (glyph ids would be wrong for any other) and
 * returns the precomputed font. Embed with `{ subset: false }`: the file is already a subset.
 */
export function precomputedFontkit(metrics: PrecomputedFontMetrics): Fontkit {
  const font = new PrecomputedFont(metrics);
  return {
    create(bytes: Uint8Array): FontkitFont {
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== metrics.sha256) {
        throw new Error(`The font file is not the one these metrics describe (${metrics.source}, sha256 ${metrics.sha256.slice(0, 12)}…, got ${digest.slice(0, 12)}…); rebuild both with tools/build-letter-font.ts.`);
      }
      // pdf-lib types the whole of fontkit's Font; CustomFontEmbedder reads only the members above.
      return font as unknown as FontkitFont;
    },
  };
}
