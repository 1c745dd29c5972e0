import { computeDeadlines } from '#deadlines/engine.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { zoneOffsetMs } from '#deadlines/zone.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { SYSTEM, type Actor, type AuditEvent } from './audit.ts';
import { nextEvents, subjectKeyOf, type Case, type Representative, type Subject } from './case.ts';
import type { Channel, Language } from './channels.ts';
import { identityRequirement } from './identity-policy.ts';
import { detectRepeat, type EarlierRequest } from './repeats.ts';
import { RIGHT_ARTICLE, type RightType } from './rights.ts';

export interface NewCaseRequest {
  readonly rights: ReadonlyArray<{ readonly type: RightType; readonly details?: string }>;
  readonly subject: Subject;
  readonly language?: Language;
  readonly representative?: Representative;
  readonly callbackUrl?: string;
  readonly identityAssertion?: string;
}

export interface OpenCaseParams {
  readonly tenant: TenantConfig;
  readonly id: string;
  readonly referenceNumber: number;
  readonly channel: Channel;
  readonly receivedAt: Date;
  readonly request: NewCaseRequest;
  readonly actor: Actor;
  readonly partnerId?: string;
  readonly earlierRequests: readonly EarlierRequest[];
  readonly now: Date;
}

/** `GAU-2026-000042`: prefix, the controller's local year of receipt, a per-year counter. */
export function caseReference(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/** The controller's local year of an instant; reference counters restart every local new year. */
export function localYear(instant: Date, timeZone: string): number {
  const t = instant.getTime();
  return new Date(t + zoneOffsetMs(t, timeZone)).getUTCFullYear();
}

/**
 * Builds a new case and its first audit events: deadlines per the tenant's policy, the identity
 * the channel needs, and a repeat flag when the subject asked before.
 */
export function openCase(p: OpenCaseParams): { case: Case; events: AuditEvent[] } {
  const { tenant, request } = p;
  const calendar = holidayCalendar(tenant.holidayCountry, tenant.timeZone);
  const deadlines = computeDeadlines(tenant.deadlines, calendar, p.receivedAt);
  const rightTypes = request.rights.map((r) => r.type);
  const repeat = detectRepeat(tenant.repeats, rightTypes, p.receivedAt, p.earlierRequests, tenant.timeZone);
  const nowIso = p.now.toISOString();
  const answer = deadlines.answer;
  if (answer.dueDate === null) throw new RangeError('An answer period must be counted in days or months.');

  const created: Case = {
    id: p.id,
    reference: caseReference(tenant.referencePrefix, localYear(p.receivedAt, tenant.timeZone), p.referenceNumber),
    tenantId: tenant.id,
    channel: p.channel,
    status: 'received',
    language: request.language ?? tenant.languages.official,
    receivedAt: p.receivedAt.toISOString(),
    subject: request.subject,
    subjectKey: subjectKeyOf(request.subject),
    ...(request.representative ? { representative: request.representative } : {}),
    rights: request.rights.map((r) => ({ type: r.type, ...(r.details ? { details: r.details } : {}), status: 'pending' as const })),
    identity: identityRequirement(tenant, p.channel, rightTypes, request.identityAssertion !== undefined),
    deadlines,
    dueDate: answer.dueDate,
    dueAt: answer.dueAt,
    extended: false,
    repeat,
    acknowledgement: { status: 'pending' },
    ...(p.partnerId ? { partnerId: p.partnerId } : {}),
    ...(request.callbackUrl ? { callbackUrl: request.callbackUrl } : {}),
    createdBy: p.actor,
    createdAt: nowIso,
    updatedAt: nowIso,
    version: 1,
    lastEventSeq: 0,
  };
  const drafts: Array<Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>> = [
    {
      type: 'case.received',
      actor: p.actor,
      visibility: 'public',
      summary: `Request received via ${p.channel}: ${rightTypes.map((r) => `${r} (${RIGHT_ARTICLE[r]})`).join(', ')}. Due ${answer.dueDate} (${answer.rule}).`,
      details: { channel: p.channel, rights: rightTypes, dueDate: answer.dueDate, rule: answer.rule },
    },
  ];
  if (repeat) {
    drafts.push({ type: 'case.repeat_detected', actor: SYSTEM, visibility: 'internal', summary: repeat.reason, details: { ...repeat } });
  }
  const events = nextEvents(created, p.now, drafts);
  return { case: { ...created, lastEventSeq: events.length }, events };
}
