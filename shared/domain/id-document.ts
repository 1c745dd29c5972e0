import { parse as parseMrz } from 'mrz';
import { lastDigits, type EvidenceVerdict, type IdDocumentType, type IdentityEvidence } from './identity-evidence.ts';
import { matchSigner, nameWords, type PersonClaim } from './identity-matching.ts';

/**
 * Staff's review of an identity document (docs/design.md §1.3 `id_document`, and `in_person`): staff
 * type what the document says, and the machine-readable zone; the checks are the ones a
 * careful clerk makes. MRZ check digits (ICAO 9303, via the `mrz` package) catch typos in the
 * transcription, they do not prove the document is genuine — staff's look at it does.
 */
export interface IdDocumentReview {
  readonly documentType: IdDocumentType;
  /** ICAO/ISO 3166-1 alpha-3 code as printed in the MRZ, e.g. `LTU`. */
  readonly issuingCountry: string;
  readonly documentNumber: string;
  readonly surname: string;
  readonly givenNames: string;
  /** ISO date (YYYY-MM-DD). */
  readonly birthDate: string;
  readonly expiresOn: string;
  /** The machine-readable zone, lines separated by newlines; driving licences have none. */
  readonly mrz?: string | null;
}

export interface IdDocumentPeople {
  readonly requester: PersonClaim & { readonly birthDate?: string | null };
  readonly represented?: (PersonClaim & { readonly birthDate?: string | null }) | null;
}

export interface IdDocumentCheck {
  readonly verdict: EvidenceVerdict;
  readonly reasons: readonly string[];
  readonly matched: 'requester' | 'represented' | null;
}

const MRZ_DOCUMENT_CODES: Readonly<Record<IdDocumentType, readonly string[]>> = {
  passport: ['P'],
  id_card: ['I', 'A', 'C'],
  residence_permit: ['I', 'A', 'C', 'R'],
  driving_licence: ['D'],
};

/**
 * Checks a reviewed document. Primary course: not expired on `today` → MRZ check digits valid
 * and the MRZ says what staff typed (number, dates, names, country, type) → the holder is the
 * requester or the represented person (name, and birth date when the request gave one).
 * Check-digit, transcription and expiry problems reject; a holder who is someone else asks
 * for a second look (`needs_review`). Example: `checkIdDocument(review, { requester: { name: 'Ona Onaitė' } }, now)`.
 */
export function checkIdDocument(review: IdDocumentReview, people: IdDocumentPeople, today: Date): IdDocumentCheck {
  const rejected: string[] = [];
  const review2: string[] = [];
  if (!/^\d{4}-\d\d-\d\d$/.test(review.expiresOn) || !/^\d{4}-\d\d-\d\d$/.test(review.birthDate)) rejected.push('The birth and expiry dates must be given as YYYY-MM-DD.');
  else if (review.expiresOn < today.toISOString().slice(0, 10)) rejected.push(`The document expired on ${review.expiresOn}.`);

  const needsMrz = review.documentType !== 'driving_licence';
  const mrz = review.mrz?.trim();
  if (needsMrz && !mrz) rejected.push('The machine-readable zone (MRZ) of the document is needed to check it.');
  if (mrz) rejected.push(...mrzProblems(review, mrz));

  const holder = `${review.givenNames} ${review.surname}`;
  const match = matchSigner({ givenName: review.givenNames, surname: review.surname }, people, 'holder');
  let matched: IdDocumentCheck['matched'] = null;
  if (match.kind === 'mismatch') review2.push(match.reason);
  else {
    matched = match.who;
    const claimed = match.who === 'requester' ? people.requester.birthDate : people.represented?.birthDate;
    if (claimed && claimed !== review.birthDate) review2.push(`The holder ${holder} was born on ${review.birthDate}, but the request gives ${claimed}.`);
  }
  const verdict: EvidenceVerdict = rejected.length > 0 ? 'rejected' : review2.length > 0 ? 'needs_review' : 'verified';
  return { verdict, reasons: [...rejected, ...review2], matched: verdict === 'verified' ? matched : null };
}

function mrzProblems(review: IdDocumentReview, mrz: string): string[] {
  const lines = mrz.split(/\r?\n/).map((l) => l.trim().toUpperCase()).filter(Boolean);
  let result: ReturnType<typeof parseMrz>;
  try {
    result = parseMrz(lines);
  } catch (error) {
    return [`The machine-readable zone cannot be read: ${error instanceof Error ? error.message : String(error)}.`];
  }
  const problems: string[] = [];
  for (const d of result.details) {
    if (!d.valid && d.field && /CheckDigit$/.test(d.field)) problems.push(`The MRZ check digit "${d.label}" is wrong: the MRZ was mistyped or the document is not genuine.`);
  }
  const f = result.fields;
  const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, '');
  if (f.documentNumber && f.documentNumber.replace(/</g, '') !== review.documentNumber.replace(/[\s<]/g, '').toUpperCase()) problems.push('The document number typed differs from the one in the MRZ.');
  if (f.birthDate && f.birthDate !== yymmdd(review.birthDate)) problems.push('The birth date typed differs from the one in the MRZ.');
  if (f.expirationDate && f.expirationDate !== yymmdd(review.expiresOn)) problems.push('The expiry date typed differs from the one in the MRZ.');
  if (f.issuingState && f.issuingState !== review.issuingCountry.toUpperCase()) problems.push(`The MRZ names the issuing country ${f.issuingState}, not ${review.issuingCountry}.`);
  if (f.lastName && nameWords(f.lastName).join(' ') !== nameWords(review.surname).join(' ')) problems.push('The surname typed differs from the one in the MRZ.');
  if (f.firstName && nameWords(f.firstName).join(' ') !== nameWords(review.givenNames).join(' ')) problems.push('The given names typed differ from the ones in the MRZ.');
  const code = f.documentCode?.charAt(0);
  if (code && !MRZ_DOCUMENT_CODES[review.documentType].includes(code)) problems.push(`The MRZ is of a document of type "${code}", not a ${review.documentType.replace('_', ' ')}.`);
  return problems;
}

/** The evidence kept after the review: the fact, not the document (docs/design.md §1.3). */
export function idDocumentEvidence(review: IdDocumentReview, check: IdDocumentCheck, o: { readonly method: 'id_document' | 'in_person'; readonly reviewer: string; readonly at: Date }): IdentityEvidence {
  return {
    method: o.method,
    verdict: check.verdict,
    reasons: check.reasons,
    signer: { name: `${review.givenNames} ${review.surname}` },
    matched: check.matched,
    document: { type: review.documentType, issuingCountry: review.issuingCountry.toUpperCase(), expiresOn: review.expiresOn, lastDigits: lastDigits(review.documentNumber) },
    reviewer: o.reviewer,
    checkedAt: o.at.toISOString(),
  };
}
