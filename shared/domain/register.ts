import type { AuditEvent } from './audit.ts';
import { isOpen, type Case } from './case.ts';
import type { Channel } from './channels.ts';
import type { Outcome } from './outcome.ts';
import type { RightStatus, RightType } from './rights.ts';
import { closedAtOf, legalHoldOf, type LegalHold, type Tombstone } from './retention.ts';
import type { TenantConfig } from './tenant-policy.ts';
import type { HolidayCalendar } from '#deadlines/calendar.ts';
import { localDateOf } from '#deadlines/calendar.ts';

/**
 * The register of requests (GDPR Art. 5(2), 12; docs/accountability.md): one row per case
 * received in a period, with what the controller must be able to show, and the statistics drawn
 * from the rows. Pure: the rows are built from the case, its audit trail and the tenant policy.
 */

export const TIMELINESS = ['on_time', 'late', 'pending', 'not_applicable'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export interface RegisterRow {
  readonly caseId: string;
  readonly reference: string;
  readonly channel: Channel;
  readonly receivedAt: string;
  /** The case's status now, or `purged` for a tombstone. */
  readonly status: string;
  readonly rights: ReadonlyArray<{ readonly type: RightType; readonly status: RightStatus }>;
  readonly outcome: Outcome;
  readonly identity: { readonly method: string | null; readonly status: string | null; readonly verdict: string | null };
  readonly extension: { readonly extended: boolean; readonly reasons: readonly string[]; readonly clause: string | null };
  readonly refusal: { readonly reasons: readonly string[]; readonly clause: string } | null;
  readonly fee: { readonly reasons: readonly string[]; readonly clause: string } | null;
  /** The due instant in force (the extended one once extended), Regulation 1182/71. */
  readonly dueAt: string;
  readonly answeredAt: string | null;
  /** The answer's local date (tenant time zone). */
  readonly answeredOn: string | null;
  /** Working days from the day after receipt to the day of the answer, both local. */
  readonly workingDaysTaken: number | null;
  readonly timeliness: Timeliness;
  readonly closedAt: string | null;
  readonly legalHold: LegalHold | null;
  readonly purgedAt: string | null;
}

/** Notices that answer a request (the outcome reached the subject). */
const ANSWER_NOTICES = ['notice.answer', 'notice.refusal', 'notice.invalid_request', 'notice.identity_not_established', 'notice.marketing_objection_confirmed'];

const reasonsOf = (e: AuditEvent | undefined): string[] => (Array.isArray(e?.details?.reasons) ? (e.details.reasons as unknown[]).map(String) : []);
const last = (events: readonly AuditEvent[], type: string) => [...events].reverse().find((e) => e.type === type);

/** The status a case ended in before `closed` (or its status while open). */
function finalStatus(c: Case, events: readonly AuditEvent[]): string {
  if (c.status !== 'closed') return c.status;
  const closing = [...events].reverse().find((e) => e.type === 'case.status_changed' && e.details?.to === 'closed');
  return typeof closing?.details?.from === 'string' ? closing.details.from : 'closed';
}

export function outcomeOf(c: Case, events: readonly AuditEvent[]): Outcome {
  if (isOpen(c.status)) return 'pending';
  const status = finalStatus(c, events);
  if (status === 'withdrawn') return 'withdrawn';
  if (status === 'invalid') return 'invalid';
  if (status === 'awaiting_identity' || events.some((e) => e.type === 'notice.identity_not_established')) return 'identity_not_established';
  if (status === 'refused' || c.rights.every((r) => r.status === 'refused')) return 'refused';
  const granted = c.rights.filter((r) => r.status === 'fulfilled').length;
  return granted === c.rights.length ? 'granted' : 'partly_granted';
}

/** Working days after `from`'s local date up to and including `to`'s (0 when answered the same day). */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  const start = localDateOf(new Date(from), calendar.timeZone);
  const end = localDateOf(new Date(to), calendar.timeZone);
  let count = 0;
  const day = new Date(`${start}T00:00:00Z`);
  for (;;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    if (iso > end) return count;
    if (calendar.isWorkingDay(iso)) count += 1;
  }
}

export function registerRow(c: Case, events: readonly AuditEvent[], tenant: TenantConfig, calendar: HolidayCalendar, now: Date): RegisterRow {
  const answer = events.find((e) => ANSWER_NOTICES.includes(e.type));
  const answeredAt = answer?.at ?? null;
  const outcome = outcomeOf(c, events);
  // An invalid-request notice has its own, shorter deadline where the policy sets one (Gautora 003 §21.10).
  const dueAt = outcome === 'invalid' && c.deadlines.invalidRequestNotice ? c.deadlines.invalidRequestNotice.dueAt : c.dueAt;
  const timeliness: Timeliness = answeredAt
    ? answeredAt <= dueAt ? 'on_time' : 'late'
    : isOpen(c.status)
      ? now.toISOString() > dueAt ? 'late' : 'pending'
      : 'not_applicable';
  const refusal = last(events, 'decision.refuse') ?? (outcome === 'refused' ? last(events, 'notice.refusal') : undefined);
  const fee = last(events, 'decision.fee');
  const extension = last(events, 'deadline.extended');
  return {
    caseId: c.id,
    reference: c.reference,
    channel: c.channel,
    receivedAt: c.receivedAt,
    status: c.status,
    rights: c.rights.map((r) => ({ type: r.type, status: r.status })),
    outcome,
    identity: { method: c.identity.method, status: c.identity.status, verdict: c.identity.evidence?.verdict ?? null },
    extension: { extended: c.extended, reasons: reasonsOf(extension), clause: c.extended ? tenant.deadlines.extension.source : null },
    refusal: refusal ? { reasons: reasonsOf(refusal), clause: tenant.repeats.source } : null,
    fee: fee ? { reasons: reasonsOf(fee), clause: tenant.fees.source } : null,
    dueAt,
    answeredAt,
    answeredOn: answeredAt ? localDateOf(new Date(answeredAt), calendar.timeZone) : null,
    workingDaysTaken: answeredAt ? workingDaysBetween(c.receivedAt, answeredAt, calendar) : null,
    timeliness,
    closedAt: closedAtOf(events),
    legalHold: legalHoldOf(events),
    purgedAt: null,
  };
}

