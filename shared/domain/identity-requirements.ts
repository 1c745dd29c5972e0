import type { TenantConfig } from '#tenants/schema.ts';
import type { Case } from './case.ts';
import type { IdentityMethod } from './identity.ts';

/**
 * What a subject must still provide, in plain words, under the controller's rule for the
 * case's channel (DESIGN §1.3). Shown on the case and sent in the identity request notice.
 * Example (Gautora, e-mail, nothing valid yet): ["Sign the request with a qualified electronic
 * signature …", "A scanned, hand-signed letter is not accepted (003 §21.4)."].
 */
const METHOD_WORDS: Readonly<Record<IdentityMethod, string>> = {
  qes: 'Sign the request with a qualified electronic signature (for example an .asice/.adoc/.bdoc container, a signed PDF, a .p7s/.p7m file or an S/MIME-signed e-mail).',
  id_document: 'Provide a copy of a personal identity document (passport, identity card or residence permit) for staff to check.',
  in_person: 'Come to the office with a personal identity document.',
  email_control: 'Confirm the request through the single-use link sent to the e-mail address we already know.',
  partner_assertion: 'Send the request through the partner site where you are signed in, so it can confirm who you are.',
  not_required: 'Nothing: identity is not needed for this request.',
};

/** True when `method` establishes identity for the case under its rule. */
export function methodSatisfies(c: Pick<Case, 'identity'>, method: IdentityMethod): boolean {
  return c.identity.acceptedMethods.includes(method);
}

export function missingIdentity(tenant: Pick<TenantConfig, 'identity'>, c: Pick<Case, 'channel' | 'identity' | 'representative'>): string[] {
  if (c.identity.status === 'verified' || c.identity.status === 'not_required') return representativeMissing(tenant, c);
  const rule = tenant.identity.byChannel[c.channel];
  const methods = c.identity.acceptedMethods;
  const out: string[] = [];
  const evidence = c.identity.evidence;
  if (evidence && evidence.verdict !== 'verified') out.push(...evidence.reasons.map((r) => `Not yet enough: ${r}`));
  out.push(methods.length > 1 ? `One of: ${methods.map((m) => METHOD_WORDS[m]).join(' Or: ')}` : METHOD_WORDS[methods[0]!]);
  if (methods.includes('qes') && !tenant.identity.scannedSignatureAccepted) out.push(`A scanned, hand-signed letter is not accepted (${rule.source}).`);
  if (rule.note) out.push(`Rule ${rule.source}: ${rule.note}`);
  return [...out, ...representativeMissing(tenant, c)];
}

function representativeMissing(tenant: Pick<TenantConfig, 'identity'>, c: Pick<Case, 'representative'>): string[] {
  if (!c.representative || c.representative.authorizationDocument) return [];
  const rule = tenant.identity.representative;
  return [`A representative must provide (${rule.source}): ${rule.requires.join('; ')}.`];
}
