import { holidayCalendar } from '#deadlines/calendar.ts';
import { computeDeadlines, type CaseDeadlines } from '#deadlines/engine.ts';
import { UnknownTenantError } from '#domain/errors.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

/**
 * The deadlines a request received at `receivedAt` would get under the tenant's policy.
 * Example: Softera, received 2028-01-31T10:00Z → answer due 2028-02-29.
 */
export function deadlinesFor(tenants: TenantRegistry, tenantId: string, receivedAt: Date): CaseDeadlines {
  const tenant = tenants.find(tenantId);
  if (!tenant) throw new UnknownTenantError(`Unknown tenant "${tenantId}".`);
  return computeDeadlines(tenant.deadlines, holidayCalendar(tenant.holidayCountry, tenant.timeZone), receivedAt);
}
