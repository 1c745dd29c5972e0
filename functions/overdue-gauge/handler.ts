import { publishOverdueGauge } from '#adapters/metrics/overdue-metric.ts';
import { measureOverdue } from '#usecases/overdue-gauge.ts';
import { type OverdueGauge } from '#domain/overdue.ts';
import { gaugeFromEnv } from '#wiring/gauge.ts';

/**
 * The overdue gauge (EventBridge schedule, every 5 minutes): counts each tenant's open cases past
 * their due date and publishes the counts as the `CasesOverdue` metric the alarm watches.
 */
const deps = gaugeFromEnv();

export async function handler(): Promise<OverdueGauge> {
  const gauge = await measureOverdue(deps);
  publishOverdueGauge(gauge);
  return gauge;
}
