import { holidayCalendar, isReceiptInRange, RECEIPT_RANGE } from '#deadlines/calendar.ts';
import { computeDeadlines, type CaseDeadlines } from '#deadlines/engine.ts';
import { UnknownTenantError, ValidationError } from '#domain/errors.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

/**
 * The deadlines a request received at `receivedAt` would get under the tenant's policy.
 * A receipt outside the range the holiday data covers is a ValidationError (422), never a RangeError.
 * Example: Softera, received 2028-01-31T10:00Z → answer due 2028-02-29.
 */
export function deadlinesFor(tenants: TenantRegistry, tenantId: string, receivedAt: Date): CaseDeadlines {
  const tenant = tenants.find(tenantId);
  if (!tenant) throw new UnknownTenantError(`Unknown tenant "${tenantId}".`);
  if (!isReceiptInRange(receivedAt)) {
    throw new ValidationError(`receivedAt must be from ${RECEIPT_RANGE.from} to before ${RECEIPT_RANGE.to}.`, [{ field: 'receivedAt', message: 'out of range' }]);
  }
  return computeDeadlines(tenant.deadlines, holidayCalendar(tenant.holidayCountry, tenant.timeZone), receivedAt);
}
