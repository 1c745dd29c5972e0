import type { BlobStore, MessageStore } from '#ports/mail.ts';
import type { Clock, IdentityVerifier } from '#ports/cases.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';
import { CachedTrustedLists } from '#usecases/identity/cached-trusted-lists.ts';
import { QesIdentityVerifier } from '#usecases/identity/qes-identity-verifier.ts';

/**
 * The intake's QES verifier over the e-mail channel's stores: attachments and raw mail from the
 * buckets, trusted lists from the refresh job's cache (`trusted-lists/` in the evidence bucket).
 */
export function qesIdentityVerifier(
  stores: { readonly messages: MessageStore; readonly evidence: BlobStore; readonly inboundMail: BlobStore; readonly validationReports: ValidationReportStore },
  clock: Clock,
): IdentityVerifier {
  return new QesIdentityVerifier({ ...stores, reports: stores.validationReports, trustedLists: new CachedTrustedLists(stores.evidence, clock), clock });
}
