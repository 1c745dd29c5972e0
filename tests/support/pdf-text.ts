import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

/**
 * Extracts the text of a PDF written by pdf-lib with an embedded (Identity-H) font: decodes every
 * stream, reads the ToUnicode CMaps (bfchar/bfrange), and maps the hex glyph strings of the
 * content streams' `Tj` operators back to text. Enough to check what a letter says.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const streams: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) streams.push(Buffer.from(decodePDFRawStream(object).decode()).toString('latin1'));
  }
  const map = new Map<string, string>();
  const unhex = (h: string) => {
    let s = '';
    for (let i = 0; i < h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return s;
  };
  for (const s of streams.filter((x) => x.includes('begincmap'))) {
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(m[1]!.toUpperCase(), unhex(m[2]!));
    }
    for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const lo = parseInt(m[1]!, 16);
        const hi = parseInt(m[2]!, 16);
        const start = parseInt(m[3]!, 16);
        for (let g = lo; g <= hi; g += 1) map.set(g.toString(16).toUpperCase().padStart(m[1]!.length, '0'), String.fromCodePoint(start + g - lo));
      }
    }
  }
  const lines: string[] = [];
  for (const s of streams.filter((x) => /\bTj\b/.test(x))) {
    for (const m of s.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const hex = m[1]!.toUpperCase();
      let text = '';
      for (let i = 0; i < hex.length; i += 4) text += map.get(hex.slice(i, i + 4)) ?? '?';
      lines.push(text);
    }
  }
  return lines.join('\n');
}
