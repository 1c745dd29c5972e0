import * as z from 'zod/mini';

// Built with StoredHandlingSchema, on its first use, not at every init (issue 15).
const mark = () => z.object({ reason: z.string(), by: z.string(), at: z.string() });

// Built on first use (z.lazy): only an item that carries handling (assignment, notes, pauses) parses it, so most cold starts never build it.
/** The stored form of a case's handling (domain/handling.ts): parsed, never cast. */
export const StoredHandlingSchema = z.lazy(() => z.object({
  assignee: z.optional(z.nullable(z.object({ userId: z.string(), by: z.string(), at: z.string() }))),
  pause: z.optional(z.nullable(mark())),
  spam: z.optional(z.nullable(mark())),
}));
