import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import { lettersFromEnv } from '#wiring/letters.ts';

/**
 * Renders one letter PDF (pdf-lib + DejaVu Sans, so Lithuanian letters render). Invoked
 * synchronously by the API and the workflow steps (LambdaLetterRenderer); the only bundle that
 * carries the PDF library and the font. Event: `{ letter: LetterDocument }` → `{ pdfBase64 }`.
 */
const renderer = lettersFromEnv();

const text = z.string().check(z.maxLength(300_000));
const EventSchema = z.object({
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

export async function handler(event: unknown): Promise<{ pdfBase64: string }> {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) throw new ValidationError('The letter is not valid.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  const pdf = await renderer.render(parsed.data.letter);
  return { pdfBase64: Buffer.from(pdf).toString('base64') };
}
