import { SYSTEM } from '#domain/audit.ts';
import { transition, type Case } from '#domain/case.ts';
import { updateCase } from '#domain/workflow.ts';
import { acknowledgeCase, acknowledgedByEmail } from '../acknowledge-case.ts';
import { acknowledgementIdentityLink } from '#usecases/identity/email-control.ts';
import { rightsAwaitConfirmation } from '#domain/rights-confirmation.ts';
import { fulfilmentOnSettle } from '#usecases/fulfilment/plan.ts';
import { loadCase, type CaseRef, type WorkflowDeps, type WorkflowPlan } from './deps.ts';
import { planResume } from './resume.ts';

/**
 * Intake: the first step of every case workflow.
 *
 * Primary course: rights that need staff confirmation → wait for it (then intake runs again);
 * send the acknowledgement still owed (e-mail, through the outbox) → identity that needs nothing
 * more (not required, already verified, or established automatically, e.g. a valid QES) → in
 * progress; a letter or a visit brought an
 * identity document → staff review; otherwise the subject is asked for what is missing.
 * Example: `await intakeCase(deps, { tenantId: 'gautora', caseId })` → `{ route: 'in_progress', … }`.
 */
export async function intakeCase(deps: WorkflowDeps, ref: CaseRef): Promise<WorkflowPlan> {
  let c = await loadCase(deps, ref);
  // A retried intake (or a racing restart) finds the case already past intake.
  if (c.status !== 'received') return planResume(deps, ref);
  // The acknowledgement the new case owes, sent here rather than on the request path; the outbox
  // claim lets only one sender (this step, a retry of it, the sweeper) send it.
  if (deps.acknowledgements && c.acknowledgement.status === 'pending' && acknowledgedByEmail(c, deps)) {
    // With the link signer, the acknowledgement is the identity request too (issue 16: one e-mail per
    // event), for partner API cases of controllers that accept e-mail control as for e-mailed ones.
    const identityLink = deps.links ? acknowledgementIdentityLink(deps) : undefined;
    c = (await acknowledgeCase({ ...deps, ...deps.acknowledgements, ...(identityLink ? { identityLink } : {}) }, c)).case;
  }
  const now = deps.clock.now();
  // Rights read with too little confidence: nothing (not even identity) is asked before staff confirm them.
  if (rightsAwaitConfirmation(c)) return { route: 'rights_confirmation', reminderInSeconds: 1, closeInSeconds: 1 };

  if (c.identity.status === 'pending') {
    const automatic = await deps.identity?.verifyAtIntake(c);
    // A signature that needs a person's look (e.g. signed by someone else) goes to staff with its
    // evidence; so does a representative's, whose authorization staff must check (docs/design.md §1.3).
    if (automatic?.verdict === 'needs_review' || (automatic && c.representative)) c = { ...c, identity: { ...c.identity, ...(automatic.record ? { evidence: automatic.record } : {}) } };
    else if (automatic) {
      c = { ...c, identity: { ...c.identity, status: 'verified', method: automatic.method, ...(automatic.record ? { evidence: automatic.record } : {}) } };
      return moveOn(deps, c, now, [
        { type: 'identity.verified', actor: SYSTEM, visibility: 'public', summary: `Identity verified automatically (${automatic.method}).`, details: { method: automatic.method, evidence: automatic.evidence } },
      ]);
    }
  }
  if (c.identity.status === 'verified' || c.identity.status === 'not_required') return moveOn(deps, c, now, []);

  // The requester is identified but acts for someone else: only the authorization is missing.
  const mandateOnly = Boolean(c.representative) && c.identity.evidence?.verdict === 'verified' && !c.identity.evidence.representation;
  const route = c.channel === 'post' || c.channel === 'in_person' || c.identity.evidence?.verdict === 'needs_review' || mandateOnly ? 'identity_review' : 'subject_identity';
  const { case: next, events } = updateCase(transition(c, 'awaiting_identity', now), now, {}, [
    {
      type: 'case.status_changed',
      actor: SYSTEM,
      visibility: 'public',
      summary: route === 'identity_review' ? 'Identity document to be reviewed by staff.' : 'Identity to be confirmed by the subject.',
      details: { from: 'received', to: 'awaiting_identity', acceptedMethods: c.identity.acceptedMethods, rule: c.identity.rule },
    },
  ]);
  await deps.repo.saveCase(next, events);
  return {
    route,
    reminderInSeconds: deps.settings.identityReminderAfterDays * 86_400,
    closeInSeconds: deps.settings.identityCloseAfterReminderDays * 86_400,
  };
}

async function moveOn(deps: WorkflowDeps, c: Case, now: Date, drafts: Parameters<typeof updateCase>[3]): Promise<WorkflowPlan> {
  const moved = transition(c, 'in_progress', now);
  // Identity is settled: the tasks per right and system are created in the same write.
  const planned = fulfilmentOnSettle(c, now);
  const { case: next, events } = updateCase(moved, now, { rights: c.rights.map((r) => (r.status === 'pending' ? { ...r, status: 'in_progress' as const } : r)), ...planned.patch }, [
    ...drafts,
    { type: 'case.status_changed', actor: SYSTEM, visibility: 'public', summary: 'Request in progress.', details: { from: c.status, to: 'in_progress' } },
    ...planned.events,
  ]);
  await deps.repo.saveCase(next, events);
  return { route: 'in_progress', reminderInSeconds: 1, closeInSeconds: 1 };
}
