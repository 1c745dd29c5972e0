import { detail } from '#domain/error-details.ts';
import type { Actor } from '#domain/audit.ts';
import { isOpen, type Case, type CaseRight } from '#domain/case.ts';
import { ConflictError, NotFoundError } from '#domain/errors.ts';
import { identityRequirement } from '#domain/identity-policy.ts';
import { identityForSender } from '#domain/sender-authentication.ts';
import { RIGHT_ARTICLE, type RightType } from '#domain/rights.ts';
import { updateCase } from '#domain/workflow.ts';
import type { CaseRepository, Clock, WorkflowEngine } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

export interface ConfirmRightsInput {
  readonly tenantId: string;
  readonly caseId: string;
  /** The rights as staff read them; omitted when the classifier's reading is right. */
  readonly rights?: ReadonlyArray<{ readonly type: RightType; readonly details?: string }>;
  readonly reasons?: readonly string[];
  readonly actor: Actor;
}

/**
 * Staff confirm (or correct) the rights of a case whose e-mail was read with too little confidence
 * ("rights need staff confirmation"). The workflow waits for this at `rights_confirmation` and
 * then runs intake again, which asks for identity under the confirmed rights.
 *
 * Primary course: open case needing confirmation → the rights given (or those read) become the
 * case's, identity recomputed while still pending → public `rights.confirmed` event → the waiting
 * workflow resumed. A confirmation that was saved before the workflow stored its wait (a race) is
 * completed by confirming again: the wait is then resumed, nothing else changes.
 * Example: `await confirmRights(deps, { tenantId, caseId, rights: [{ type: 'access' }], actor })`.
 */
export async function confirmRights(deps: { tenants: TenantRegistry; repo: CaseRepository; clock: Clock; workflows?: WorkflowEngine }, input: ConfirmRightsInput): Promise<Case> {
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!c) throw new NotFoundError(`No case with id "${input.caseId}".`);
  if (!isOpen(c.status)) throw new ConflictError(`Case ${c.reference} is ${c.status}; its rights can no longer be confirmed.`, { detail: detail('case_closed', { reference: c.reference }) });
  const waitingHere = c.waiting?.step === 'rights_confirmation' ? c.waiting : null;
  if (c.rightsConfirmation?.status !== 'needed') {
    if (!waitingHere) throw new ConflictError(`The rights of case ${c.reference} need no confirmation.`, { detail: detail('rights_need_no_confirmation', { reference: c.reference }) });
    const { case: next, events } = updateCase(c, deps.clock.now(), { waiting: null }, []);
    await deps.repo.saveCase(next, events);
    await deps.workflows?.sendDecision(waitingHere.taskToken, { decision: 'confirmed' });
    return next;
  }
  const now = deps.clock.now();
  const before = c.rights.map((r) => r.type);
  const given = input.rights && input.rights.length > 0 ? input.rights : c.rights.map((r) => ({ type: r.type, ...(r.details ? { details: r.details } : {}) }));
  const rights: CaseRight[] = given.map((r) => ({ type: r.type, ...(r.details ? { details: r.details } : {}), status: c.rights.find((x) => x.type === r.type)?.status ?? 'pending' }));
  const after = rights.map((r) => r.type);
  const identity = c.identity.status === 'pending' || c.identity.status === 'not_required' ? identityForSender(identityRequirement(deps.tenants.get(c.tenantId), c.channel, after, c.identity.assertionSupplied), c.sender) : c.identity;
  const changed = before.length !== after.length || after.some((t) => !before.includes(t));
  const reasons = (input.reasons ?? []).map((r) => r.trim()).filter(Boolean);
  const { case: next, events } = updateCase(
    c,
    now,
    { rights, identity, rightsConfirmation: { ...c.rightsConfirmation, status: 'confirmed', confirmedBy: input.actor.id, confirmedAt: now.toISOString() }, ...(waitingHere ? { waiting: null } : {}) },
    [
      {
        type: 'rights.confirmed',
        actor: input.actor,
        visibility: 'public',
        summary: `Rights confirmed by staff: ${after.map((t) => `${t} (${RIGHT_ARTICLE[t]})`).join(', ')}.`,
        details: { from: before, to: after, changed, ...(reasons.length ? { reasons } : {}), identity: { acceptedMethods: identity.acceptedMethods, status: identity.status } },
      },
    ],
  );
  await deps.repo.saveCase(next, events);
  if (waitingHere) await deps.workflows?.sendDecision(waitingHere.taskToken, { decision: 'confirmed' });
  return next;
}
