import type { Case } from '#domain/case.ts';
import type { Language } from '#domain/channels.ts';
import type { TenantConfig } from '#tenants/schema.ts';
import { RIGHT_LABEL } from './labels.ts';

/** Texts of the public web form and its confirmation e-mail (lt + en). */
export const FORM_TEXT = {
  lt: {
    title: 'Duomenų subjekto teisių prašymas',
    intro: 'Šia forma galite pateikti prašymą dėl savo asmens duomenų. Atsakysime el. paštu.',
    name: 'Vardas ir pavardė',
    email: 'El. pašto adresas',
    rights: 'Ko prašote?',
    details: 'Papildoma informacija (neprivaloma)',
    language: 'Atsakymo kalba',
    submit: 'Pateikti prašymą',
    required: 'privaloma',
    sent: 'Prašymas gautas',
    sentText: 'Išsiuntėme laišką su nuoroda el. pašto adresui patvirtinti. Prašymą nagrinėsime, kai jį patvirtinsite.',
    reference: 'Prašymo numeris',
    confirmed: 'El. pašto adresas patvirtintas',
    confirmedText: 'Ačiū. Jūsų prašymas nagrinėjamas.',
    confirmedMore: 'Ačiū. Kad galėtume nagrinėti prašymą, dar turite patvirtinti tapatybę – parašysime, kaip tai padaryti.',
    used: 'Ši nuoroda jau panaudota.',
    confirmTitle: 'Patvirtinkite prašymą',
    confirmText: 'Paspauskite mygtuką, kad patvirtintumėte, jog šį prašymą pateikėte Jūs ir gaunate laiškus šiuo el. pašto adresu. Nuoroda vienkartinė.',
    confirmButton: 'Patvirtinti',
    status: 'Prašymo būsena',
    due: 'Atsakysime iki',
    timeline: 'Eiga',
    errors: 'Patikrinkite pažymėtus laukus.',
  },
  en: {
    title: 'Data subject rights request',
    intro: 'Use this form to make a request about your personal data. We will answer by e-mail.',
    name: 'Full name',
    email: 'E-mail address',
    rights: 'What are you asking for?',
    details: 'Anything else we should know (optional)',
    language: 'Language of the answer',
    submit: 'Send request',
    required: 'required',
    sent: 'Request received',
    sentText: 'We have sent you an e-mail with a link to confirm your address. We will work on the request once you confirm it.',
    reference: 'Reference',
    confirmed: 'E-mail address confirmed',
    confirmedText: 'Thank you. We are working on your request.',
    confirmedMore: 'Thank you. Before we can act on the request we still need to confirm your identity; we will write to you how.',
    used: 'This link has already been used.',
    confirmTitle: 'Confirm your request',
    confirmText: 'Press the button to confirm that this request comes from you and that you receive e-mail at this address. The link works once.',
    confirmButton: 'Confirm',
    status: 'Status of your request',
    due: 'We will answer by',
    timeline: 'Progress',
    errors: 'Please check the marked fields.',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The e-mail with the one-time confirmation link and the status link. */
export function confirmationEmail(tenant: TenantConfig, c: Case, confirmUrl: string, statusUrl: string, hours: number): { subject: string; text: string } {
  const languages: Language[] = c.language === tenant.languages.official ? [c.language] : [c.language, tenant.languages.official];
  const part = (lang: Language) =>
    lang === 'lt'
      ? [
          'Laba diena,',
          '',
          `gavome Jūsų prašymą ${c.reference} (${c.rights.map((r) => RIGHT_LABEL[r.type].lt).join(', ')}).`,
          `Patvirtinkite, kad šis el. pašto adresas priklauso Jums – atidarykite nuorodą (galioja ${hours} val., vieną kartą):`,
          confirmUrl,
          '',
          `Prašymo būseną matysite čia: ${statusUrl}`,
          '',
          'Jei prašymo neteikėte, šio laiško nepaisykite.',
          tenant.controller.legalName,
        ].join('\n')
      : [
          'Hello,',
          '',
          `we have received your request ${c.reference} (${c.rights.map((r) => RIGHT_LABEL[r.type].en).join(', ')}).`,
          `Please confirm that this e-mail address is yours by opening this link (valid for ${hours} hours, once):`,
          confirmUrl,
          '',
          `You can follow the request here: ${statusUrl}`,
          '',
          'If you did not make this request, please ignore this e-mail.',
          tenant.controller.legalName,
        ].join('\n');
  const subjects: Record<Language, string> = { lt: `Patvirtinkite el. pašto adresą – ${c.reference}`, en: `Please confirm your e-mail address – ${c.reference}` };
  return { subject: languages.map((l) => subjects[l]).join(' / '), text: languages.map(part).join('\n\n-----\n\n') };
}
