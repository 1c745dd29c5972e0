import { DEFAULT_REDRIVE_POLICY, sweepInbound, type InboundLedgerDeps, type RedrivePolicy } from '#usecases/process-inbound.ts';

/**
 * The local stand-in for the scheduled inbound sweeper (on AWS an EventBridge schedule runs
 * functions/inbound-sweep): every `intervalMs` one sweep of the inbound ledger re-drives the
 * stored messages that have no outcome yet. Sweeps never overlap; `stop()` waits for the one
 * running. Returns the stop function.
 */
export function startInboundSweep(options: {
  deps: InboundLedgerDeps;
  policy?: RedrivePolicy;
  intervalMs?: number;
  /** Extra work each round (the acknowledgement outbox), run after the ledger. */
  also?: () => Promise<unknown>;
  log?: (line: string) => void;
}): { stop: () => Promise<void>; runOnce: () => Promise<void> } {
  const policy = options.policy ?? DEFAULT_REDRIVE_POLICY;
  let running: Promise<void> | null = null;
  const round = async () => {
    const r = await sweepInbound(options.deps, { limit: 25, policy });
    if (r.redriven > 0) options.log?.(`Inbound         re-drove ${r.redriven} stored message(s): ${r.settled} settled, ${r.gaveUp} given up`);
    await options.also?.();
  };
  const runOnce = (): Promise<void> => {
    running ??= round()
      .catch((error: unknown) => options.log?.(`Inbound         sweep failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs ?? 1_000);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
