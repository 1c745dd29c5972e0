import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError} from '#domain/errors.ts';
import { ValidationError, type DomainErrorCode, type FieldIssue } from '#domain/errors.ts';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldIssue[];
  readonly correlationId?: string;
  /** The use case's detail key (shared/domain/error-details.ts), stable for clients that word it themselves. */
  readonly code?: string;
}

interface ProblemKind {
  readonly status: ContentfulStatusCode;
  readonly title: string;
}

/** One place maps every domain error code to HTTP (RFC 9457). */
export const PROBLEM_KINDS: Readonly<Record<DomainErrorCode | 'malformed_json' | 'internal' | 'unavailable', ProblemKind>> = {
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  validation_failed: { status: 422, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  unknown_tenant: { status: 403, title: 'Unknown tenant' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  invalid_transition: { status: 409, title: 'The case is not in a state that allows this' },
  concurrent_update: { status: 409, title: 'The case was changed by someone else; retry' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused with a different request' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  workflow_not_waiting: { status: 409, title: 'The case is not waiting for this decision' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'A service we depend on is unavailable; retry later' },
};

export type ProblemCode = keyof typeof PROBLEM_KINDS;

/** Problem type URIs are relative references resolved against the API; `/problems/{code}` documents each. */
export const problemType = (code: ProblemCode) => `/problems/${code.replaceAll('_', '-')}`;

export function problemFor(code: ProblemCode, detail?: string, extra?: Partial<Problem>): Problem {
  const kind = PROBLEM_KINDS[code];
  return { type: problemType(code), title: kind.title, status: kind.status, ...(detail ? { detail } : {}), ...extra };
}

export function problemFromDomainError(error: DomainError): Problem {
  const issues = error instanceof ValidationError && error.issues.length > 0 ? { errors: error.issues } : {};
  return problemFor(error.code, error.message, { ...issues, ...(error.detail ? { code: error.detail.key } : {}) });
}

export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify({ ...problem, instance: problem.instance ?? c.req.path }), problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...headers,
  });
}
