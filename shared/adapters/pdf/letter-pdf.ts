import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LetterRenderer, PdfCombiner } from '#ports/channels.ts';
import type { LetterDocument } from '#domain/letters.ts';
import letterFontMetrics from './font/DejaVuSans-letters.json' with { type: 'json' };
import { precomputedFontkit, type PrecomputedFontMetrics } from './precomputed-font.ts';

/**
 * Letters as A4 PDFs with pdf-lib. pdf-lib's standard fonts are WinAnsi only (no ą č ę ė į š ų ū
 * ž), so a Unicode TrueType font is embedded: DejaVu Sans (Bitstream Vera licence: free to embed
 * and redistribute), subset at build time by tools/build-letter-font.ts to Basic Latin, Latin-1,
 * Latin Extended-A, Cyrillic and typographic punctuation (./font/). Its metrics are precomputed, so neither
 * fontkit (~900 KB) nor subsetting runs here (precomputed-font.ts). Only the letters function and
 * the local stack load this module; the API never does (bundle budget).
 */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 10.5;
const LEADING = 14;

const metrics: PrecomputedFontMetrics = letterFontMetrics;
const fontkit = precomputedFontkit(metrics);
const supported: ReadonlySet<number> = new Set(metrics.codePoints);

/** The subset TTF: LETTER_FONT_PATH on Lambda (copied beside index.mjs), else the repo's copy. */
export function loadLetterFont(path?: string): Uint8Array {
  return readFileSync(path ?? fileURLToPath(new URL('./font/DejaVuSans-letters.ttf', import.meta.url)));
}

/** Look-alikes outside the font, drawn as the font's own. */
const EQUIVALENTS: ReadonlyMap<string, string> = new Map([
  ['\u2010', '-'], // hyphen
  ['\u2011', '-'], // non-breaking hyphen
  ['\u2012', '–'], // figure dash
  ['\u2015', '—'], // horizontal bar
  ['\u2212', '-'], // minus sign
  ['\u201b', '‘'],
  ['\u201f', '“'],
  ['\u2032', "'"], // prime
  ['\u2033', '"'], // double prime
]);

const drawable = (text: string) => [...text].every((c) => supported.has(c.codePointAt(0) as number));

/**
 * Makes text drawable in the letter font, predictably, instead of failing a whole letter for one
 * character of a name or a staff reply: Unicode NFC first (a decomposed ė becomes the font's ė);
 * tabs become four spaces and CR/CRLF a line break; other control and format characters are
 * dropped; other whitespace becomes a space; a few look-alike dashes and quotes become the font's;
 * otherwise the compatibility form when the font has it (ﬁ → fi, ™ → TM, ǅ → Dž), else that
 * without its marks (ș → s; a lone combining mark disappears), and anything else becomes a
 * visible "?" (Cyrillic, Greek, emoji…).
 */
export function fitToLetterFont(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ')) {
    if (char === '\n' || supported.has(char.codePointAt(0) as number)) {
      out += char;
      continue;
    }
    if (/[\p{Cc}\p{Cf}]/u.test(char)) continue;
    if (/\s/u.test(char)) {
      out += ' ';
      continue;
    }
    const equivalent = EQUIVALENTS.get(char);
    const compatible = char.normalize('NFKD').normalize('NFC');
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += equivalent ?? (drawable(compatible) ? compatible : drawable(base) ? base : '?');
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const indent = /^\s*/.exec(paragraph)?.[0] ?? '';
    const words = paragraph.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let line = indent;
    for (const word of words) {
      const candidate = line.trim() === '' ? `${indent}${word}` : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width || line.trim() === '') line = candidate;
      else {
        out.push(line);
        line = `${indent}    ${word}`;
      }
    }
    out.push(line);
  }
  return out;
}

export class PdfLetterRenderer implements LetterRenderer, PdfCombiner {
  constructor(private readonly fontBytes: Uint8Array) {}

  /** Every page of each PDF, in order, in one document (pdf-lib copies pages with their resources). */
  async combine(pdfs: readonly Uint8Array[]): Promise<Uint8Array> {
    const out = await PDFDocument.create();
    out.setProducer('rightsdesk');
    for (const bytes of pdfs) {
      const source = await PDFDocument.load(bytes);
      for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
    }
    return out.save();
  }

  async render(input: LetterDocument): Promise<Uint8Array> {
    const letter: LetterDocument = {
      ...input,
      letterhead: input.letterhead.map(fitToLetterFont),
      recipient: input.recipient.map(fitToLetterFont),
      dateLine: fitToLetterFont(input.dateLine),
      referenceLine: fitToLetterFont(input.referenceLine),
      title: fitToLetterFont(input.title),
      body: fitToLetterFont(input.body),
    };
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    pdf.setTitle(input.title); // metadata is Unicode text, not drawn
    pdf.setLanguage(letter.language === 'lt' ? 'lt-LT' : 'en-GB');
    pdf.setProducer('rightsdesk');
    // A fixed creation date would hide when the letter was made; pdf-lib's default (now) is kept.
    // The whole (already subset, ~40 KB) font is embedded: the precomputed font cannot subset.
    const font = await pdf.embedFont(this.fontBytes, { subset: false });
    const width = A4.width - 2 * MARGIN;
    let page: PDFPage = pdf.addPage([A4.width, A4.height]);
    let y = A4.height - MARGIN;
    const newPage = () => {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    };
    const line = (text: string, size = SIZE, grey = false) => {
      if (y < MARGIN + LEADING) newPage();
      if (text !== '') page.drawText(text, { x: MARGIN, y, size, font, color: grey ? rgb(0.3, 0.3, 0.3) : rgb(0, 0, 0) });
      y -= size === SIZE ? LEADING : size + 4;
    };

    letter.letterhead.forEach((l, i) => line(l, i === 0 ? 13 : 9, i > 0));
    y -= 24;
    for (const l of letter.recipient) line(l);
    y -= 18;
    line(letter.dateLine);
    line(letter.referenceLine);
    y -= 10;
    for (const l of wrap(letter.title, font, 12, width)) line(l, 12);
    y -= 6;
    for (const l of wrap(letter.body, font, SIZE, width)) line(l);
    const pages = pdf.getPages();
    pages.forEach((p, i) => p.drawText(`${letter.referenceLine} · ${i + 1}/${pages.length}`, { x: MARGIN, y: MARGIN / 2, size: 8, font, color: rgb(0.4, 0.4, 0.4) }));
    return pdf.save();
  }
}
