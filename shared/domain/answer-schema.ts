import * as z from 'zod/mini';
import { RIGHT_OUTCOMES, type AnswerContent } from './answer.ts';
import { RIGHT_TYPES } from './rights.ts';

/**
 * The answer content as validated input (staff API) and as stored (the case's draft): one schema
 * for both, so what was accepted is exactly what is read back.
 */
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const value = () => z.union([z.string().check(z.maxLength(10_000)), z.number(), z.boolean(), z.null()]);

// Built on first use (z.lazy), its parts too: only a case with an answer, or an answer form, parses it.
export const AnswerContentSchema = z.lazy(() => z.object({
  data: z.optional(
    z.array(z.object({ category: text(200), records: z.array(z.record(z.string().check(z.maxLength(200)), value())).check(z.maxLength(10_000)) })).check(z.maxLength(100)),
  ),
  results: z.optional(
    z.array(
      z.object({
        type: z.enum(RIGHT_TYPES),
        outcome: z.enum(RIGHT_OUTCOMES),
        summary: z.optional(z.string().check(z.maxLength(4000))),
        erased: z.optional(z.array(text(1000)).check(z.maxLength(200))),
        kept: z.optional(z.array(z.object({ data: text(1000), reason: text(2000), until: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) })).check(z.maxLength(200))),
      }),
    ).check(z.maxLength(RIGHT_TYPES.length)),
  ),
  recipientsDisclosed: z.optional(z.array(text(500)).check(z.maxLength(200))),
}));

type Assignable<T, U extends T> = U;
export type AnswerContentCheck = Assignable<AnswerContent, z.infer<typeof AnswerContentSchema>>;
