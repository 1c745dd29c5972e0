import type { Language } from '#domain/channels.ts';
import type { LetterDocument } from '#domain/letters.ts';
import type { RegisterStatistics, Tally } from '#domain/register.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';

/** What the summary needs of a register (shared/usecases/accountability/register.ts). */
export interface RegisterSummaryInput {
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly retention: { readonly period: string; readonly source: string | null; readonly reason: string };
  readonly rows: ReadonlyArray<{ readonly reference: string; readonly receivedAt: string; readonly outcome: string; readonly timeliness: string; readonly workingDaysTaken: number | null; readonly rights: ReadonlyArray<{ readonly type: string }> }>;
  readonly statistics: RegisterStatistics;
}

const TEXT = {
  lt: {
    title: (from: string, to: string) => `Duomenų subjektų prašymų registras: ${from}–${to}`,
    totals: 'Suvestinė',
    received: 'Gauta', granted: 'Patenkinta', partly: 'Iš dalies patenkinta', refused: 'Atsisakyta', late: 'Pavėluota',
    median: 'Atsakymo trukmės mediana (d.)', p90: 'Atsakymo trukmės 90-asis procentilis (d.)',
    byRight: 'Pagal teisę', byChannel: 'Pagal kanalą', cases: 'Bylos',
    retention: (p: string, s: string | null) => `Uždarytos bylos saugomos ${p.replace('years', 'm.').replace('months', 'mėn.').replace('days', 'd.')} (${s ?? 'politikoje terminas nenurodytas'}).`,
    generated: 'Parengta',
    none: 'Per šį laikotarpį prašymų negauta.',
  },
  en: {
    title: (from: string, to: string) => `Register of data subject requests: ${from} to ${to}`,
    totals: 'Summary',
    received: 'Received', granted: 'Granted', partly: 'Partly granted', refused: 'Refused', late: 'Late',
    median: 'Median days to answer', p90: '90th percentile days to answer',
    byRight: 'By right', byChannel: 'By channel', cases: 'Cases',
    retention: (p: string, s: string | null) => `Closed cases are kept ${p} (${s ?? 'the policy names no period'}).`,
    generated: 'Generated',
    none: 'No requests were received in this period.',
  },
} as const;

function tallyLine(t: (typeof TEXT)[Language], x: Tally): string {
  return `${t.received} ${x.received} · ${t.granted} ${x.granted} · ${t.partly} ${x.partlyGranted} · ${t.refused} ${x.refused} · ${t.late} ${x.late}`;
}

/**
 * The register's summary as a letter to the controller's own records, laid out by the same PDF
 * renderer as the letters to subjects (one renderer, one font with Lithuanian letters).
 */
export function registerSummaryLetter(tenant: TenantConfig, register: RegisterSummaryInput, language: Language): LetterDocument {
  const t = TEXT[language];
  const s = register.statistics;
  const groups = (title: string, entries: ReadonlyArray<[string, Tally | undefined]>) => [
    title,
    ...entries.filter(([, v]) => v).map(([k, v]) => `  ${k}: ${tallyLine(t, v!)}`),
  ];
  const body = [
    t.totals,
    tallyLine(t, s.total),
    `${t.median}: ${s.total.medianDaysToAnswer ?? '—'} · ${t.p90}: ${s.total.p90DaysToAnswer ?? '—'}`,
    '',
    ...groups(t.byRight, Object.entries(s.byRight)),
    '',
    ...groups(t.byChannel, Object.entries(s.byChannel)),
    '',
    t.cases,
    ...(register.rows.length === 0
      ? [t.none]
      : register.rows.map((r) => `  ${r.reference} · ${r.receivedAt.slice(0, 10)} · ${r.rights.map((x) => x.type).join(', ')} · ${r.outcome} · ${r.timeliness}${r.workingDaysTaken === null ? '' : ` · ${r.workingDaysTaken}`}`)),
    '',
    t.retention(register.retention.period, register.retention.source),
  ].join('\n');
  const ctl = tenant.controller;
  return {
    letterhead: [ctl.legalName, ctl.companyCode ?? '', ctl.address ?? '', tenant.mailbox].filter((l) => l !== ''),
    recipient: [ctl.legalName, tenant.dpo.name ?? tenant.dpo.email ?? tenant.mailbox],
    dateLine: `${t.generated} ${register.generatedAt.slice(0, 10)}`,
    referenceLine: `${register.from}/${register.to}`,
    title: t.title(register.from, register.to),
    body,
    language,
  };
}
