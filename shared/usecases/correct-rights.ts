import { detail, noParams } from '#domain/error-details.ts';
import type { Actor } from '#domain/audit.ts';
import { isOpen, type Case, type CaseRight } from '#domain/case.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { identityRequirement } from '#domain/identity-policy.ts';
import { identityForSender } from '#domain/sender-authentication.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import { RIGHT_ARTICLE, type RightType } from '#domain/rights.ts';
import { updateCase } from '#domain/workflow.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

export interface CorrectRightsInput {
  readonly tenantId: string;
  readonly caseId: string;
  readonly rights: ReadonlyArray<{ readonly type: RightType; readonly details?: string }>;
  readonly reasons: readonly string[];
  readonly actor: Actor;
}

/**
 * Staff correct the rights a request was classified as (an e-mail read as "erasure" that asks
 * for access, a letter that asks for two things). The correction and its reasons are an audit
 * event; rights that stay keep their status, new ones start where the case is; while identity is
 * still open, what it needs is recomputed for the new rights (information alone needs none).
 *
 * Primary course: open case only → at least one reason → no change is a 409 → save with the
 * version read (a concurrent workflow write is a 409 the console retries).
 * Example: `await correctRights(deps, { tenantId, caseId, rights: [{ type: 'access' }], reasons: ['Asks for a copy'], actor })`.
 */
export async function correctRights(deps: { tenants: TenantRegistry; repo: CaseRepository; clock: Clock }, input: CorrectRightsInput): Promise<Case> {
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!c) throw new NotFoundError(`No case with id "${input.caseId}".`);
  if (!isOpen(c.status)) throw new ConflictError(`Case ${c.reference} is ${c.status}; its rights can no longer be corrected.`, { detail: detail('case_closed', { reference: c.reference }) });
  const reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
  if (reasons.length === 0) throw new ValidationError('A correction needs its reasons.', [{ field: 'reasons', message: 'at least one reason' }], detail('reasons_needed', noParams));
  const before = c.rights.map((r) => r.type);
  const after = input.rights.map((r) => r.type);
  const sameDetails = input.rights.every((r) => (c.rights.find((x) => x.type === r.type)?.details ?? '') === (r.details ?? ''));
  if (before.length === after.length && after.every((t) => before.includes(t)) && sameDetails) throw new ConflictError('The case already has exactly these rights.', { detail: detail('same_rights', noParams) });

  const startStatus = c.status === 'in_progress' || c.status === 'awaiting_approval' ? 'in_progress' : 'pending';
  const rights: CaseRight[] = input.rights.map((r) => ({
    type: r.type,
    ...(r.details ? { details: r.details } : {}),
    status: c.rights.find((x) => x.type === r.type)?.status ?? startStatus,
  }));
  const identity = c.identity.status === 'pending' ? identityForSender(identityRequirement(deps.tenants.get(c.tenantId), c.channel, after, c.identity.assertionSupplied), c.sender) : c.identity;
  const now = deps.clock.now();
  const { case: next, events } = updateCase(c, now, { rights, identity }, [
    {
      type: 'rights.corrected',
      actor: input.actor,
      visibility: 'public',
      summary: `Rights corrected by staff: ${after.map((t) => `${t} (${RIGHT_ARTICLE[t]})`).join(', ')}.`,
      details: { from: before, to: after, reasons, ...(identity !== c.identity ? { identity: { acceptedMethods: identity.acceptedMethods, status: identity.status } } : {}) },
    },
  ]);
  await deps.repo.saveCase(next, events);
  return next;
}
