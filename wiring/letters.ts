import { loadLetterFont, PdfLetterRenderer } from '#adapters/pdf/letter-pdf.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import type { LetterRenderer, PdfCombiner } from '#ports/channels.ts';

/** The letters function: pdf-lib with the font file deployed beside the bundle. */
export function lettersFromEnv(): LetterRenderer & PdfCombiner {
  return new PdfLetterRenderer(loadLetterFont(loadLetterConfig().fontPath));
}
