import { afterEach, describe, expect, it } from 'vitest';
import { updateCase } from '#domain/workflow.ts';
import { workflowWorld, type WorkflowWorld } from './workflow-fixture.ts';

let world: WorkflowWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const day = 86_400_000;

describe('local Step Functions service restart', () => {
  it('continues an open case from its stored state after a restart, without repeating alerts, and answers by the due date', async () => {
    world = await workflowWorld('2027-03-01T08:00:00Z');
    const email = `restart.${Date.now().toString(36)}@example.lt`;
    world.qes.signed.add(email);
    const c = await world.submit('softera', { channel: 'email', request: { rights: [{ type: 'access' }], subject: { name: 'Petras Petraitis', email }, language: 'en' } });
    const due = Date.parse(c.dueAt);
    // The deadline's alerts only: open fulfilment tasks would add their own (issue 19).
    await world.settleTasks(c);

    // Mid-case: in progress, the 7-day reminder already sent, the timer asleep until the 2-day one.
    await world.advanceTo(new Date(due - 5 * day).toISOString());
    expect(world.alerts.for(c.id).map((a) => a.kind)).toEqual(['deadline_reminder']);
    const before = await world.get(c);
    expect(before.waiting?.step).toBe('answer_draft');

    await world.restart();

    const after = await world.get(c);
    expect(after.status).toBe('in_progress');
    expect(after.waiting?.step).toBe('answer_draft');
    expect(after.waiting?.taskToken).not.toBe(before.waiting?.taskToken);
    expect(await world.status('case', c)).toBe('RUNNING');
    expect(await world.status('timer', c)).toBe('RUNNING');

    await world.advanceTo(new Date(due - 2 * day + 60_000).toISOString());
    expect(world.alerts.for(c.id).map((a) => a.at)).toEqual([new Date(due - 7 * day).toISOString(), new Date(due - 2 * day).toISOString()]);

    expect((await world.decide(c, { step: 'answer_draft', decision: 'draft', body: 'Your data.' }, { user: 'agent-1' })).status).toBe(202);
    expect((await world.decide(c, { step: 'approval', decision: 'approve' }, { role: 'approver', user: 'dpo-1' })).status).toBe(202);
    const answer = world.notifier.for(c.id).find((n) => n.kind === 'answer');
    expect(Date.parse(answer!.at)).toBeLessThanOrEqual(due);
    expect((await world.get(c)).status).toBe('closed');
    expect(await world.status('timer', c)).toBe('ABORTED');
  });

  it('resumes a subject identity wait with only the time that was left', async () => {
    world = await workflowWorld('2027-03-01T08:00:00Z');
    const c = await world.submit('bajtel', { channel: 'email', request: { rights: [{ type: 'erasure' }], subject: { name: 'Rūta', email: `ruta.${Date.now().toString(36)}@example.lt` }, language: 'en' } });
    await world.advanceTo('2027-03-06T08:00:00Z');
    await world.restart();
    // No second identity request after the restart; the reminder keeps its original date.
    expect(world.notifier.for(c.id).map((n) => n.kind)).toEqual(['identity_request']);
    await world.advanceTo('2027-03-11T08:01:00Z');
    expect(world.notifier.for(c.id).map((n) => [n.kind, n.at])).toEqual([
      ['identity_request', '2027-03-01T08:00:00.000Z'],
      ['identity_reminder', '2027-03-11T08:00:00.000Z'],
    ]);
  });

  it('carries out an extension and a fee decided just before the service died, once', async () => {
    world = await workflowWorld('2027-03-01T08:00:00Z');
    const w = world;
    const open = async (name: string) => {
      const email = `${name}.${Date.now().toString(36)}@example.lt`;
      w.qes.signed.add(email);
      return w.submit('softera', { channel: 'email', request: { rights: [{ type: 'access' }], subject: { name: 'Petras Petraitis', email }, language: 'en' } });
    };
    const extended = await open('extend');
    const charged = await open('fee');
    await w.advanceTo('2027-03-05T08:00:00Z');
    // The decisions were recorded and their executions resumed, then the service died before the steps ran.
    for (const [c, decision] of [[extended, 'extend'], [charged, 'fee']] as const) {
      const current = await w.get(c);
      expect(current.waiting?.step).toBe('answer_draft');
      const recorded = updateCase(current, new Date('2027-03-05T08:00:00Z'), { decision: { step: 'answer_draft', decision, reasons: [`${decision}: many systems to search`], by: { kind: 'staff', id: 'agent-1' }, at: '2027-03-05T08:00:00.000Z' } }, []);
      await w.deps.repo.saveCase(recorded.case, recorded.events);
    }

    await w.restart();
    await w.restart(); // a second restart must not repeat anything

    expect(w.notifier.for(extended.id).filter((n) => n.kind === 'extension')).toHaveLength(1);
    const after = await w.get(extended);
    expect(after.extended).toBe(true);
    expect(after.dueAt).toBe(after.deadlines.extended.dueAt);
    expect(w.notifier.for(charged.id).filter((n) => n.kind === 'fee')).toHaveLength(1);
    expect((await w.get(charged)).waiting?.step).toBe('answer_draft');
  });
});

