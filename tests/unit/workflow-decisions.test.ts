import { describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import type { Case } from '#domain/case.ts';
import { ForbiddenError, ValidationError, WorkflowNotWaitingError } from '#domain/errors.ts';
import { openCase } from '#domain/open-case.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { decide } from '#usecases/workflow/decide.ts';

class RecordingEngine implements WorkflowEngine {
  readonly decisions: Array<{ token: string; output: Readonly<Record<string, unknown>> }> = [];
  async startCase() {}
  async stopTimer() {}
  async sendDecision(token: string, output: Readonly<Record<string, unknown>>) {
    this.decisions.push({ token, output });
  }
}

async function setup(patch: Partial<Case>) {
  const repo = new InMemoryCaseRepository();
  const now = new Date('2027-03-02T10:00:00Z');
  const opened = openCase({
    tenant: tenantRegistry.get('softera'),
    id: 'c1',
    referenceNumber: 1,
    channel: 'email',
    receivedAt: new Date('2027-03-01T08:00:00Z'),
    request: { rights: [{ type: 'access' }], subject: { name: 'Ona', email: 'ona@example.lt' } },
    actor: { kind: 'subject', id: 'ona' },
    earlierRequests: [],
    now,
  });
  await repo.createCase({ ...opened.case, ...patch }, opened.events);
  const workflows = new RecordingEngine();
  return { repo, workflows, deps: { tenants: tenantRegistry, repo, clock: { now: () => now }, workflows } };
}

const staff = (id: string) => ({ kind: 'staff' as const, id });
const ref = { tenantId: 'softera', caseId: 'c1' };

describe('decide', () => {
  it('refuses a decision for a step the case is not waiting at (409), and resumes nothing', async () => {
    const { deps, workflows } = await setup({ status: 'in_progress', waiting: { step: 'answer_draft', taskToken: 'tok', since: '2027-03-01T09:00:00Z' } });
    await expect(decide(deps, { ...ref, step: 'approval', decision: 'approve', actor: staff('a') })).rejects.toBeInstanceOf(WorkflowNotWaitingError);
    expect(workflows.decisions).toEqual([]);
  });

  it('requires written reasons for a refusal', async () => {
    const { deps } = await setup({ status: 'in_progress', waiting: { step: 'answer_draft', taskToken: 'tok', since: '2027-03-01T09:00:00Z' } });
    await expect(decide(deps, { ...ref, step: 'answer_draft', decision: 'refuse', actor: staff('a') })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses approval-step decisions without the approver or admin role (403), and resumes nothing', async () => {
    const { deps, workflows } = await setup({
      status: 'awaiting_approval',
      waiting: { step: 'approval', taskToken: 'tok-approval', since: '2027-03-02T09:00:00Z' },
      draft: { body: 'Answer', draftedBy: 'agent-1', draftedAt: '2027-03-02T09:00:00Z' },
    });
    await expect(decide(deps, { ...ref, step: 'approval', decision: 'approve', actor: staff('agent-2'), role: 'agent' })).rejects.toThrow(/approver or admin/);
    await expect(decide(deps, { ...ref, step: 'approval', decision: 'reject', reasons: ['Redo'], actor: staff('agent-2'), role: 'agent' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decide(deps, { ...ref, step: 'approval', decision: 'approve', actor: staff('agent-2') })).rejects.toBeInstanceOf(ForbiddenError);
    expect(workflows.decisions).toEqual([]);
  });

  it('enforces four-eyes on the answer and resumes the workflow with the approval', async () => {
    const { deps, workflows, repo } = await setup({
      status: 'awaiting_approval',
      waiting: { step: 'approval', taskToken: 'tok-approval', since: '2027-03-02T09:00:00Z' },
      draft: { body: 'Answer', draftedBy: 'agent-1', draftedAt: '2027-03-02T09:00:00Z' },
    });
    await expect(decide(deps, { ...ref, step: 'approval', decision: 'approve', actor: staff('agent-1'), role: 'approver' })).rejects.toBeInstanceOf(ForbiddenError);
    const result = await decide(deps, { ...ref, step: 'approval', decision: 'approve', actor: staff('dpo-1'), role: 'approver' });
    expect(result.outcome).toBe('approved');
    expect(workflows.decisions).toEqual([{ token: 'tok-approval', output: { decision: 'approved' } }]);
    expect(await repo.getCase('softera', 'c1')).toMatchObject({ status: 'answered', waiting: null, draft: { approvedBy: 'dpo-1' } });
  });
});
