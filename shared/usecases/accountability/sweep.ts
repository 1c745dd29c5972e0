import { localDateOf } from '#deadlines/calendar.ts';
import type { StatisticsStore } from '#ports/accountability.ts';
import { buildRegister, type RegisterDeps } from './register.ts';
import { purgeExpiredCases, type PurgeReport, type RetentionDeps } from './retention.ts';

export interface AccountabilitySweepDeps extends RetentionDeps, RegisterDeps {
  readonly statistics: StatisticsStore;
}

/** The dashboard's window: the last 90 local days, today included. */
const WINDOW_DAYS = 90;

/**
 * Recomputes each tenant's dashboard statistics (the register of the last 90 days) and stores
 * them as one snapshot item. Example: `await refreshStatistics(deps, 'softera')`.
 */
export async function refreshStatistics(deps: AccountabilitySweepDeps, tenantId: string): Promise<void> {
  const tenant = deps.tenants.get(tenantId);
  const now = deps.clock.now();
  const to = localDateOf(now, tenant.timeZone);
  const from = localDateOf(new Date(now.getTime() - (WINDOW_DAYS - 1) * 86_400_000), tenant.timeZone);
  const register = await buildRegister(deps, { tenantId, from, to });
  await deps.statistics.put({ tenantId, from, to, generatedAt: register.generatedAt, statistics: register.statistics });
}

/**
 * The scheduled accountability job (EventBridge on AWS, the stack's sweep locally).
 *
 * Primary course: purge the closed cases past their retention period (legal holds respected) →
 * refresh every tenant's dashboard statistics. A tenant whose statistics fail does not stop the
 * others; the purge report says what was purged, held and failed.
 * Example: `await accountabilitySweep(deps)`.
 */
export async function accountabilitySweep(deps: AccountabilitySweepDeps): Promise<PurgeReport & { readonly statisticsFailed: readonly string[] }> {
  const report = await purgeExpiredCases(deps);
  const statisticsFailed: string[] = [];
  for (const t of deps.tenants.list()) {
    try {
      await refreshStatistics(deps, t.id);
    } catch {
      statisticsFailed.push(t.id);
    }
  }
  return { ...report, statisticsFailed };
}
