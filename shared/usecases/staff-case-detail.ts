import type { RuleDeadline } from '#deadlines/engine.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { daysLeft } from '#deadlines/engine.ts';
import type { AuditEvent } from '#domain/audit.ts';
import { isOpen, type Case } from '#domain/case.ts';
import { NotFoundError } from '#domain/errors.ts';
import { DECISIONS_BY_STEP, type Decision, type WaitStep } from '#domain/workflow.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

import { nextActor as nextActorOf, type NextActor } from '#domain/handling.ts';
export type { NextActor } from '#domain/handling.ts';

export interface DeadlineInForce {
  readonly kind: 'answer' | 'extended' | 'invalidRequestNotice' | 'directMarketingObjection';
  readonly dueDate: string | null;
  readonly dueAt: string;
  readonly rule: string;
  /** The instant the period runs from: receipt, or the revised request where the policy restarts it. */
  readonly countedFrom: string;
}

export interface StaffCaseDetail {
  readonly case: Case;
  readonly events: readonly AuditEvent[];
  readonly waiting: { readonly step: WaitStep; readonly since: string; readonly remindedAt?: string; readonly decisions: readonly Decision[] } | null;
  readonly nextActor: NextActor;
  readonly flags: {
    readonly repeat: boolean;
    readonly overdue: boolean;
    readonly escalated: boolean;
    readonly unclassified: boolean;
    readonly workflowFailed: boolean;
  };
  readonly daysLeft: number | null;
  /** Every deadline that still binds the controller, with the clause that produced it. */
  readonly deadlinesInForce: readonly DeadlineInForce[];
  /** While waiting for details: does the clock keep running, or restart with the answer? */
  readonly clock: { readonly running: boolean; readonly restartsOnAnswer: boolean; readonly rule: string } | null;
}

/**
 * The full case for staff, as the console page shows it, for scripts, reports and a second
 * console: the waiting step and who acts next, the flags, the deadlines in force with their
 * rules, the identity evidence record and the whole timeline (internal events included).
 * Example: `await staffCaseDetail({ repo, tenants, clock }, { tenantId: 'legalbalance', caseId })`.
 */
export async function staffCaseDetail(
  deps: { readonly repo: CaseRepository; readonly tenants: TenantRegistry; readonly clock: Clock },
  input: { readonly tenantId: string; readonly caseId: string },
): Promise<StaffCaseDetail> {
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!c) throw new NotFoundError(`No case with id "${input.caseId}".`);
  const events = await deps.repo.listEvents(input.tenantId, input.caseId);
  const tenant = deps.tenants.get(c.tenantId);
  const now = deps.clock.now();
  const open = isOpen(c.status);
  const waiting = c.waiting ? { step: c.waiting.step, since: c.waiting.since, ...(c.waiting.remindedAt ? { remindedAt: c.waiting.remindedAt } : {}), decisions: DECISIONS_BY_STEP[c.waiting.step] } : null;
  const nextActor: NextActor = nextActorOf(c);
  const classified = [...events].reverse().find((e) => e.type === 'email.classified');
  const corrected = events.some((e) => e.type === 'rights.corrected' && (!classified || e.seq > classified.seq));
  const deadlinesInForce: DeadlineInForce[] = [];
  if (open) {
    const main: RuleDeadline = c.extended ? c.deadlines.extended : c.deadlines.answer;
    deadlinesInForce.push({ kind: c.extended ? 'extended' : 'answer', dueDate: c.dueDate, dueAt: c.dueAt, rule: main.rule, countedFrom: c.deadlines.countedFrom });
    const invalid = c.deadlines.invalidRequestNotice;
    if (invalid && (c.status === 'received' || c.status === 'awaiting_identity')) deadlinesInForce.push({ kind: 'invalidRequestNotice', dueDate: invalid.dueDate, dueAt: invalid.dueAt, rule: invalid.rule, countedFrom: c.deadlines.receivedAt });
    const marketing = c.deadlines.directMarketingObjection;
    if (marketing && c.rights.some((r) => r.type === 'direct_marketing_objection')) deadlinesInForce.push({ kind: 'directMarketingObjection', dueDate: marketing.dueDate, dueAt: marketing.dueAt, rule: marketing.rule, countedFrom: c.deadlines.receivedAt });
  }
  const q = c.clarification;
  const clock = q && open && !q.answeredAt ? { running: !q.restartsPeriod, restartsOnAnswer: q.restartsPeriod, rule: q.rule } : null;
  return {
    case: c,
    events,
    waiting,
    nextActor,
    flags: {
      repeat: c.repeat !== null,
      overdue: open && (now.getTime() > Date.parse(c.dueAt) || c.attention?.kind === 'overdue'),
      escalated: (c.timer?.fired ?? []).some((k) => k.startsWith('escalation:')),
      unclassified: classified !== undefined && classified.details?.confident === false && !corrected,
      workflowFailed: c.attention?.kind === 'workflow_failed',
    },
    daysLeft: open ? daysLeft({ dueDate: c.dueDate, dueAt: c.dueAt }, now, holidayCalendar(tenant.holidayCountry, tenant.timeZone)) : null,
    deadlinesInForce,
    clock,
  };
}
