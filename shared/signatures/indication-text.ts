import type { Indication, SignatureLevel, SubIndication } from './verdict.ts';

/** The ETSI indication in plain words for staff and the subject, in Lithuanian and English. */
export function indicationInWords(indication: Indication, sub: SubIndication | null, level: SignatureLevel): { readonly en: string; readonly lt: string } {
  const qes = level === 'QESig';
  if (indication === 'TOTAL_PASSED') {
    return qes
      ? { en: 'Valid qualified electronic signature of a person.', lt: 'Galiojantis asmens kvalifikuotas elektroninis parašas.' }
      : level === 'QESeal'
        ? { en: 'Valid qualified electronic seal of an organisation, not a personal signature.', lt: 'Galiojantis organizacijos kvalifikuotas elektroninis spaudas, ne asmens parašas.' }
        : { en: 'Valid electronic signature, but not a qualified one.', lt: 'Galiojantis elektroninis parašas, tačiau ne kvalifikuotas.' };
  }
  if (indication === 'TOTAL_FAILED') {
    const why: Partial<Record<SubIndication, readonly [string, string]>> = {
      HASH_FAILURE: ['the signed content was changed after signing', 'pasirašytas turinys pakeistas po pasirašymo'],
      SIG_CRYPTO_FAILURE: ['the signature value does not match the signer’s key', 'parašo reikšmė neatitinka pasirašiusiojo rakto'],
      REVOKED: ['the signer’s certificate was revoked before signing', 'pasirašiusiojo sertifikatas buvo atšauktas iki pasirašymo'],
      NOT_YET_VALID: ['the signer’s certificate was not yet valid', 'pasirašiusiojo sertifikatas dar negaliojo'],
      FORMAT_FAILURE: ['the file is not a well-formed signature', 'failas nėra tinkamos formos parašas'],
    };
    const [en, lt] = why[sub ?? 'FORMAT_FAILURE'] ?? why.FORMAT_FAILURE!;
    return { en: `Invalid signature: ${en}.`, lt: `Negaliojantis parašas: ${lt}.` };
  }
  const why: Partial<Record<SubIndication, readonly [string, string]>> = {
    NO_CERTIFICATE_CHAIN_FOUND: ['the signer’s certificate does not lead to a trusted authority', 'pasirašiusiojo sertifikatas neveda į patikimą sertifikavimo įstaigą'],
    REVOKED_NO_POE: ['the certificate is revoked and nothing proves the signature was made before', 'sertifikatas atšauktas ir niekas neįrodo, kad parašas sukurtas anksčiau'],
    OUT_OF_BOUNDS_NO_POE: ['the certificate is outside its validity and nothing proves when the signature was made', 'sertifikatas negalioja ir niekas neįrodo, kada parašas sukurtas'],
    OUT_OF_BOUNDS_NOT_REVOKED: ['the certificate had expired at the proven signing time', 'įrodytu pasirašymo metu sertifikatas jau buvo nebegaliojantis'],
    TRY_LATER: ['the revocation status could not be established', 'nepavyko nustatyti sertifikato galiojimo būsenos'],
    NO_POE: ['the time-stamp could not be validated', 'nepavyko patikrinti laiko žymos'],
    SIGNED_DATA_NOT_FOUND: ['the signed content was not provided', 'nepateiktas pasirašytas turinys'],
    NO_SIGNING_CERTIFICATE_FOUND: ['the signer’s certificate cannot be identified', 'nepavyko nustatyti pasirašiusiojo sertifikato'],
    CRYPTO_CONSTRAINTS_FAILURE_NO_POE: ['an algorithm used is not accepted', 'naudotas nepriimtinas algoritmas'],
  };
  const [en, lt] = why[sub ?? 'TRY_LATER'] ?? ['the signature cannot be confirmed', 'parašo patvirtinti negalima'];
  return { en: `Signature cannot be confirmed (INDETERMINATE): ${en}.`, lt: `Parašo patvirtinti negalima (neapibrėžta): ${lt}.` };
}
