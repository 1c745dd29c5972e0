import type { Case } from '../case.ts';
import type { IdentityMethod } from '../identity.ts';
import type { IdentifierKind } from './kinds.ts';

/**
 * What an identity method proved about the subject (docs/fulfilment.md): e-mail control proves
 * the mailbox the link went to; a qualified e-signature or an ID document proves the personal
 * code the certificate or document states; a partner's assertion proves the partner's customer
 * id (its `sub`). Systems are searched only by these, never by a claimed name or address.
 */
export interface VerifiedIdentifier {
  readonly kind: IdentifierKind;
  readonly value: string;
  readonly method: IdentityMethod;
  readonly provedAt: string;
}

/** What the subject claimed (shown apart from what was verified). */
export interface ClaimedIdentity {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

/**
 * The identifiers a settled identity proved, read from the case's evidence record.
 * Example: a case verified by e-mail control for ona@example.lt →
 * `[{ kind: 'email', value: 'ona@example.lt', method: 'email_control', provedAt }]`.
 */
export function provedIdentifiers(c: Pick<Case, 'identity' | 'subject' | 'representative'>): VerifiedIdentifier[] {
  const { identity } = c;
  if (identity.status !== 'verified' || !identity.method) return [];
  const evidence = identity.evidence;
  const at = evidence?.checkedAt ?? '';
  const out: VerifiedIdentifier[] = [];
  const matchedSubject = !c.representative || evidence?.matched === 'represented';
  switch (identity.method) {
    case 'email_control':
      // The link went to the subject's own address (a representative-only address proves only theirs).
      if (c.subject.email && (!c.representative || evidence?.matched === 'represented')) out.push({ kind: 'email', value: c.subject.email.trim().toLowerCase(), method: 'email_control', provedAt: at });
      break;
    case 'qes':
    case 'id_document':
    case 'in_person':
      if (matchedSubject && evidence?.signer?.personalCode) out.push({ kind: 'personal_code', value: evidence.signer.personalCode, method: identity.method, provedAt: at });
      break;
    case 'partner_assertion':
      // The partner vouched for its own account id, or (no id kept) for the requester's address.
      if (evidence?.partnerSubject) out.push({ kind: 'customer_id', value: evidence.partnerSubject, method: 'partner_assertion', provedAt: at });
      else if (c.subject.email && !c.representative) out.push({ kind: 'email', value: c.subject.email.trim().toLowerCase(), method: 'partner_assertion', provedAt: at });
      if (evidence?.signer?.personalCode) out.push({ kind: 'personal_code', value: evidence.signer.personalCode, method: 'partner_assertion', provedAt: at });
      break;
    default:
      break;
  }
  return out;
}

export function claimedIdentity(c: Pick<Case, 'subject'>): ClaimedIdentity {
  return { name: c.subject.name, ...(c.subject.email ? { email: c.subject.email } : {}), ...(c.subject.phone ? { phone: c.subject.phone } : {}) };
}
