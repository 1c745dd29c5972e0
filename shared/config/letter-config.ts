import * as z from 'zod/mini';
import { optionalNonEmptyString } from './env-fields.ts';

/**
 * Where letter rendering finds its font and function. `LETTER_FONT_PATH`: the DejaVu Sans subset
 * (DejaVuSans-letters.ttf, built by tools/build-letter-font.ts) beside the bundle on Lambda
 * (default: the repo's shared/adapters/pdf/font/ copy, local and tests).
 * `LETTERS_FUNCTION`: the function the API and workflow steps invoke to render (AWS only).
 */
const EnvSchema = z.object({
  LETTER_FONT_PATH: optionalNonEmptyString,
  LETTERS_FUNCTION: optionalNonEmptyString,
});

export interface LetterConfig {
  readonly fontPath?: string;
  readonly functionName?: string;
}

export function loadLetterConfig(env: Record<string, string | undefined> = process.env): LetterConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid letter configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return {
    ...(parsed.data.LETTER_FONT_PATH ? { fontPath: parsed.data.LETTER_FONT_PATH } : {}),
    ...(parsed.data.LETTERS_FUNCTION ? { functionName: parsed.data.LETTERS_FUNCTION } : {}),
  };
}
