import { describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { openCase } from '#domain/open-case.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import { awaitClarification } from '#usecases/workflow/clarification.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { answerByEmail } from '#usecases/workflow/register-reply.ts';
import { fixedClock, RecordingMailer } from '../support/harness.ts';

/**
 * Legal Balance's restarted period (001 §7.2) around midnight in Vilnius: the new due date counts
 * from the answer's local day, and the notice the subject gets names exactly the date the case
 * now has. (The ×3600 procedure run that once showed 2027-01-05 in the notice beside 2027-01-06 on
 * the case read the ×1 run's notice from the shared SES stand-in store: a test artefact, see
 * tests/integration/procedure-legalbalance.test.ts; this holds the product's side.)
 */
async function restartAt(requestAt: string, answerAt: string) {
  const repo = new InMemoryCaseRepository();
  const clock = fixedClock(requestAt);
  const mailer = new RecordingMailer();
  const notifier = createSubjectNotifier({ tenants: tenantRegistry, messages: new InMemoryMessageStore(), email: new MimeEmailSender(mailer), evidence: new InMemoryBlobStore(), clock });
  const workflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async () => undefined };
  const opened = openCase({
    tenant: tenantRegistry.get('legalbalance'),
    id: 'c1',
    referenceNumber: 1,
    channel: 'api',
    receivedAt: clock.now(),
    request: { rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, language: 'en' },
    actor: { kind: 'partner', id: 'partner' },
    earlierRequests: [],
    now: clock.now(),
  });
  await repo.createCase({ ...opened.case, status: 'in_progress', identity: { ...opened.case.identity, status: 'verified' }, waiting: { step: 'answer_draft', taskToken: 'draft-1', since: requestAt } }, opened.events);
  const deps = { tenants: tenantRegistry, repo, clock, workflows, notifier, alerts: { alert: async () => undefined }, settings: DEFAULT_WORKFLOW_SETTINGS };
  const ref = { tenantId: 'legalbalance', caseId: 'c1' };
  await decide(deps, { ...ref, step: 'answer_draft', decision: 'clarify', questions: ['Which contract?'], actor: { kind: 'staff', id: 'agent' } });
  await awaitClarification(deps, { ...ref, taskToken: 'clarify-1', notice: 'more_information_request' });
  clock.set(answerAt);
  expect(await answerByEmail(deps, { ...ref, from: 'ona@example.lt', receivedAt: clock.now(), messageId: '<answer@example.lt>' })).toBe(true);
  const c = (await repo.getCase('legalbalance', 'c1'))!;
  const notices = mailer.sent.filter((m) => m.text.includes('We have received your revised request'));
  return { c, notices };
}

describe('restarted period near midnight in Europe/Vilnius', () => {
  it.each([
    // 23:59:59 in Vilnius (UTC+2) is still 5 December: one month later is 5 January.
    ['2026-12-05T21:59:59Z', '2027-01-05'],
    // 00:00:00 in Vilnius is 6 December although it is 5 December in UTC: 6 January.
    ['2026-12-05T22:00:00Z', '2027-01-06'],
    ['2026-12-05T22:30:00Z', '2027-01-06'],
  ])('an answer received at %s: due %s on the case, on its timeline and in the one notice', async (answerAt, due) => {
    const { c, notices } = await restartAt('2026-12-05T10:00:00Z', answerAt);
    expect(c.revisedRequestAt).toBe(new Date(answerAt).toISOString());
    expect(c.dueDate).toBe(due);
    expect(c.deadlines.answer.dueDate).toBe(due);
    // The end of that day in Vilnius (UTC+2 in winter).
    expect(c.dueAt).toBe(`${due}T21:59:59.999Z`);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`we will answer by ${due}.`);
    expect(notices[0]!.text).toContain(`atsakysime iki ${due}.`);
  });

  it('a request before midnight and its answer after it move the date by one day', async () => {
    const { c } = await restartAt('2026-12-05T21:50:00Z', '2026-12-05T22:10:00Z');
    expect(c.deadlines.receivedAt).toBe('2026-12-05T21:50:00.000Z');
    expect(c.dueDate).toBe('2027-01-06');
  });
});
