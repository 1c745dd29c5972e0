import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LetterDocument, LetterRenderer } from '#domain/channel-ports.ts';

/**
 * Letters as A4 PDFs with pdf-lib. pdf-lib's standard fonts are WinAnsi only (no ą č ę ė į š ų ū
 * ž), so a Unicode TrueType font is embedded and subset: DejaVu Sans (dejavu-fonts-ttf, Bitstream
 * Vera licence: free to embed and redistribute). Only the workflow/letters functions and the
 * local stack load this module; the API never does (bundle budget).
 */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 10.5;
const LEADING = 14;

/** The font next to the bundle (Lambda: copied beside index.mjs) or from node_modules (local, tests). */
export function loadLetterFont(path?: string): Uint8Array {
  if (path) return readFileSync(path);
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
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

export class PdfLetterRenderer implements LetterRenderer {
  constructor(private readonly fontBytes: Uint8Array) {}

  async render(letter: LetterDocument): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    pdf.setTitle(letter.title);
    pdf.setLanguage(letter.language === 'lt' ? 'lt-LT' : 'en-GB');
    pdf.setProducer('rightsdesk');
    // A fixed creation date would hide when the letter was made; pdf-lib's default (now) is kept.
    const font = await pdf.embedFont(this.fontBytes, { subset: true });
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
