import type { ErrorDetail } from './error-details.ts';

/**
 * One error family for the whole product. Each subclass has a stable `code` that the HTTP
 * layer maps to an RFC 9457 problem type; callers never match on messages.
 */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'invalid_transition'
  | 'concurrent_update'
  | 'unknown_tenant'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'workflow_not_waiting';

export interface FieldIssue {
  /** JSON pointer-ish dotted path of the failing field, e.g. `rights.0.type`. */
  readonly field: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** What went wrong as a key and parameters, for pages that word it in their own language. */
  readonly detail: ErrorDetail | undefined;
  constructor(message: string, options?: { cause?: unknown; detail?: ErrorDetail }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.detail = options?.detail;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  constructor(message: string, readonly issues: readonly FieldIssue[] = [], detail?: ErrorDetail) {
    super(message, detail ? { detail } : undefined);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
}

/** Someone else changed the case between our read and our write; the caller may retry. */
export class ConcurrentUpdateError extends DomainError {
  readonly code = 'concurrent_update';
}

export class UnknownTenantError extends DomainError {
  readonly code = 'unknown_tenant';
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
}

/** A decision or reply for a case whose workflow is not waiting at that step (HTTP 409). */
export class WorkflowNotWaitingError extends DomainError {
  readonly code = 'workflow_not_waiting';
}
