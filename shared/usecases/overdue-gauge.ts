import type { OverdueGauge } from '#domain/overdue.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

export interface OverdueGaugeDeps {
  readonly tenants: TenantRegistry;
  readonly repo: CaseRepository;
  readonly clock: Clock;
}


/**
 * How many open cases are past their legal due date right now, per tenant: a state, not an event,
 * so the "cases overdue" alarm stays raised until the last one is answered, whether or not a
 * deadline timer is running for it. One COUNT query per tenant on the open queue.
 * Example: `await measureOverdue(deps)` → `{ at, byTenant: { softera: 1, gautora: 0, … }, total: 1 }`.
 */
export async function measureOverdue(deps: OverdueGaugeDeps): Promise<OverdueGauge> {
  const at = deps.clock.now().toISOString();
  const counts = await Promise.all(deps.tenants.list().map(async (t) => [t.id, await deps.repo.countOpenDueBefore(t.id, at)] as const));
  return { at, byTenant: Object.fromEntries(counts), total: counts.reduce((sum, [, n]) => sum + n, 0) };
}
