import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import { lettersFromEnv } from '#wiring/letters.ts';

/**
 * Renders one letter PDF (pdf-lib + DejaVu Sans, so Lithuanian letters render), or joins letter
 * PDFs into one for a print batch. Invoked synchronously by the API, the console and the workflow
 * steps (LambdaLetterRenderer); the only bundle that carries the PDF library and the font.
 * Events: `{ letter: LetterDocument }` or `{ combine: [pdfBase64, …] }` → `{ pdfBase64 }`.
 */
const renderer = lettersFromEnv();

const text = z.string().check(z.maxLength(300_000));
const LetterEvent = z.object({
  letter: z.object({
    letterhead: z.array(text),
    recipient: z.array(text),
    dateLine: text,
    referenceLine: text,
    title: text,
    body: text,
    language: z.enum(['lt', 'en']),
  }),
});
// The 6 MB invoke limit bounds the payload; the count bound keeps a malformed event cheap.
const CombineEvent = z.object({ combine: z.array(z.string().check(z.regex(/^[A-Za-z0-9+/=]+$/))).check(z.minLength(1), z.maxLength(200)) });

export async function handler(event: unknown): Promise<{ pdfBase64: string }> {
  const combine = CombineEvent.safeParse(event);
  if (combine.success) {
    const pdf = await renderer.combine(combine.data.combine.map((b64) => new Uint8Array(Buffer.from(b64, 'base64'))));
    return { pdfBase64: Buffer.from(pdf).toString('base64') };
  }
  const parsed = LetterEvent.safeParse(event);
  if (!parsed.success) throw new ValidationError('The letter is not valid.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  const pdf = await renderer.render(parsed.data.letter);
  return { pdfBase64: Buffer.from(pdf).toString('base64') };
}
