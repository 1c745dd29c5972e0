import { RIGHT_ARTICLE } from '#domain/rights.ts';
import type { Case } from '#domain/case.ts';
import type { Language } from '#domain/channels.ts';
import type { WebFormLinks } from '#domain/notices.ts';
import { rightsAwaitConfirmation } from '#domain/rights-confirmation.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { IDENTITY_METHOD_LABEL, RIGHT_LABEL } from './labels.ts';

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function signature(tenant: TenantConfig): string {
  return [tenant.controller.legalName, tenant.controller.address, tenant.mailbox].filter(Boolean).join(', ');
}

/**
 * What the acknowledgement asks for identity, so no separate identity request follows at intake
 * (one e-mail per event): exactly what is missing under the controller's rule, and the e-mail
 * control link where the rule accepts it and the sender is proven.
 */
export interface AcknowledgementIdentity {
  readonly missingByLanguage: Readonly<Record<Language, readonly string[]>>;
  readonly link?: { readonly url: string; readonly expiresAt: string };
}

function identityAsk(identity: AcknowledgementIdentity | undefined, lang: Language): string[] {
  if (!identity) return [];
  const missing = identity.missingByLanguage[lang].filter((m) => m.trim() !== '');
  const out: string[] = [];
  if (missing.length > 0) out.push('', `${lang === 'lt' ? 'Trūksta:' : 'What is missing:'}\n${missing.map((m) => `  • ${m}`).join('\n')}`);
  if (identity.link) {
    out.push(
      '',
      lang === 'lt'
        ? `Jei norite patvirtinti tapatybę el. paštu, atverkite šią vienkartinę nuorodą ir paspauskite „Patvirtinti“ (galioja iki ${identity.link.expiresAt}):\n${identity.link.url}`
        : `To confirm by e-mail, open this single-use link and press "Confirm" (valid until ${identity.link.expiresAt}):\n${identity.link.url}`,
    );
  }
  return out;
}

function section(tenant: TenantConfig, c: Case, lang: Language, webForm?: WebFormLinks, identity?: AcknowledgementIdentity): string {
  const rights = c.rights.map((r) => `  • ${RIGHT_LABEL[r.type][lang]} (GDPR ${RIGHT_ARTICLE[r.type]})`).join('\n');
  const methods = c.identity.acceptedMethods.map((m) => `  • ${IDENTITY_METHOD_LABEL[m][lang]}`).join('\n');
  const needsIdentity = c.identity.status === 'pending';
  // Rights read with too little confidence: staff confirm them before identity is asked for, so
  // the subject is told neither "no identity check is needed" nor a method that may not apply.
  const toConfirm = rightsAwaitConfirmation(c);
  if (lang === 'lt') {
    return [
      `Gavome Jūsų prašymą. Jo numeris: ${c.reference}.`,
      '',
      toConfirm ? 'Pirminis mūsų supratimas (jį patikrins darbuotojas):' : 'Supratome, kad prašote:',
      rights,
      '',
      `Atsakysime ne vėliau kaip iki ${c.dueDate}. Jei prašymas sudėtingas, šį terminą galime pratęsti dar dviem mėnesiams; apie tai ir priežastis Jums pranešime iki ${c.dueDate}.`,
      '',
      'Kas toliau:',
      toConfirm
        ? 'Mūsų darbuotojas perskaitys Jūsų prašymą ir patvirtins, kokiomis teisėmis naudojatės. Tada parašysime, ar ir kaip reikia patvirtinti tapatybę.'
        : needsIdentity
          ? `Kad apsaugotume Jūsų duomenis, turime įsitikinti Jūsų tapatybe. Tinka vienas iš šių būdų:\n${methods}\nJei ko nors trūks, parašysime Jums.`
          : 'Tapatybės tikrinti nereikia; pradedame nagrinėti prašymą.',
      ...(toConfirm ? [] : identityAsk(identity, 'lt')),
      ...(webForm
        ? [
            '',
            `Patvirtinkite, kad prašymą pateikėte Jūs ir šis el. pašto adresas priklauso Jums: atverkite šią vienkartinę nuorodą ir paspauskite „Patvirtinti“ (galioja iki ${webForm.confirmExpiresAt}):\n${webForm.confirmUrl}`,
            '',
            `Prašymo būseną matysite čia: ${webForm.statusUrl}`,
            'Jei prašymo neteikėte, šio laiško nepaisykite.',
          ]
        : []),
      '',
      // The authority's name stays in the nominative after the dash, so no declension is needed.
      `Atsakysime tuo pačiu būdu, kuriuo kreipėtės. Jei manote, kad Jūsų teisės pažeistos, turite teisę pateikti skundą priežiūros institucijai – ${tenant.supervisoryAuthority.name.lt} (${tenant.supervisoryAuthority.website}).`,
      '',
      signature(tenant),
    ].join('\n');
  }
  return [
    `We have received your request. Its reference is ${c.reference}.`,
    '',
    toConfirm ? 'Our first reading of your request (a member of staff will check it):' : 'We understand that you ask for:',
    rights,
    '',
    `We will answer by ${c.dueDate} at the latest. If the request is complex we may extend this by two further months; we would tell you so, with the reasons, before ${c.dueDate}.`,
    '',
    'What happens next:',
    toConfirm
      ? 'A member of our staff will read your request and confirm which rights you are exercising. We will then tell you whether and how to confirm your identity.'
      : needsIdentity
        ? `To protect your data we first need to confirm who you are. Any one of these will do:\n${methods}\nIf anything is missing we will write to you.`
        : 'No identity check is needed; we are starting work on your request.',
    ...(toConfirm ? [] : identityAsk(identity, 'en')),
    ...(webForm
      ? [
          '',
          `Please confirm that this request comes from you and that this e-mail address is yours: open this single-use link and press "Confirm" (valid until ${webForm.confirmExpiresAt}):\n${webForm.confirmUrl}`,
          '',
          `You can follow the request here: ${webForm.statusUrl}`,
          'If you did not make this request, please ignore this e-mail.',
        ]
      : []),
    '',
    `We will answer the same way you contacted us. If you believe your rights have been infringed you may complain to the ${tenant.supervisoryAuthority.name.en} (${tenant.supervisoryAuthority.website}).`,
    '',
    signature(tenant),
  ].join('\n');
}

/**
 * The acknowledgement of a new case (issue: spine §6): reference, rights understood, due date
 * and what happens next. Written in the controller's official language and, when the request
 * came in another language, in that language too (docs/design.md §1.6, 003 §22.4).
 */
export function renderAcknowledgement(tenant: TenantConfig, c: Case, webForm?: WebFormLinks, identity?: AcknowledgementIdentity): RenderedMessage {
  const languages: Language[] = c.language === tenant.languages.official ? [c.language] : [c.language, tenant.languages.official];
  const subjects: Record<Language, string> = webForm
    ? { lt: `Prašymas gautas, patvirtinkite el. pašto adresą – ${c.reference}`, en: `Request received, please confirm your e-mail address – ${c.reference}` }
    : { lt: `Prašymas gautas – ${c.reference}`, en: `Request received – ${c.reference}` };
  const parts = languages.map((lang) => section(tenant, c, lang, webForm, identity));
  const text = parts.join('\n\n-----\n\n');
  const html = `<!doctype html><html><body>${parts
    .map((p, i) => `<section lang="${languages[i]}"><pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(p)}</pre></section>`)
    .join('<hr>')}</body></html>`;
  return { subject: languages.map((l) => subjects[l]).join(' / '), text, html };
}
