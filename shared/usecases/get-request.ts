import type { AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { CaseRepository } from '#ports/cases.ts';

/**
 * A case of the caller's tenant with its public timeline. Another tenant's case is reported as
 * not found, never as forbidden, so ids cannot be probed across tenants. With `partnerId` (the
 * partner API), only the cases that partner created are there: another partner of the same
 * tenant, and cases that came by e-mail, post or the web form, are not found either.
 * Example: `await getRequest({ repo }, { tenantId: 'softera', caseId, partnerId: 'softera-shop' })`.
 */
export async function getRequest(
  deps: { readonly repo: CaseRepository },
  input: { readonly tenantId: string; readonly caseId: string; readonly partnerId?: string },
): Promise<{ case: Case; events: readonly AuditEvent[] }> {
  const found = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!found || (input.partnerId !== undefined && found.partnerId !== input.partnerId)) throw new NotFoundError(`No request with id "${input.caseId}".`);
  const events = await deps.repo.listEvents(input.tenantId, input.caseId);
  return { case: found, events: events.filter((e) => e.visibility === 'public') };
}
