import type { Case } from '#domain/case.ts';
import type { Language } from '#domain/channels.ts';
import type { Notice, NoticeKind } from '#domain/notices.ts';
import { RIGHT_ARTICLE } from '#domain/rights.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { renderAcknowledgement, type RenderedMessage } from './acknowledgement.ts';
import { answerSections } from './answers.ts';
import { RIGHT_LABEL } from './labels.ts';

/**
 * Every notice the controller sends a subject (ports.ts `NoticeKind`), in Lithuanian and
 * English. Like the acknowledgement, a notice is written in the case language and, when that
 * is not the controller's official language, in the official language too (docs/design.md §1.6,
 * 003 §22.4). Texts never show a missing value: optional parts are left out instead.
 */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

type Lines = Array<string | null | false | undefined>;

const bullets = (items: readonly string[]) => items.map((item) => `  • ${item}`).join('\n');

function signature(tenant: TenantConfig): string {
  return [tenant.controller.legalName, tenant.controller.address, tenant.mailbox].filter(Boolean).join(', ');
}

function authority(tenant: TenantConfig, lang: Language): string {
  const a = tenant.supervisoryAuthority;
  const name = a.name[lang];
  return `${name} (${[a.address, a.website, a.email].filter(Boolean).join(', ')})`;
}

/** The right to complain (GDPR Art. 77), which extension and refusal notices must name (003 §22.2). */
function complaintSentence(tenant: TenantConfig, lang: Language): string {
  return lang === 'lt'
    ? `Turite teisę pateikti skundą priežiūros institucijai – ${authority(tenant, 'lt')} – ir kreiptis į teismą.`
    : `You have the right to lodge a complaint with the supervisory authority, the ${authority(tenant, 'en')}, and to seek a judicial remedy.`;
}

function rightsList(c: Case, lang: Language): string {
  return bullets(c.rights.map((r) => `${RIGHT_LABEL[r.type][lang]} (GDPR ${RIGHT_ARTICLE[r.type]})`));
}

function reasonsBlock(notice: Notice, lang: Language): string | null {
  const reasons = (notice.reasons ?? []).filter((r) => r.trim() !== '');
  if (reasons.length === 0) return null;
  return `${lang === 'lt' ? 'Priežastys:' : 'Reasons:'}\n${bullets(reasons)}`;
}

function missingBlock(notice: Notice, lang: Language): string | null {
  const missing = (notice.missingByLanguage?.[lang] ?? notice.missing ?? []).filter((m) => m.trim() !== '');
  if (missing.length === 0) return null;
  return `${lang === 'lt' ? 'Trūksta:' : 'What is missing:'}\n${bullets(missing)}`;
}


/** The e-mail control link: single use, until it expires; opening it shows a page with a confirm button. */
function identityLinkBlock(notice: Notice, lang: Language): string | null {
  const link = notice.identityLink;
  if (!link) return null;
  return lang === 'lt'
    ? `Jei norite patvirtinti tapatybę el. paštu, atverkite šią vienkartinę nuorodą ir paspauskite „Patvirtinti“ (galioja iki ${link.expiresAt}):\n${link.url}`
    : `To confirm by e-mail, open this single-use link and press "Confirm" (valid until ${link.expiresAt}):\n${link.url}`;
}

/** Gautora must say within 14 working days why a request is not valid (003 §22.2). */
function invalidNoticeRule(c: Case, lang: Language): string | null {
  const d = c.deadlines.invalidRequestNotice;
  if (!d || !d.dueDate) return null;
  return lang === 'lt'
    ? `Pagal mūsų privatumo politiką (${d.rule}) apie netinkamą prašymą ir jo priežastis pranešame per 14 darbo dienų nuo jo gavimo (iki ${d.dueDate}).`
    : `Under our privacy policy (${d.rule}) we tell you within 14 working days of receipt (by ${d.dueDate}) when a request is not valid and why.`;
}

/** Where the policy restarts the clock on a revised request (001 §7.2), the subject is told so. */
function restartSentence(tenant: TenantConfig, lang: Language): string | null {
  const rule = tenant.deadlines.restartOnRevisedRequest;
  if (!rule.applies) return null;
  const cited = rule.source ? ` (${rule.source})` : '';
  return lang === 'lt'
    ? `Atsakymo terminas bus skaičiuojamas iš naujo nuo patikslinto prašymo gavimo${cited}.`
    : `The time to answer will run again from receipt of your revised request${cited}.`;
}

/** While the case waits for details: does the period keep running, or restart with the answer? */
function clockSentence(tenant: TenantConfig, c: Case, lang: Language): string {
  const restart = restartSentence(tenant, lang);
  if (restart) return restart;
  return lang === 'lt' ? `Atsakymo terminas nesustoja: atsakysime iki ${c.dueDate}.` : `The time to answer keeps running: we will answer by ${c.dueDate}.`;
}

