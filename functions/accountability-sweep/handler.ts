import { accountabilitySweep } from '#usecases/accountability/sweep.ts';
import { accountabilitySweepFromEnv } from '#wiring/accountability.ts';

/**
 * The accountability sweep (EventBridge schedule, hourly): purges closed cases past their
 * retention period (legal holds respected), leaving tombstones, and refreshes each tenant's
 * dashboard statistics. Idempotent: a run that dies is finished by the next one.
 */
const deps = accountabilitySweepFromEnv();

export async function handler(): Promise<{ examined: number; purged: number; held: number; failed: number }> {
  const report = await accountabilitySweep(deps);
  console.log(JSON.stringify({ level: report.failed.length > 0 ? 'error' : 'info', msg: 'accountability sweep', ...report }));
  return { examined: report.examined, purged: report.purged.length, held: report.held.length, failed: report.failed.length };
}
