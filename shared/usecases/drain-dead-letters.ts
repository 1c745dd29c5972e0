import type { ReceiveEmailInput } from './receive-email.ts';
import { acceptInbound, sweepInbound, type InboundLedgerDeps } from './process-inbound.ts';
import { sweepOutbox, type OutboxSweepDeps } from './outbox-sweep.ts';

/**
 * A message read from a dead-letter queue, as the handler parsed it:
 * - `receipt`: a receipt the inbound function failed on every invocation (its on-failure
 *   destination holds the original SES event), one input per record;
 * - `sweep`: a scheduled sweep that EventBridge could not deliver, or that failed on every try.
 */
export type DeadLetter = { readonly kind: 'receipt'; readonly inputs: readonly ReceiveEmailInput[] } | { readonly kind: 'sweep' };

/**
 * Drains one dead letter into the inbound ledger's path, so nothing waits in a queue for a reader.
 *
 * Primary course: a failed receipt becomes its ledger entry, due at once (idempotent: an entry
 * that exists already is left as it is — pending ones are the sweeper's, failed ones are listed
 * for staff, done ones are done), and the sweeper re-drives it like any other; a failed sweep is
 * run now. A failure throws: the queue keeps the message and offers it again.
 * Example: `await drainDeadLetter(deps, { kind: 'receipt', inputs: [input] })` → `{ recorded: 1, alreadyKnown: 0 }`.
 */
export async function drainDeadLetter(
  deps: InboundLedgerDeps & OutboxSweepDeps,
  letter: DeadLetter,
): Promise<{ recorded: number; alreadyKnown: number } | { redriven: number; acknowledgements: number }> {
  if (letter.kind === 'sweep') {
    const inbound = await sweepInbound(deps, { limit: 50 });
    const outbox = await sweepOutbox(deps, { limit: 50 });
    return { redriven: inbound.redriven, acknowledgements: outbox.attempted };
  }
  let recorded = 0;
  let alreadyKnown = 0;
  for (const input of letter.inputs) {
    const before = await deps.ledger.get(input.deliveryId);
    await acceptInbound(deps, input, { graceMs: 0 });
    if (before) alreadyKnown += 1;
    else recorded += 1;
  }
  return { recorded, alreadyKnown };
}
