/**
 * Recognises a dependency outage (a timeout, a refused or reset connection, throttling, a 5xx of
 * an AWS service) as opposed to a bug, so the API can answer 503 with Retry-After: the client
 * should come back, nothing is wrong with its request.
 */
const OUTAGE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalFailure',
]);
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

export function isDependencyOutage(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const e = error as Error & { code?: unknown; $metadata?: { httpStatusCode?: number } };
  if (OUTAGE_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && OUTAGE_CODES.has(e.code)) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  return isDependencyOutage(e.cause, depth + 1);
}

/** Seconds a client is asked to wait before retrying during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;
