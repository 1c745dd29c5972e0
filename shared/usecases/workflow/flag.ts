import { SYSTEM } from '#domain/audit.ts';
import { updateCase } from '#domain/workflow.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface FlagInput extends CaseRef {
  readonly workflow: 'case' | 'timer';
  readonly error: { readonly Error?: string; readonly Cause?: string };
}

/**
 * The failure path of every workflow: a step failed after its retries, so the case is flagged
 * for staff (console attention flag, audit event, staff alert) before the execution fails.
 * Example: `await flagForStaff(deps, { tenantId, caseId, workflow: 'case', error: { Error: 'X', Cause: '…' } })`.
 */
export async function flagForStaff(deps: WorkflowDeps, input: FlagInput): Promise<void> {
  const c = await loadCase(deps, input);
  const now = deps.clock.now();
  const reason = `The ${input.workflow === 'case' ? 'case workflow' : 'deadline timer'} stopped: ${input.error.Error ?? 'unknown error'}.`;
  const { case: next, events } = updateCase(c, now, { attention: { kind: 'workflow_failed', reason, since: now.toISOString() } }, [
    { type: 'workflow.failed', actor: SYSTEM, visibility: 'internal', summary: reason, details: { workflow: input.workflow, error: input.error.Error ?? null, cause: (input.error.Cause ?? '').slice(0, 2000) } },
  ]);
  await deps.repo.saveCase(next, events);
  await deps.alerts.alert(next, { kind: 'workflow_failed', message: `${reason} Please take the case over.` });
}
