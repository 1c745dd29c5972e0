import type { AnswerContent, RightOutcome, RightResult } from '#domain/answer.ts';
import type { Case } from '#domain/case.ts';
import type { Language } from '#domain/channels.ts';
import { RIGHT_ARTICLE, type RightType } from '#domain/rights.ts';
import type { LocalizedText, TenantConfig } from '#domain/tenant-policy.ts';
import { art15Of } from '#tenants/art15.ts';
import { RIGHT_LABEL } from './labels.ts';

/**
 * The answer per right (docs/design.md §1.6): for access the Art. 15(1) information from the tenant's
 * policy (purposes with legal basis, categories, recipients, retention, sources, automated
 * decisions, third-country safeguards, the rights and the supervisory authority) plus the copy
 * of the data; for portability the machine-readable files; for erasure what was erased and
 * what was kept and why; for the other rights the outcome. Lithuanian and English.
 *
 * Every policy text carries both languages (a missing one is a compile error, see
 * `TextSchema`), so a Lithuanian answer is Lithuanian throughout.
 */

const bullets = (items: readonly string[]) => items.map((item) => `  • ${item}`).join('\n');
const say = (t: LocalizedText, lang: Language) => t[lang];
const nonEmpty = (items: readonly (string | undefined)[]) => items.map((s) => s?.trim() ?? '').filter((s) => s !== '');

const OUTCOME: Record<RightOutcome, Record<Language, string>> = {
  fulfilled: { lt: 'įvykdyta', en: 'done' },
  partially_fulfilled: { lt: 'įvykdyta iš dalies', en: 'partly done' },
  refused: { lt: 'atsisakyta', en: 'refused' },
  not_applicable: { lt: 'netaikoma', en: 'not applicable' },
};

function heading(type: RightType, lang: Language): string {
  const label = RIGHT_LABEL[type][lang];
  return `${lang === 'lt' ? 'Teisė' : 'Right of'} ${label} (GDPR ${RIGHT_ARTICLE[type]})`.replace('Right of data portability', 'Right to data portability');
}

/** Art. 15(1)(a)–(h) and 15(2) from the controller's policy. */
export function art15Block(tenant: TenantConfig, content: AnswerContent | undefined, lang: Language): string {
  const a = art15Of(tenant.id);
  const lt = lang === 'lt';
  const purposes = a.purposes.map((p) =>
    [
      `  • ${say(p.purpose, lang)}`,
      `    ${lt ? 'Teisinis pagrindas' : 'Legal basis'}: ${say(p.legalBasis, lang)}`,
      `    ${lt ? 'Duomenų kategorijos' : 'Categories of data'}: ${p.dataCategories.map((d) => say(d, lang)).join('; ')}`,
      `    ${lt ? 'Saugojimo terminas' : 'Retention'}: ${say(p.retention, lang)}`,
      `    (${p.source})`,
    ].join('\n'),
  );
  const window = a.recipientsWindow;
  const disclosed = nonEmpty(content?.recipientsDisclosed ?? []);
  const recipientsTitle = window
    ? lt
      ? `Gavėjai, kuriems Jūsų duomenys buvo teikti per paskutinius ${window.months} mėn. (${window.source}):`
      : `Recipients your data were disclosed to in the last ${window.months} months (${window.source}):`
    : lt
      ? 'Duomenų gavėjai ar jų kategorijos:'
      : 'Recipients or categories of recipients:';
  const recipients = disclosed.length > 0 ? disclosed : a.recipients.map((r) => `${say(r.recipient, lang)} (${r.source})`);
  const authority = tenant.supervisoryAuthority;
  return [
    lt ? '1. Tvarkymo tikslai, teisinis pagrindas, duomenų kategorijos ir saugojimo terminai:' : '1. Purposes, legal basis, categories of data and retention:',
    purposes.join('\n'),
    `2. ${recipientsTitle}`,
    recipients.length > 0 ? bullets(recipients) : `  • ${lt ? 'nėra' : 'none'}`,
    lt ? '3. Iš kur gauti duomenys:' : '3. Where the data come from:',
    bullets(a.sources.map((s) => `${say(s.from, lang)} (${s.source})`)),
    `${lt ? '4. Automatizuoti sprendimai, įskaitant profiliavimą' : '4. Automated decision-making, including profiling'}: ${a.automatedDecisionMaking.used ? (lt ? 'taikomi' : 'used') : lt ? 'netaikomi' : 'not used'}. ${say(a.automatedDecisionMaking.description, lang)} (${a.automatedDecisionMaking.source})`,
    `${lt ? '5. Perdavimas į trečiąsias šalis ir apsaugos priemonės' : '5. Transfers to third countries and safeguards'}: ${say(a.thirdCountryTransfers.safeguards, lang)} (${a.thirdCountryTransfers.source})`,
    lt
      ? '6. Jūs turite teisę prašyti ištaisyti arba ištrinti asmens duomenis, apriboti jų tvarkymą, nesutikti su tvarkymu ir teisę į duomenų perkeliamumą.'
      : '6. You have the right to ask for rectification or erasure of your personal data, restriction of processing, to object to processing, and to data portability.',
    lt
      ? `7. Turite teisę pateikti skundą priežiūros institucijai – ${authority.name.lt} (${authority.address}, ${authority.website}).`
      : `7. You have the right to lodge a complaint with the supervisory authority, the ${authority.name.en} (${authority.address}, ${authority.website}).`,
  ].join('\n');
}

