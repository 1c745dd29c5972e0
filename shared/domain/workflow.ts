import type { AuditEvent } from './audit.ts';
import { isOpen, nextEvents, type Case } from './case.ts';
import { taskTimerPoints } from './fulfilment/timer.ts';

/**
 * The workflow rules (docs/design.md §2): timer points, alerts and the versioned case update.
 * The state they act on is in `workflow-state.ts`, re-exported here for callers of both.
 */
export * from './workflow-state.ts';

/**
 * Timings of the workflows. Example: reminders to staff 7 and 2 days before the due date; the
 * subject is reminded after 10 days without an answer to an identity request, and the case is
 * closed 10 days after that.
 */
export interface WorkflowSettings {
  readonly reminderDaysBefore: readonly number[];
  readonly escalationRepeatDays: number;
  readonly maxEscalations: number;
  readonly invalidNoticeReminderDaysBefore: number;
  readonly marketingObjectionReminderHoursBefore: number;
  readonly identityReminderAfterDays: number;
  readonly identityCloseAfterReminderDays: number;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  reminderDaysBefore: [7, 2],
  escalationRepeatDays: 7,
  maxEscalations: 8,
  invalidNoticeReminderDaysBefore: 3,
  marketingObjectionReminderHoursBefore: 24,
  identityReminderAfterDays: 10,
  identityCloseAfterReminderDays: 10,
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A staff alert kind, and the family it belongs to (only the latest due point of a family is sent). */
export const ALERT_KINDS = [
  'deadline_reminder',
  'deadline_escalation',
  'invalid_notice_reminder',
  'invalid_notice_due',
  'marketing_objection_reminder',
  'marketing_objection_due',
  'workflow_failed',
  'task_reminder',
  'task_overdue',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface TimerPoint {
  readonly key: string;
  readonly kind: AlertKind;
  readonly at: string;
  /** The deadline this point is about. */
  readonly dueAt: string;
  /** Task points: the fulfilment task they are about (its owner is alerted). */
  readonly taskId?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Every deadline alert still ahead of (or due for) a case, read from the case as it is now: an
 * extension or a restarted period moves `dueAt`, so the points move with it without a new timer.
 */
export function timerPoints(c: Case, settings: WorkflowSettings): TimerPoint[] {
  if (!isOpen(c.status)) return [];
  const fired = new Set(c.timer?.fired ?? []);
  const points: TimerPoint[] = [];
  const due = Date.parse(c.dueAt);
  for (const days of settings.reminderDaysBefore) {
    points.push({ key: `reminder:${days}d:${c.dueAt}`, kind: 'deadline_reminder', at: iso(due - days * DAY_MS), dueAt: c.dueAt });
  }
  // Overdue cases are escalated at the due instant, then again every few days until answered.
  for (let n = 0; n < settings.maxEscalations; n += 1) {
    const key = `escalation:${c.dueAt}:${n}`;
    if (fired.has(key)) continue;
    points.push({ key, kind: 'deadline_escalation', at: iso(due + n * settings.escalationRepeatDays * DAY_MS), dueAt: c.dueAt });
    break;
  }
  const invalid = c.deadlines.invalidRequestNotice;
  if (invalid && (c.status === 'received' || c.status === 'awaiting_identity')) {
    const at = Date.parse(invalid.dueAt);
    points.push({ key: `invalid_notice_reminder:${invalid.dueAt}`, kind: 'invalid_notice_reminder', at: iso(at - settings.invalidNoticeReminderDaysBefore * DAY_MS), dueAt: invalid.dueAt });
    points.push({ key: `invalid_notice_due:${invalid.dueAt}`, kind: 'invalid_notice_due', at: invalid.dueAt, dueAt: invalid.dueAt });
  }
  const marketing = c.deadlines.directMarketingObjection;
  if (marketing && c.rights.some((r) => r.type === 'direct_marketing_objection')) {
    const at = Date.parse(marketing.dueAt);
    points.push({ key: `marketing_reminder:${marketing.dueAt}`, kind: 'marketing_objection_reminder', at: iso(at - settings.marketingObjectionReminderHoursBefore * HOUR_MS), dueAt: marketing.dueAt });
    points.push({ key: `marketing_due:${marketing.dueAt}`, kind: 'marketing_objection_due', at: marketing.dueAt, dueAt: marketing.dueAt });
  }
  points.push(...taskTimerPoints(c));
  return points.filter((p) => !fired.has(p.key)).sort((a, b) => a.at.localeCompare(b.at));
}

export type TimerPlan =
  | { readonly action: 'stop' }
  | { readonly action: 'alert'; readonly due: readonly TimerPoint[] }
  | { readonly action: 'wait'; readonly until: string };

/**
 * What the deadline timer does next: stop (case no longer open), send the alerts that are due,
 * or sleep until the next one.
 * Example: a case due 2026-04-05 planned on 2026-03-10 → `{ action: 'wait', until: <29 March> }`.
 */
export function planTimer(c: Case, settings: WorkflowSettings, now: Date): TimerPlan {
  const points = timerPoints(c, settings);
  if (points.length === 0) return { action: 'stop' };
  const due = points.filter((p) => Date.parse(p.at) <= now.getTime());
  if (due.length > 0) return { action: 'alert', due };
  return { action: 'wait', until: points[0]!.at };
}

/**
 * The alerts to send for due points: within one kind, only the latest point (a "7 days before"
 * reminder that is already past when a "2 days before" one is due is not sent late).
 */
export function alertsToSend(due: readonly TimerPoint[]): TimerPoint[] {
  // Task points are per task: each task's owner hears about their own.
  const latest = new Map<string, TimerPoint>();
  for (const p of due) {
    const group = p.taskId ? `${p.kind}:${p.taskId}` : p.kind;
    const seen = latest.get(group);
    if (!seen || p.at > seen.at) latest.set(group, p);
  }
  return [...latest.values()];
}

/**
 * Applies a change to a case together with its audit events, bumping the optimistic-locking
 * version. Example: `const { case: next, events } = updateCase(c, now, { status: 'closed' }, [draft])`.
 */
export function updateCase(
  c: Case,
  now: Date,
  patch: Partial<Omit<Case, 'id' | 'tenantId' | 'version' | 'lastEventSeq'>>,
  drafts: ReadonlyArray<Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>>,
): { case: Case; events: AuditEvent[] } {
  const events = nextEvents(c, now, drafts);
  return {
    case: { ...c, ...patch, version: c.version + 1, lastEventSeq: c.lastEventSeq + events.length, updatedAt: now.toISOString() },
    events,
  };
}
