import { SYSTEM } from '#domain/audit.ts';
import { transition, type Case } from '#domain/case.ts';
import { InvalidTransitionError } from '#domain/errors.ts';
import { missingIdentity } from '#domain/identity-requirements.ts';
import { updateCase, type Waiting } from '#domain/workflow.ts';
import { emailControlLink } from '#usecases/identity/email-control.ts';
import { fulfilmentOnSettle } from '#usecases/fulfilment/plan.ts';
import { loadCase, type CaseRef, type WorkflowDeps } from './deps.ts';

export interface AwaitSubjectInput extends CaseRef {
  readonly taskToken: string;
  readonly notice: 'identity_request' | 'identity_reminder';
}

/**
 * The case waits for the subject: asks (or reminds) once — saying exactly what is missing, with a
 * signed single-use e-mail control link where the controller accepts that method — and stores
 * the task token the reply (or the confirmed link) resumes. A restart keeps the original waiting instant and never asks twice.
 * Example: `await awaitSubject(deps, { tenantId, caseId, taskToken, notice: 'identity_request' })`.
 */
export async function awaitSubject(deps: WorkflowDeps, input: AwaitSubjectInput): Promise<void> {
  let c = await loadCase(deps, input);
  if (c.status !== 'awaiting_identity') throw new InvalidTransitionError(`Case ${c.id} is ${c.status}, not awaiting identity.`);
  const now = deps.clock.now();
  // The subject confirmed an e-mail control link before the wait was stored (or between a retry's
  // attempts): identity is there, so the wait ends at once instead of asking again.
  if (c.identity.status === 'verified') {
    const moved = transition(c, 'in_progress', now);
    const planned = fulfilmentOnSettle(c, now);
    const { case: next, events } = updateCase(moved, now, { waiting: null, rights: c.rights.map((r) => (r.status === 'pending' ? { ...r, status: 'in_progress' as const } : r)), ...planned.patch }, [
      { type: 'case.status_changed', actor: SYSTEM, visibility: 'public', summary: 'Request in progress.', details: { from: c.status, to: 'in_progress' } },
      ...planned.events,
    ]);
    await deps.repo.saveCase(next, events);
    await deps.workflows.sendDecision(input.taskToken, { decision: 'verified' });
    return;
  }
  const previous = c.waiting?.step === 'subject_identity' ? c.waiting : null;
  const alreadySent = input.notice === 'identity_request' ? previous !== null : previous?.remindedAt !== undefined;
  const askedInAcknowledgement = input.notice === 'identity_request' && acknowledgementAsked(c, now);
  if (!alreadySent && !askedInAcknowledgement) {
    // Exactly what is missing under the controller's rule, in both languages a notice is written in.
    const tenant = deps.tenants.get(c.tenantId);
    const missingByLanguage = { lt: missingIdentity(tenant, c, 'lt'), en: missingIdentity(tenant, c, 'en') };
    const identityLink = await emailControlLink(deps, c, input.notice);
    await deps.notifier.notify(c, { kind: input.notice, missing: missingByLanguage.en, missingByLanguage, ...(identityLink ? { identityLink } : {}) });
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
          summary: askedInAcknowledgement
            ? 'The subject was asked to confirm their identity with the e-mail control link in the acknowledgement.'
            : input.notice === 'identity_request'
              ? 'The subject was asked to confirm their identity.'
              : 'The subject was reminded to confirm their identity.',
          details: { acceptedMethods: c.identity.acceptedMethods, ...(askedInAcknowledgement ? { via: 'acknowledgement' } : {}) },
        } as const,
      ];
  const { case: next, events } = updateCase(c, now, { waiting }, drafts);
  await deps.repo.saveCase(next, events);
}

/**
 * The acknowledgement already asked: it said what is missing for identity (issue 16: one e-mail
 * per event) — with the e-mail control link where the rule accepts that method, while the link is
 * valid — or, for a web-form request, it carried the address confirmation link that is the e-mail
 * control method. A second e-mail would only repeat it; the reminder brings a fresh link. An
 * identity attempt since then (a signature that failed) is news, so the request is sent.
 */
function acknowledgementAsked(c: Case, now: Date): boolean {
  if (c.acknowledgement.status !== 'sent') return false;
  const until = c.acknowledgement.confirmationLinkExpiresAt;
  const linkValid = until !== undefined && Date.parse(until) > now.getTime();
  const emailControl = c.identity.acceptedMethods.includes('email_control');
  if (c.acknowledgement.identityRequested) return !c.identity.evidence && (!emailControl || linkValid);
  return c.channel === 'web_form' && linkValid && emailControl;
}
