import { ValidationError } from '#domain/errors.ts';

/**
 * A file we refuse to process at all (XML with a DOCTYPE, a ZIP bomb, a path escaping the
 * container, an oversized input). It is a validation failure of the upload, with a reason a
 * DPO can read; the verifier turns it into a "not valid" verdict rather than crashing.
 */
export class UnsafeInputError extends ValidationError {}

/**
 * The configured trusted list could not be used (unreadable, unsafe, or its signature does not
 * verify with the configured signer). Without a list nothing can be judged, so callers stop.
 */
export class TrustedListError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TrustedListError';
  }
}