function erasureBlock(result: RightResult | undefined, lang: Language): string[] {
  const lt = lang === 'lt';
  const erased = nonEmpty(result?.erased ?? []);
  const kept = (result?.kept ?? []).filter((k) => k.data.trim() && k.reason.trim());
  return [
    erased.length > 0 ? `${lt ? 'Ištrinta:' : 'Erased:'}\n${bullets(erased)}` : '',
    kept.length > 0
      ? `${lt ? 'Išsaugota ir kodėl (BDAR 17 str. 3 d.):' : 'Kept, and why (GDPR Art. 17(3)):'}\n${bullets(
          kept.map((k) => `${k.data.trim()} – ${k.reason.trim()}${k.until ? (lt ? ` (iki ${k.until})` : ` (until ${k.until})`) : ''}`),
        )}`
      : erased.length > 0
        ? lt
          ? 'Jokių Jūsų duomenų neišsaugojome.'
          : 'We kept none of your data.'
        : '',
  ];
}

/**
 * The per-right part of an answer, in one language. `files` names what is attached (or linked),
 * so the text can point at it. Example: `answerSections(gautora, c, content, 'lt', ['GAU-…-data.json'])`.
 */
export function answerSections(tenant: TenantConfig, c: Case, content: AnswerContent | undefined, lang: Language, files: readonly string[]): string {
  const lt = lang === 'lt';
  const hasData = files.length > 0;
  const blocks = c.rights.map((right) => {
    const result = content?.results?.find((r) => r.type === right.type);
    const lines: string[] = [heading(right.type, lang)];
    if (result) lines.push(`${lt ? 'Rezultatas' : 'Outcome'}: ${OUTCOME[result.outcome][lang]}.`);
    if (result?.summary?.trim()) lines.push(result.summary.trim());
    switch (right.type) {
      case 'access':
        lines.push(
          hasData
            ? lt
              ? 'Jūsų asmens duomenų kopija pridedama (JSON ir CSV failai).'
              : 'A copy of your personal data is attached (JSON and CSV files).'
            : lt
              ? 'Jūsų asmens duomenų, kuriuos tvarkome, nėra arba jie pateikiami šiame atsakyme.'
              : 'We hold no personal data about you beyond what this answer states.',
          art15Block(tenant, content, lang),
        );
        break;
      case 'information':
        lines.push(art15Block(tenant, content, lang));
        break;
      case 'portability':
        lines.push(
          hasData
            ? lt
              ? 'Jūsų pateikti duomenys pridedami susistemintu, įprastai naudojamu ir kompiuterio skaitomu formatu (JSON ir CSV).'
              : 'The data you provided to us are attached in a structured, commonly used and machine-readable format (JSON and CSV).'
            : lt
              ? 'Neturime duomenų, kuriems taikoma teisė į duomenų perkeliamumą.'
              : 'We hold no data to which the right to data portability applies.',
        );
        break;
      case 'erasure':
        lines.push(...erasureBlock(result, lang));
        break;
      default:
        break;
    }
    return lines.filter((l) => l !== '').join('\n');
  });
  const listed = hasData ? `${lt ? 'Failai:' : 'Files:'}\n${bullets(files)}` : '';
  return [...blocks, listed].filter((b) => b !== '').join('\n\n');
}
