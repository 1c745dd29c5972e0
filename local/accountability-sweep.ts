import type { MailConfig } from '#config/mail-config.ts';
import type { Clock } from '#ports/cases.ts';
import { accountabilitySweep } from '#usecases/accountability/sweep.ts';
import { buildAccountabilitySweep } from '#wiring/accountability.ts';
import type { AwsClients } from '#wiring/clients.ts';
import { asFunction } from './iam/enforce.ts';

/**
 * The local stand-in for the scheduled `accountability-sweep` function (hourly on AWS): once an
 * hour of the stack's clock (never more often than every 15 s of real time; `intervalMs` overrides)
 * it purges the closed cases past their retention period on the
 * stack's clock (so `RIGHTSDESK_TIME_SPEED` makes years pass) and refreshes the dashboard
 * statistics. Runs never overlap; `runOnce` is what the CLI's `purge` triggers.
 */
export function startAccountabilitySweep(options: { mail: MailConfig; aws: AwsClients; clock: Clock; speed?: number; intervalMs?: number; log?: (line: string) => void }): { runOnce(): Promise<Awaited<ReturnType<typeof accountabilitySweep>>>; stop(): Promise<void> } {
  const deps = buildAccountabilitySweep(options.mail, options.aws, options.clock);
  let running: ReturnType<typeof accountabilitySweep> | null = null;
  const runOnce = () => {
    // Under the function's own role, as the scheduled function on AWS.
    running ??= asFunction('accountability-sweep', () => accountabilitySweep(deps)).finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => {
    if (running) return;
    runOnce()
      .then((r) => {
        if (r.purged.length > 0 || r.failed.length > 0) options.log?.(`Retention       purged ${r.purged.length}, held ${r.held.length}, failed ${r.failed.length}`);
      })
      .catch((error: unknown) => options.log?.(`Retention       sweep failed: ${error instanceof Error ? error.message : String(error)}`));
  }, options.intervalMs ?? hourOfStackTime(options.speed ?? 1));
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/**
 * An hour of the stack's clock in real milliseconds, at least 15 s. The sweep recomputes 90 days
 * of statistics: every 15 s at ×1 it scanned a 100 000-case tenant again and again beside the
 * requests users wait for (the inbox p95 went from under 150 ms to over a second).
 */
function hourOfStackTime(speed: number): number {
  return Math.max(15_000, Math.round(3_600_000 / Math.max(speed, 1)));
}
