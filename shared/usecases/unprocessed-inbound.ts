import { ConflictError, NotFoundError } from '#domain/errors.ts';
import type { InboundEntry, InboundLedger } from '#domain/inbound-ledger.ts';
import type { BlobStore } from '#ports/mail.ts';
import type { Clock } from '#ports/cases.ts';

/**
 * Staff's view of the inbound ledger: the messages that "could not be processed" (every re-drive
 * failed), their raw bytes, and a one-click retry. Kept apart from process-inbound.ts so the API
 * bundle never carries the MIME parser: a retry only makes the entry due again, and the sweeper
 * (one second locally, its schedule on AWS) processes it.
 */

/** Example: `await listUnprocessed({ ledger }, { tenantId: 'softera', limit: 100 })`. */
export function listUnprocessed(deps: { ledger: InboundLedger }, input: { tenantId: string; limit: number }): Promise<readonly InboundEntry[]> {
  return deps.ledger.listFailed(input.tenantId, input.limit);
}

async function entryOf(deps: { ledger: InboundLedger }, tenantId: string, deliveryId: string): Promise<InboundEntry> {
  const entry = await deps.ledger.get(deliveryId);
  // Another tenant's message does not exist, as far as this tenant's staff can tell.
  if (!entry || entry.tenantId !== tenantId) throw new NotFoundError('No such inbound message.');
  return entry;
}

/**
 * Primary course: the tenant's failed entry → pending again, due now, attempts reset.
 * Example: `await requeueUnprocessed({ ledger, clock }, { tenantId, deliveryId })` → the entry, pending.
 */
export async function requeueUnprocessed(deps: { ledger: InboundLedger; clock: Clock }, input: { tenantId: string; deliveryId: string }): Promise<InboundEntry> {
  const entry = await entryOf(deps, input.tenantId, input.deliveryId);
  if (entry.status === 'done') throw new ConflictError('This message was processed already.');
  if (entry.status === 'failed' && !(await deps.ledger.retry(input.deliveryId, deps.clock.now()))) throw new ConflictError('This message is being retried already.');
  return (await deps.ledger.get(input.deliveryId)) ?? entry;
}

/** The raw message as received (to read it as text; never rendered). */
export async function unprocessedRaw(deps: { ledger: InboundLedger; inboundMail: BlobStore }, input: { tenantId: string; deliveryId: string }): Promise<Uint8Array> {
  const entry = await entryOf(deps, input.tenantId, input.deliveryId);
  return deps.inboundMail.get(entry.rawKey);
}
