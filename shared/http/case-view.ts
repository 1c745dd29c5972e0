import type { AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import type { CaseDeadlines, RuleDeadline } from '#deadlines/engine.ts';
import type { CaseView } from './schemas.ts';

type DeadlinesView = CaseView['deadlines'];

function dated(d: RuleDeadline): { dueDate: string; dueAt: string; rule: string } {
  if (d.dueDate === null) throw new RangeError(`Deadline ${d.rule} has no date.`);
  return { dueDate: d.dueDate, dueAt: d.dueAt, rule: d.rule };
}

/** The public shape of deadlines (docs/design.md §4.2): hour periods have only an instant. */
export function toDeadlinesView(d: CaseDeadlines): DeadlinesView {
  return {
    receivedAt: d.receivedAt,
    answer: dated(d.answer),
    extended: dated(d.extended),
    invalidRequestNotice: d.invalidRequestNotice ? dated(d.invalidRequestNotice) : null,
    directMarketingObjection: d.directMarketingObjection ? { dueAt: d.directMarketingObjection.dueAt, rule: d.directMarketingObjection.rule } : null,
  };
}

/** What a partner sees of a case: no internal flags, no staff notes, no evidence. */
export function toCaseView(c: Case, extras: { events?: readonly AuditEvent[]; acknowledgementText?: string } = {}): CaseView {
  return {
    id: c.id,
    reference: c.reference,
    tenantId: c.tenantId,
    channel: c.channel,
    status: c.status,
    language: c.language,
    receivedAt: c.receivedAt,
    dueDate: c.dueDate,
    dueAt: c.dueAt,
    extended: c.extended,
    rights: c.rights.map((r) => ({ type: r.type, status: r.status })),
    identity: { status: c.identity.status, method: c.identity.method, acceptedMethods: [...c.identity.acceptedMethods] },
    deadlines: toDeadlinesView(c.deadlines),
    acknowledgement: {
      status: c.acknowledgement.status,
      ...(extras.acknowledgementText ? { text: extras.acknowledgementText } : {}),
    },
    ...(c.waiting ? { waitingFor: c.waiting.step === 'subject_clarification' || c.waiting.step === 'subject_identity' ? ('subject' as const) : ('controller' as const) } : {}),
    ...(c.clarification
      ? {
          clarification: {
            questions: [...c.clarification.questions],
            askedAt: c.clarification.askedAt,
            restartsPeriod: c.clarification.restartsPeriod,
            rule: c.clarification.rule,
            ...(c.clarification.answeredAt ? { answeredAt: c.clarification.answeredAt } : {}),
            ...(c.clarification.closedAt ? { closedAt: c.clarification.closedAt } : {}),
          },
        }
      : {}),
    ...(extras.events ? { events: extras.events.map((e) => ({ at: e.at, type: e.type, summary: e.summary })) } : {}),
  };
}
