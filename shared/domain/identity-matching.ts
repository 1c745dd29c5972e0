/**
 * Does the person who signed (or whose document staff saw) match the person the request is
 * for? Names are compared as sets of words after folding diacritics and case, so
 * "ČIURLIONIS, Žydrūnas" matches "Zydrunas Ciurlionis". Personal codes are compared when both
 * sides have one (`PNOLT-38001010000` is the ETSI EN 319 412-1 form of the Lithuanian code
 * 38001010000). A mismatch is never a refusal on its own: it asks staff (`needs_review`).
 */

export interface PersonClaim {
  readonly name: string;
  readonly personalCode?: string | null;
}

export interface SignerClaim {
  readonly commonName?: string | null;
  readonly givenName?: string | null;
  readonly surname?: string | null;
  readonly serialNumber?: string | null;
}

export type MatchOutcome =
  | { readonly kind: 'match'; readonly who: 'requester' | 'represented' }
  | { readonly kind: 'mismatch'; readonly reason: string };

/** Folds a name into comparable words: no diacritics, lower case, punctuation as spaces. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort();
}

export function sameName(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  return x.length > 0 && x.length === y.length && x.every((w, i) => w === y[i]);
}

/** `PNOLT-38001010000` → `38001010000`; `IDCEE-…`, `TINLT-…` keep only the identifier part. */
export function personalCodeOf(serialNumber: string | null | undefined): string | null {
  if (!serialNumber) return null;
  const m = /^(?:[A-Z]{3}[A-Z]{2}-)?(.+)$/.exec(serialNumber.trim());
  return m?.[1]?.replace(/\s+/g, '') ?? null;
}

/** The signer's name: given name + surname when the certificate has them, else its CN without codes. */
export function signerName(signer: SignerClaim): string {
  if (signer.givenName || signer.surname) return `${signer.givenName ?? ''} ${signer.surname ?? ''}`.trim();
  return (signer.commonName ?? '').replace(/\b[A-Z]{0,5}-?\d{6,}\b/g, ' ').trim();
}

/**
 * Matches the signer against the requester (the subject, or the representative who asks for
 * them) and the represented person. Example:
 * `matchSigner({ givenName: 'ŽYDRŪNAS', surname: 'ČIURLIONIS', serialNumber: 'PNOLT-38001010000' }, { requester: { name: 'Zydrunas Ciurlionis' } })`
 * → `{ kind: 'match', who: 'requester' }`.
 */
export function matchSigner(signer: SignerClaim, people: { readonly requester: PersonClaim; readonly represented?: PersonClaim | null }, noun: 'signer' | 'holder' = 'signer'): MatchOutcome {
  const name = signerName(signer);
  const code = personalCodeOf(signer.serialNumber);
  const candidates: Array<['requester' | 'represented', PersonClaim]> = [['requester', people.requester]];
  if (people.represented) candidates.push(['represented', people.represented]);
  const problems: string[] = [];
  for (const [who, person] of candidates) {
    const claimedCode = personalCodeOf(person.personalCode);
    if (!sameName(name, person.name)) {
      problems.push(`the ${noun} "${name || 'without a name'}" is not the ${who === 'requester' ? 'requester' : 'represented person'} "${person.name}"`);
      continue;
    }
    if (code && claimedCode && code !== claimedCode) {
      problems.push(`the ${noun}'s personal code ${code} differs from the ${who === 'requester' ? "requester's" : "represented person's"} ${claimedCode}`);
      continue;
    }
    return { kind: 'match', who };
  }
  return { kind: 'mismatch', reason: `Staff must check ${noun === 'signer' ? 'who signed' : 'whose document this is'}: ${problems.join('; ')}.` };
}

/**
 * The people of a case: who asks (the representative when there is one, else the subject)
 * and whom it is for (the subject, when a representative asks).
 */
export function peopleOf(c: { readonly subject: { readonly name: string }; readonly representative?: { readonly name: string } }): { requester: PersonClaim; represented: PersonClaim | null } {
  return c.representative ? { requester: { name: c.representative.name }, represented: { name: c.subject.name } } : { requester: { name: c.subject.name }, represented: null };
}
