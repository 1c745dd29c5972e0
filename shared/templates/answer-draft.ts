import type { Case } from '#domain/case.ts';
import type { Language } from '#domain/channels.ts';
import type { LocalizedText, TenantConfig } from '#domain/tenant-policy.ts';
import { art15Of } from '#tenants/art15.ts';

const H = {
  en: { greeting: (n: string) => `Dear ${n},`, intro: (r: string) => `In reply to your request ${r}, here is the information about the processing of your personal data (GDPR Art. 15(1)).`, purposes: 'Purposes, legal basis, data categories and retention', recipients: 'Recipients', sources: 'Sources of the data', automated: 'Automated decision-making', transfers: 'Transfers to third countries', rights: 'You may ask for rectification, erasure or restriction, object to processing, and complain to the supervisory authority:', copy: 'A copy of your personal data is attached.', closing: 'Kind regards,' },
  lt: { greeting: (n: string) => `Gerb. ${n},`, intro: (r: string) => `Atsakydami į Jūsų prašymą ${r}, teikiame informaciją apie Jūsų asmens duomenų tvarkymą (BDAR 15 str. 1 d.).`, purposes: 'Tikslai, teisinis pagrindas, duomenų kategorijos ir saugojimo terminai', recipients: 'Gavėjai', sources: 'Duomenų šaltiniai', automated: 'Automatizuotas sprendimų priėmimas', transfers: 'Perdavimas į trečiąsias šalis', rights: 'Galite prašyti ištaisyti, ištrinti ar apriboti duomenų tvarkymą, nesutikti su tvarkymu ir pateikti skundą priežiūros institucijai:', copy: 'Jūsų asmens duomenų kopija pridedama.', closing: 'Pagarbiai,' },
} as const;

const text = (t: LocalizedText, lang: Language) => t[lang];

/**
 * The answer draft staff start from: the controller's standard Art. 15 information (docs/design.md §1.6)
 * in the request's language, each item citing the policy clause it comes from.
 * Example: `answerTemplate(tenantRegistry.get('softera'), c)` → "Dear Ona …".
 */
export function answerTemplate(tenant: TenantConfig, c: Case): string {
  const lang = c.language;
  const h = H[lang];
  const a = art15Of(tenant.id);
  const lines: string[] = [h.greeting(c.subject.name), '', h.intro(c.reference), '', `${h.purposes}:`];
  for (const p of a.purposes) {
    lines.push(`- ${text(p.purpose, lang)} — ${text(p.legalBasis, lang)}; ${p.dataCategories.map((d) => text(d, lang)).join(', ')}; ${text(p.retention, lang)} (${p.source})`);
  }
  if (a.recipients.length > 0) lines.push('', `${h.recipients}:`, ...a.recipients.map((r) => `- ${text(r.recipient, lang)} (${r.source})`));
  if (a.sources.length > 0) lines.push('', `${h.sources}:`, ...a.sources.map((s) => `- ${text(s.from, lang)} (${s.source})`));
  lines.push('', `${h.automated}: ${text(a.automatedDecisionMaking.description, lang)} (${a.automatedDecisionMaking.source})`);
  lines.push(`${h.transfers}: ${text(a.thirdCountryTransfers.safeguards, lang)} (${a.thirdCountryTransfers.source})`);
  const sa = tenant.supervisoryAuthority;
  lines.push('', h.rights, `${text(sa.name, lang)}, ${sa.address}, ${sa.website}`, '', h.copy, '', h.closing, tenant.controller.legalName);
  return lines.join('\n');
}
