import type { IdentityMethod } from './identity.ts';

/**
 * The evidence record of how identity was established (docs/design.md §1.3, §1.7): method, verdict,
 * reasons, signer, certificate digest, trusted-list digest and time, reviewer — and nothing
 * more. No document image, no MRZ, no full document number, no signed file: those are deleted
 * after the decision (data minimisation, EDPB 01/2022); `minimiseEvidence` enforces the shape.
 */
export const EVIDENCE_VERDICTS = ['verified', 'needs_review', 'rejected'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

export const ID_DOCUMENT_TYPES = ['passport', 'id_card', 'residence_permit', 'driving_licence'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export interface IdentityEvidence {
  readonly method: IdentityMethod;
  readonly verdict: EvidenceVerdict;
  /** Plain-words reasons; empty when verified without remarks. */
  readonly reasons: readonly string[];
  /** Who signed or was seen: name and personal code as the certificate/document states them. */
  readonly signer?: { readonly name: string; readonly personalCode?: string } | null;
  /** Whose identity this establishes. */
  readonly matched?: 'requester' | 'represented' | null;
  /** SHA-256 of the signer's certificate (QES) or of the partner key used (assertion). */
  readonly certificateSha256?: string | null;
  readonly trustedList?: { readonly territory: string; readonly sequenceNumber: number; readonly sha256: string; readonly fetchedAt?: string } | null;
  /** Trusted signing time (QES) or assertion time. */
  readonly signedAt?: string | null;
  /** ID document / in person: the kind, issuing country, expiry and last digits only. */
  readonly document?: { readonly type: IdDocumentType; readonly issuingCountry: string; readonly expiresOn: string; readonly lastDigits: string } | null;
  /**
   * Partner assertion: the partner's own account id for the subject (its `sub` when that is not
   * an e-mail address): what the assertion proved, and so what the partner's systems are searched by.
   */
  readonly partnerSubject?: string | null;
  /** Representation: the kind of authorization document seen. */
  readonly representation?: { readonly document: string } | null;
  /** Staff member who reviewed, or null for automatic checks. */
  readonly reviewer: string | null;
  readonly checkedAt: string;
}

/** Keeps exactly the fields of the record (drops anything a caller added by mistake). */
export function minimiseEvidence(e: IdentityEvidence): IdentityEvidence {
  return {
    method: e.method,
    verdict: e.verdict,
    reasons: [...e.reasons],
    ...(e.signer ? { signer: { name: e.signer.name, ...(e.signer.personalCode ? { personalCode: e.signer.personalCode } : {}) } } : {}),
    ...(e.matched ? { matched: e.matched } : {}),
    ...(e.certificateSha256 ? { certificateSha256: e.certificateSha256 } : {}),
    ...(e.trustedList
      ? { trustedList: { territory: e.trustedList.territory, sequenceNumber: e.trustedList.sequenceNumber, sha256: e.trustedList.sha256, ...(e.trustedList.fetchedAt ? { fetchedAt: e.trustedList.fetchedAt } : {}) } }
      : {}),
    ...(e.signedAt ? { signedAt: e.signedAt } : {}),
    ...(e.document ? { document: { type: e.document.type, issuingCountry: e.document.issuingCountry, expiresOn: e.document.expiresOn, lastDigits: e.document.lastDigits } } : {}),
    ...(e.representation ? { representation: { document: e.representation.document } } : {}),
    ...(e.partnerSubject ? { partnerSubject: e.partnerSubject } : {}),
    reviewer: e.reviewer,
    checkedAt: e.checkedAt,
  };
}

/** Only the last characters of a document number are kept (enough to tell documents apart). */
export function lastDigits(documentNumber: string, keep = 3): string {
  const clean = documentNumber.replace(/[^0-9A-Za-z]/g, '');
  return clean.slice(-keep);
}