/** The tombstone a purged case left, as a register row (no identity, reasons or personal data). */
export function tombstoneRow(t: Tombstone, calendar: HolidayCalendar): RegisterRow {
  return {
    caseId: t.caseId,
    reference: t.reference,
    channel: t.channel,
    receivedAt: t.receivedAt,
    status: 'purged',
    rights: t.rights,
    outcome: t.outcome,
    identity: { method: t.identityMethod, status: null, verdict: null },
    extension: { extended: t.extended, reasons: [], clause: null },
    refusal: null,
    fee: null,
    dueAt: t.dueAt,
    answeredAt: t.answeredAt,
    answeredOn: t.answeredAt ? localDateOf(new Date(t.answeredAt), calendar.timeZone) : null,
    workingDaysTaken: t.answeredAt ? workingDaysBetween(t.receivedAt, t.answeredAt, calendar) : null,
    timeliness: t.answeredAt ? (t.answeredAt <= t.dueAt ? 'on_time' : 'late') : 'not_applicable',
    closedAt: t.closedAt,
    legalHold: null,
    purgedAt: t.purgedAt,
  };
}

export interface Tally {
  readonly received: number;
  readonly granted: number;
  readonly partlyGranted: number;
  readonly refused: number;
  readonly late: number;
  /** Calendar days from receipt to answer, over the answered cases. */
  readonly medianDaysToAnswer: number | null;
  readonly p90DaysToAnswer: number | null;
}

export interface RegisterStatistics {
  readonly total: Tally;
  readonly byRight: Readonly<Partial<Record<RightType, Tally>>>;
  readonly byChannel: Readonly<Partial<Record<Channel, Tally>>>;
  readonly byOutcome: Readonly<Partial<Record<Outcome, number>>>;
  readonly byTimeliness: Readonly<Partial<Record<Timeliness, number>>>;
}

/** Nearest-rank percentile (p in 0–100) of a list; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function tally(rows: readonly RegisterRow[]): Tally {
  const days = rows.filter((r) => r.answeredAt).map((r) => (Date.parse(r.answeredAt!) - Date.parse(r.receivedAt)) / 86_400_000);
  return {
    received: rows.length,
    granted: rows.filter((r) => r.outcome === 'granted').length,
    partlyGranted: rows.filter((r) => r.outcome === 'partly_granted').length,
    refused: rows.filter((r) => r.outcome === 'refused').length,
    late: rows.filter((r) => r.timeliness === 'late').length,
    medianDaysToAnswer: round1(median(days)),
    p90DaysToAnswer: round1(percentile(days, 90)),
  };
}

function groupBy<K extends string>(rows: readonly RegisterRow[], keys: (r: RegisterRow) => readonly K[]): Partial<Record<K, Tally>> {
  const groups = new Map<K, RegisterRow[]>();
  for (const r of rows) for (const k of new Set(keys(r))) groups.set(k, [...(groups.get(k) ?? []), r]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, tally(list)])) as Partial<Record<K, Tally>>;
}

function countBy<K extends string>(rows: readonly RegisterRow[], key: (r: RegisterRow) => K): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const r of rows) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
  return counts;
}

/** Statistics of a register period: by right (a case counts once for each right it asks), channel, outcome, timeliness. */
export function registerStatistics(rows: readonly RegisterRow[]): RegisterStatistics {
  return {
    total: tally(rows),
    byRight: groupBy(rows, (r) => r.rights.map((x) => x.type)),
    byChannel: groupBy(rows, (r) => [r.channel]),
    byOutcome: countBy(rows, (r) => r.outcome),
    byTimeliness: countBy(rows, (r) => r.timeliness),
  };
}

export const CSV_COLUMNS = [
  'reference', 'channel', 'received_at', 'status', 'rights', 'right_outcomes', 'outcome', 'identity_method', 'identity_status', 'identity_verdict',
  'extended', 'extension_reasons', 'extension_clause', 'refusal_reasons', 'refusal_clause', 'fee_reasons', 'fee_clause',
  'due_at', 'answered_at', 'answered_on', 'working_days_taken', 'timeliness', 'closed_at', 'legal_hold', 'purged_at',
] as const;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function registerCsv(rows: readonly RegisterRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.reference, r.channel, r.receivedAt, r.status, r.rights.map((x) => x.type).join(' '), r.rights.map((x) => `${x.type}:${x.status}`).join(' '), r.outcome,
        r.identity.method, r.identity.status, r.identity.verdict, r.extension.extended, r.extension.reasons.join(' | '), r.extension.clause,
        r.refusal?.reasons.join(' | ') ?? null, r.refusal?.clause ?? null, r.fee?.reasons.join(' | ') ?? null, r.fee?.clause ?? null,
        r.dueAt, r.answeredAt, r.answeredOn, r.workingDaysTaken, r.timeliness, r.closedAt, r.legalHold ? `${r.legalHold.reason} (${r.legalHold.by}, ${r.legalHold.at})` : null, r.purgedAt,
      ].map(csvField).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