const SUBJECTS: Record<Exclude<NoticeKind, 'acknowledgement'>, Record<Language, string>> = {
  identity_request: { lt: 'Prašome patvirtinti tapatybę', en: 'Please confirm your identity' },
  identity_reminder: { lt: 'Priminimas: laukiame tapatybės patvirtinimo', en: 'Reminder: we are waiting for your identity confirmation' },
  identity_not_established: { lt: 'Nepavyko nustatyti tapatybės', en: 'We could not confirm your identity' },
  more_information_request: { lt: 'Prašome papildomos informacijos', en: 'We need more information' },
  more_information_reminder: { lt: 'Priminimas: laukiame papildomos informacijos', en: 'Reminder: we are waiting for more information' },
  more_information_closed: { lt: 'Prašymas užbaigtas negavus informacijos', en: 'Request closed without the information we asked for' },
  period_restarted: { lt: 'Naujas atsakymo terminas', en: 'New date for our answer' },
  invalid_request: { lt: 'Prašymas negali būti nagrinėjamas', en: 'Your request cannot be processed' },
  extension: { lt: 'Atsakymo termino pratęsimas', en: 'Extension of the time to answer' },
  refusal: { lt: 'Atsisakymas vykdyti prašymą', en: 'Refusal of your request' },
  fee: { lt: 'Administracinio mokesčio pranešimas', en: 'Notice of an administrative fee' },
  answer: { lt: 'Atsakymas į Jūsų prašymą', en: 'The answer to your request' },
  marketing_objection_confirmed: { lt: 'Tiesioginė rinkodara sustabdyta', en: 'Direct marketing stopped' },
};

function body(kind: Exclude<NoticeKind, 'acknowledgement'>, tenant: TenantConfig, c: Case, notice: Notice, lang: Language): Lines {
  const lt = lang === 'lt';
  const ref = c.reference;
  switch (kind) {
    case 'identity_request':
      return [
        lt ? `Kad galėtume nagrinėti Jūsų prašymą ${ref}, turime įsitikinti, kad jį pateikėte Jūs.` : `Before we can act on your request ${ref} we need to be sure it comes from you.`,
        missingBlock(notice, lang),
        identityLinkBlock(notice, lang),
        '',
        lt ? `Kol laukiame, prašymo nagrinėjimas sustabdytas. Atsakykite į šį laišką.` : 'While we wait, the request is on hold. Please reply to this e-mail.',
      ];
    case 'identity_reminder':
      return [
        lt ? `Primename, kad vis dar laukiame Jūsų tapatybės patvirtinimo dėl prašymo ${ref}.` : `This is a reminder that we are still waiting for confirmation of your identity for request ${ref}.`,
        missingBlock(notice, lang),
        identityLinkBlock(notice, lang),
      ];
    case 'identity_not_established':
      return [
        lt ? `Deja, pagal pateiktą informaciją negalime nustatyti, kad prašymą ${ref} pateikėte Jūs, todėl negalime jo vykdyti.` : `Unfortunately we could not establish from the information provided that request ${ref} comes from you, so we cannot act on it.`,
        reasonsBlock(notice, lang),
        missingBlock(notice, lang),
        '',
        lt ? 'Galite pateikti prašymą iš naujo kartu su trūkstama informacija.' : 'You may send the request again with the missing information.',
        complaintSentence(tenant, lang),
      ];
    case 'more_information_request':
      return [
        lt ? `Kad galėtume atsakyti į Jūsų prašymą ${ref}, mums reikia daugiau informacijos.` : `To answer your request ${ref} we need more information.`,
        missingBlock(notice, lang),
        reasonsBlock(notice, lang),
        '',
        clockSentence(tenant, c, lang),
        lt ? 'Atsakykite į šį laišką.' : 'Please reply to this e-mail.',
      ];
    case 'more_information_reminder':
      return [
        lt ? `Primename, kad vis dar laukiame papildomos informacijos dėl prašymo ${ref}.` : `This is a reminder that we are still waiting for more information about your request ${ref}.`,
        missingBlock(notice, lang),
        '',
        clockSentence(tenant, c, lang),
        lt ? 'Atsakykite į šį laišką.' : 'Please reply to this e-mail.',
      ];
    case 'more_information_closed':
      return [
        lt
          ? `Negavome informacijos, kurios prašėme dėl prašymo ${ref}, todėl negalime jo nagrinėti ir jį užbaigiame (${tenant.clarification.source}).`
          : `We did not receive the information we asked for about your request ${ref}, so we cannot act on it and have closed it (${tenant.clarification.source}).`,
        missingBlock(notice, lang),
        '',
        lt ? 'Galite pateikti prašymą iš naujo kartu su trūkstama informacija.' : 'You may send the request again with the missing information.',
        complaintSentence(tenant, lang),
      ];
    case 'period_restarted':
      return [
        lt
          ? `Gavome Jūsų patikslintą prašymą ${ref}. Pagal mūsų privatumo politiką (${tenant.deadlines.restartOnRevisedRequest.source ?? c.deadlines.answer.rule}) atsakymo terminas skaičiuojamas iš naujo nuo jo gavimo: atsakysime iki ${c.dueDate}.`
          : `We have received your revised request ${ref}. Under our privacy policy (${tenant.deadlines.restartOnRevisedRequest.source ?? c.deadlines.answer.rule}) the time to answer runs again from its receipt: we will answer by ${c.dueDate}.`,
      ];
    case 'invalid_request':
      return [
        lt ? `Jūsų prašymo ${ref} negalime nagrinėti kaip duomenų subjekto teisių prašymo.` : `We cannot process your request ${ref} as a data subject rights request.`,
        reasonsBlock(notice, lang),
        invalidNoticeRule(c, lang),
        '',
        lt ? 'Galite pateikti prašymą iš naujo.' : 'You are welcome to send a new request.',
        complaintSentence(tenant, lang),
      ];
    case 'extension':
      return [
        lt
          ? `Jūsų prašymui ${ref} išnagrinėti reikia daugiau laiko, todėl atsakymo terminą pratęsiame dviem mėnesiais – iki ${c.deadlines.extended.dueDate ?? c.dueDate} (BDAR 12 str. 3 d., ${c.deadlines.extended.rule}).`
          : `Your request ${ref} needs more time, so we are extending the time to answer by two months, to ${c.deadlines.extended.dueDate ?? c.dueDate} (GDPR Art. 12(3), ${c.deadlines.extended.rule}).`,
        reasonsBlock(notice, lang),
        '',
        complaintSentence(tenant, lang),
      ];
    case 'refusal':
      return [
        lt ? `Atsisakome vykdyti Jūsų prašymą ${ref}:` : `We are refusing your request ${ref}:`,
        rightsList(c, lang),
        reasonsBlock(notice, lang),
        '',
        complaintSentence(tenant, lang),
      ];
    case 'fee':
      return [
        lt
          ? `Jūsų prašymas ${ref} yra akivaizdžiai nepagrįstas arba neproporcingas (BDAR 12 str. 5 d.), todėl galime jį vykdyti tik sumokėjus pagrįstą administracinį mokestį.`
          : `Your request ${ref} is manifestly unfounded or excessive (GDPR Art. 12(5)), so we can act on it only once a reasonable administrative fee is paid.`,
        reasonsBlock(notice, lang),
        '',
        lt ? 'Jei nesutinkate, atsakykite į šį laišką.' : 'If you disagree, please reply to this e-mail.',
        complaintSentence(tenant, lang),
      ];
    case 'answer':
      return [
        lt ? `Atsakome į Jūsų prašymą ${ref}:` : `This is our answer to your request ${ref}:`,
        rightsList(c, lang),
        '',
        notice.body?.trim() ? notice.body.trim() : null,
        '',
        answerSections(tenant, c, notice.answer, lang, [...(notice.attachments ?? []), ...(notice.links ?? [])].map((a) => a.filename)),
        notice.links && notice.links.length > 0
          ? `${lt ? 'Failai per dideli siųsti el. paštu; atsisiųskite juos:' : 'The files are too large to e-mail; download them here:'}\n${bullets(
              notice.links.map((l) => `${l.filename}: ${l.url} (${lt ? 'galioja iki' : 'valid until'} ${l.expiresAt})`),
            )}`
          : null,
        '',
        lt ? 'Jei manote, kad Jūsų teisės pažeistos:' : 'If you believe your rights have been infringed:',
        complaintSentence(tenant, lang),
      ];
    case 'marketing_objection_confirmed':
      return [
        lt
          ? `Gavome Jūsų prieštaravimą dėl tiesioginės rinkodaros (${ref}). Jūsų asmens duomenų tiesioginės rinkodaros tikslais nebetvarkome.`
          : `We have received your objection to direct marketing (${ref}). We no longer process your personal data for direct marketing.`,
      ];
  }
}

