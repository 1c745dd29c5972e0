import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { UnsupportedMediaTypeError, ValidationError, type FieldIssue } from '#domain/errors.ts';

/** Thrown for bodies that are not JSON at all; mapped to 400 (422 is for JSON that breaks the schema). */
export class MalformedJsonError extends Error {
  override readonly name = 'MalformedJsonError';
}

export function issuesOf(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/** Parses untrusted input with a schema, turning failures into a ValidationError listing fields. */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(`The ${what} has ${result.error.issues.length} problem(s); see "errors".`, issuesOf(result.error));
  return result.data as z.infer<S>;
}

/** Reads a JSON request body: right media type, syntactically valid, then schema-valid. */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new UnsupportedMediaTypeError(`Send the body as "application/json" (got "${type || 'nothing'}").`);
  }
  const text = await c.req.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MalformedJsonError(error instanceof Error ? error.message : 'Invalid JSON.');
  }
  return parseWith(schema, parsed, 'request body');
}
