import { SYSTEM } from '#domain/audit.ts';
import { InvalidTransitionError } from '#domain/errors.ts';
import { updateCase, type Waiting } from '#domain/workflow.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface AwaitSubjectInput extends CaseRef {
  readonly taskToken: string;
  readonly notice: 'identity_request' | 'identity_reminder';
}

/** Plain words for what would establish identity, for the notice to the subject. */
const METHOD_WORDS: Record<string, string> = {
  qes: 'the request signed with a qualified electronic signature',
  id_document: 'a copy of an identity document',
  in_person: 'an identity document shown at our office',
  email_control: 'a confirmation from the e-mail address we know',
  partner_assertion: 'a signed confirmation from the partner site you use',
};

/**
 * The case waits for the subject: asks (or reminds) once, and stores the task token the reply
 * resumes. A restart keeps the original waiting instant and never asks twice.
 * Example: `await awaitSubject(deps, { tenantId, caseId, taskToken, notice: 'identity_request' })`.
 */
export async function awaitSubject(deps: WorkflowDeps, input: AwaitSubjectInput): Promise<void> {
  let c = await loadCase(deps, input);
  if (c.status !== 'awaiting_identity') throw new InvalidTransitionError(`Case ${c.id} is ${c.status}, not awaiting identity.`);
  const now = deps.clock.now();
  const previous = c.waiting?.step === 'subject_identity' ? c.waiting : null;
  const alreadySent = input.notice === 'identity_request' ? previous !== null : previous?.remindedAt !== undefined;
  if (!alreadySent) {
    const missing = c.identity.acceptedMethods.map((m) => METHOD_WORDS[m] ?? m);
    await deps.notifier.notify(c, { kind: input.notice, missing });
    // The notifier may have recorded the notice on the case; continue from what is stored.
    c = await loadCase(deps, input);
  }
  const waiting: Waiting = {
    step: 'subject_identity',
    taskToken: input.taskToken,
    since: previous?.since ?? now.toISOString(),
    ...(input.notice === 'identity_reminder' ? { remindedAt: previous?.remindedAt ?? now.toISOString() } : previous?.remindedAt ? { remindedAt: previous.remindedAt } : {}),
  };
  const drafts = alreadySent
    ? []
    : [
        {
          type: input.notice === 'identity_request' ? 'identity.requested' : 'identity.reminder_sent',
          actor: SYSTEM,
          visibility: 'public' as const,
          summary: input.notice === 'identity_request' ? 'The subject was asked to confirm their identity.' : 'The subject was reminded to confirm their identity.',
          details: { acceptedMethods: c.identity.acceptedMethods },
        } as const,
      ];
  const { case: next, events } = updateCase(c, now, { waiting }, drafts);
  await deps.repo.saveCase(next, events);
}
