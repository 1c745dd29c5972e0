import type { TenantConfig } from '#domain/tenant-policy.ts';
import type { Case } from './case.ts';
import type { Language } from './channels.ts';
import type { IdentityMethod } from './identity.ts';

/**
 * What a subject must still provide, in plain words, under the controller's rule for the
 * case's channel (docs/design.md §1.3). Shown on the case and sent in the identity request and reminder
 * notices, in the notice's language.
 * Example (Gautora, e-mail, nothing valid yet): ["Sign the request with a qualified electronic
 * signature …", "A scanned, hand-signed letter is not accepted (003 §21.9)."].
 */
const METHOD_WORDS: Readonly<Record<IdentityMethod, Readonly<Record<Language, string>>>> = {
  qes: {
    en: 'Sign the request with a qualified electronic signature (for example an .asice/.adoc/.bdoc container, a signed PDF, a .p7s/.p7m file or an S/MIME-signed e-mail).',
    lt: 'Pasirašykite prašymą kvalifikuotu elektroniniu parašu (pavyzdžiui, .asice/.adoc/.bdoc rinkmena, pasirašytu PDF, .p7s/.p7m rinkmena ar S/MIME pasirašytu el. laišku).',
  },
  id_document: {
    en: 'Provide a copy of a personal identity document (passport, identity card or residence permit) for staff to check.',
    lt: 'Pateikite asmens tapatybės dokumento (paso, asmens tapatybės kortelės ar leidimo gyventi) kopiją, kurią patikrins mūsų darbuotojai.',
  },
  in_person: { en: 'Come to the office with a personal identity document.', lt: 'Atvykite į biurą su asmens tapatybės dokumentu.' },
  email_control: {
    en: 'Confirm the request through the single-use link sent to the e-mail address we already know.',
    lt: 'Patvirtinkite prašymą vienkartine nuoroda, išsiųsta Jums jau žinomu el. pašto adresu.',
  },
  partner_assertion: {
    en: 'Send the request through the partner site where you are signed in, so it can confirm who you are.',
    lt: 'Pateikite prašymą per partnerio svetainę, kurioje esate prisijungę, kad ji patvirtintų Jūsų tapatybę.',
  },
  not_required: { en: 'Nothing: identity is not needed for this request.', lt: 'Nieko: šiam prašymui tapatybės tikrinti nereikia.' },
};

const WORDS = {
  notYet: { en: 'Not yet enough: ', lt: 'Dar nepakanka: ' },
  oneOf: { en: 'One of: ', lt: 'Vienas iš būdų: ' },
  or: { en: ' Or: ', lt: ' Arba: ' },
  scanned: { en: (s: string) => `A scanned, hand-signed letter is not accepted (${s}).`, lt: (s: string) => `Nuskenuotas ranka pasirašytas prašymas nepriimamas (${s}).` },
  rule: { en: (s: string, note: string) => `Rule ${s}: ${note}`, lt: null },
  representative: {
    en: (s: string, requires: readonly string[]) => `A representative must provide (${s}): ${requires.join('; ')}.`,
    lt: (s: string, requires: readonly string[]) => `Atstovas turi pateikti (${s}): ${requires.join('; ')}.`,
  },
} as const;

/** True when `method` establishes identity for the case under its rule. */
export function methodSatisfies(c: Pick<Case, 'identity'>, method: IdentityMethod): boolean {
  return c.identity.acceptedMethods.includes(method);
}

/**
 * The list of what is missing, in `lang` (English by default: the console). Tenant notes are
 * written in English only, so the Lithuanian list leaves them out rather than mix languages.
 */
export function missingIdentity(tenant: Pick<TenantConfig, 'identity'>, c: Pick<Case, 'channel' | 'identity' | 'representative'>, lang: Language = 'en'): string[] {
  if (c.identity.status === 'verified' || c.identity.status === 'not_required') return representativeMissing(tenant, c, lang);
  const rule = tenant.identity.byChannel[c.channel];
  const methods = c.identity.acceptedMethods;
  const out: string[] = [];
  const evidence = c.identity.evidence;
  if (evidence && evidence.verdict !== 'verified') out.push(...evidence.reasons.map((r) => `${WORDS.notYet[lang]}${r}`));
  out.push(methods.length > 1 ? `${WORDS.oneOf[lang]}${methods.map((m) => METHOD_WORDS[m][lang]).join(WORDS.or[lang])}` : METHOD_WORDS[methods[0]!][lang]);
  if (methods.includes('qes') && !tenant.identity.scannedSignatureAccepted) out.push(WORDS.scanned[lang](tenant.identity.scannedSignatureSource ?? rule.source));
  const ruleLine = WORDS.rule[lang];
  if (rule.note && ruleLine) out.push(ruleLine(rule.source, rule.note));
  return [...out, ...representativeMissing(tenant, c, lang)];
}

/** A representative still owes the authorization document until staff have checked one. */
function representativeMissing(tenant: Pick<TenantConfig, 'identity'>, c: Pick<Case, 'representative' | 'identity'>, lang: Language): string[] {
  if (!c.representative || c.representative.authorizationDocument || c.identity.evidence?.representation) return [];
  const rule = tenant.identity.representative;
  return [WORDS.representative[lang](rule.source, rule.requires)];
}
