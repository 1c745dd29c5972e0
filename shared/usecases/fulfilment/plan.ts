import { SYSTEM, type AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { provedIdentifiers } from '#domain/fulfilment/identifiers.ts';
import { planTasks, type Fulfilment } from '#domain/fulfilment/tasks.ts';
import { fulfilmentRegisters, type RegisterLookup } from '#tenants/fulfilment/registry.ts';

type Draft = Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>;

/**
 * The fulfilment a case gets when its identity is settled (or not needed): the identifiers the
 * method proved and one task per right and system (recipient). Written in the same case write
 * that moves the case to `in_progress`, so there is never an in-progress case without tasks.
 *
 * Primary course: the case has no fulfilment yet → identifiers from its evidence → tasks from
 * the tenant's register → the patch and one audit event. A case that has one keeps it (a retried
 * step plans nothing twice).
 * Example: `const { patch, events } = fulfilmentOnSettle(c, now)` → `patch.fulfilment.tasks.length === 4`.
 */
export function fulfilmentOnSettle(c: Case, now: Date, registers: RegisterLookup = fulfilmentRegisters): { patch: { fulfilment?: Fulfilment }; events: Draft[] } {
  if (c.fulfilment) return { patch: {}, events: [] };
  const register = registers.get(c.tenantId);
  const identifiers = provedIdentifiers(c);
  const tasks = planTasks(c, register, now);
  const fulfilment: Fulfilment = { identifiers, plannedAt: now.toISOString(), tasks };
  return {
    patch: { fulfilment },
    events: [
      {
        type: 'fulfilment.planned',
        actor: SYSTEM,
        visibility: 'internal',
        summary: `${tasks.length} fulfilment task(s) created; verified identifiers: ${identifiers.map((i) => `${i.kind} (${i.method})`).join(', ') || 'none'}.`,
        details: { tasks: tasks.map((t) => ({ id: t.id, owner: t.owner, dueAt: t.dueAt, status: t.status })), identifiers: identifiers.map((i) => ({ kind: i.kind, method: i.method })) },
      },
    ],
  };
}