function section(tenant: TenantConfig, c: Case, notice: Notice, lang: Language): string {
  const kind = notice.kind as Exclude<NoticeKind, 'acknowledgement'>;
  const lines = body(kind, tenant, c, notice, lang).filter((l): l is string => typeof l === 'string');
  return [lang === 'lt' ? 'Laba diena,' : 'Hello,', '', ...lines, '', signature(tenant)].join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * Renders a notice in the case language and the controller's official language.
 * Example: `renderNotice(gautora, c, { kind: 'extension', reasons: ['Large volume of records'] })`.
 */
export function renderNotice(tenant: TenantConfig, c: Case, notice: Notice): RenderedMessage {
  if (notice.kind === 'acknowledgement') {
    const missing = notice.missingByLanguage;
    const identity = missing?.lt && missing.en ? { missingByLanguage: { lt: missing.lt, en: missing.en }, ...(notice.identityLink ? { link: notice.identityLink } : {}) } : undefined;
    return renderAcknowledgement(tenant, c, notice.webForm, identity);
  }
  const kind = notice.kind;
  const languages: Language[] = c.language === tenant.languages.official ? [c.language] : [c.language, tenant.languages.official];
  const parts = languages.map((lang) => section(tenant, c, notice, lang));
  const text = parts.join('\n\n-----\n\n');
  const html = `<!doctype html><html><body>${parts
    .map((p, i) => `<section lang="${languages[i]}"><pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(p)}</pre></section>`)
    .join('<hr>')}</body></html>`;
  return { subject: `${languages.map((l) => SUBJECTS[kind][l]).join(' / ')} – ${c.reference}`, text, html };
}
