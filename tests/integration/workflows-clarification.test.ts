import { afterEach, describe, expect, it } from 'vitest';
import { workflowWorld, type WorkflowWorld } from './workflow-fixture.ts';

/**
 * Asking the subject for missing details on the real ASL (local Step Functions service, DynamoDB
 * Local, simulated time): where the policy does not restart the period the clock keeps running;
 * no answer brings one reminder and then a closure notice on the tenant's timings; an answer on
 * paper registered by staff resumes the step staff asked from; a restart keeps the wait.
 */
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const kinds = (list: Array<{ kind: string }>) => list.map((n) => n.kind);

let world: WorkflowWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('clarification: asking the subject for missing details', () => {
  it('keeps Gautora\'s clock running, reminds after 7 days and closes 7 days later with a notice (003 §21.8)', async () => {
    world = await workflowWorld('2027-03-01T08:00:00Z');
    const who = { name: 'Ona Petraitienė', email: `ona.${unique()}@example.lt` };
    world.qes.signed.add(who.email);
    const c = await world.submit('gautora', { channel: 'email', request: { rights: [{ type: 'access' }], subject: who, language: 'en' } });
    expect((await world.get(c)).waiting?.step).toBe('answer_draft');

    // Questions are required, and "clarify" is refused where the case does not wait.
    expect((await world.decide(c, { step: 'answer_draft', decision: 'clarify' })).status).toBe(422);
    expect((await world.decide(c, { step: 'identity_review', decision: 'clarify', questions: ['Which account?'] })).status).toBe(409);
    expect((await world.decide(c, { step: 'answer_draft', decision: 'clarify', questions: ['Which account is it about?'] })).status).toBe(202);
    const waiting = await world.get(c);
    expect(waiting).toMatchObject({ status: 'in_progress', dueDate: c.dueDate, waiting: { step: 'subject_clarification' }, clarification: { questions: ['Which account is it about?'], restartsPeriod: false, rule: '003 §21.10', fromStep: 'answer_draft' } });
    expect(kinds(world.notifier.for(c.id))).toEqual(['more_information_request']);
    const detail = await world.staff('gautora', 'GET', `/cases/${c.id}`);
    expect(detail.json).toMatchObject({ nextActor: 'subject', clock: { running: true, restartsOnAnswer: false, rule: '003 §21.10' }, waiting: { step: 'subject_clarification', decisions: ['invalid', 'withdraw'] } });
    expect(JSON.stringify(detail.json)).not.toContain(waiting.waiting!.taskToken);
    // The inbox as JSON shows where it waits.
    const inbox = await world.staff('gautora', 'GET', '/inbox?status=in_progress');
    expect(inbox.status).toBe(200);
    expect((inbox.json.items as Array<{ id: string; waitingStep: string }>).find((i) => i.id === c.id)).toMatchObject({ waitingStep: 'subject_clarification', dueDate: c.dueDate });
    expect((await world.staff('gautora', 'GET', '/inbox?status=closed')).status).toBe(422);

    // A restart of the Step Functions service keeps the wait and asks nothing twice.
    await world.restart();
    expect((await world.get(c)).waiting?.step).toBe('subject_clarification');
    expect(kinds(world.notifier.for(c.id))).toEqual(['more_information_request']);

    await world.advanceTo('2027-03-08T07:59:00Z');
    expect(kinds(world.notifier.for(c.id))).toEqual(['more_information_request']);
    await world.advanceTo('2027-03-08T08:01:00Z');
    expect(kinds(world.notifier.for(c.id))).toEqual(['more_information_request', 'more_information_reminder']);
    await world.advanceTo('2027-03-15T08:02:00Z');
    expect(kinds(world.notifier.for(c.id))).toEqual(['more_information_request', 'more_information_reminder', 'more_information_closed']);
    const closed = await world.get(c);
    expect(closed.status).toBe('closed');
    expect(closed.clarification?.closedAt).toBeDefined();
    expect(closed.dueDate).toBe(c.dueDate);
    expect(await world.status('timer', c)).toBe('ABORTED');
  });

  it('resumes a letter case at the identity review when staff register the answer that came by post', async () => {
    world = await workflowWorld('2027-03-01T08:00:00Z');
    const c = await world.submit('gautora', { channel: 'post', request: { rights: [{ type: 'access' }], subject: { name: 'Jonas Jonaitis', postalAddress: 'Laisvės al. 1, Kaunas' }, language: 'lt' } });
    expect((await world.get(c)).waiting?.step).toBe('identity_review');
    expect((await world.decide(c, { step: 'identity_review', decision: 'clarify', questions: ['Kuri sutartis?'] })).status).toBe(202);
    expect((await world.get(c)).waiting?.step).toBe('subject_clarification');

    await world.advanceTo('2027-03-04T10:00:00Z');
    // Not before the question, not in the future: 422; a case not waiting: 409.
    expect((await world.staff('gautora', 'POST', `/cases/${c.id}/replies`, { note: 'x', receivedAt: '2027-02-20' })).status).toBe(422);
    const answered = await world.staff('gautora', 'POST', `/cases/${c.id}/replies`, { note: 'Sutartis Nr. 7, 2025 m.', receivedAt: '2027-03-04', via: 'post' });
    expect(answered.status).toBe(202);
    const back = await world.get(c);
    expect(back).toMatchObject({ status: 'awaiting_identity', waiting: { step: 'identity_review' }, dueDate: c.dueDate });
    expect(back.clarification?.answeredAt).toBeDefined();
    const events = await world.deps.repo.listEvents(c.tenantId, c.id);
    expect(events.find((e) => e.type === 'subject.replied')?.details).toMatchObject({ via: 'post', note: 'Sutartis Nr. 7, 2025 m.' });
    expect(events.some((e) => e.type === 'deadline.kept')).toBe(true);
    expect(events.some((e) => e.type === 'deadline.restarted')).toBe(false);
    expect((await world.staff('gautora', 'POST', `/cases/${c.id}/replies`, { note: 'again' })).status).toBe(409);
  });
});
