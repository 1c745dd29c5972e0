import type { InboundEntry, InboundLedger, InboundOutcome } from '#domain/inbound-ledger.ts';
import type { Clock } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { ReceiveEmailDeps, ReceiveEmailInput, ReceiveEmailResult } from './receive-email.ts';

// Reading a message (receive-email.ts: parsing, threading, opening a case, the deadline engine and
// luxon, ~130 KB with what it imports) loads with the first message: the inbound function's
// every-minute sweep usually finds none, and its cold start skips it (issue 15).
const receiveEmail = async (deps: ReceiveEmailDeps, input: ReceiveEmailInput): Promise<ReceiveEmailResult> => (await import('./receive-email.ts')).receiveEmail(deps, input);

export interface InboundLedgerDeps extends ReceiveEmailDeps {
  readonly ledger: InboundLedger;
}

/** How the sweeper re-drives: after a first grace period, then with growing gaps, then gives up. */
export interface RedrivePolicy {
  /** Time the first delivery (and its platform retries) get before the sweeper steps in. */
  readonly graceMs: number;
  /** The gaps between re-drives: re-drive 1 at the end of the grace period, re-drive k+1 `backoffMs[k-1]` after re-drive k, and the one after the last gap is the last. */
  readonly backoffMs: readonly number[];
}

/** A few minutes for the first delivery; six re-drives over about five and a half hours. */
export const DEFAULT_REDRIVE_POLICY: RedrivePolicy = {
  graceMs: 3 * 60_000,
  backoffMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000],
};

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Durable accept: the raw message is stored; this writes its ledger entry (pending, due for a
 * re-drive after the grace period). Only then may the sender be told the message is accepted.
 * Idempotent: a second call for the same delivery returns the entry as it is.
 * Example: `await acceptInbound(deps, input, { graceMs: 180_000, backoffMs: [] })`.
 */
export async function acceptInbound(deps: { ledger: InboundLedger; clock: Clock; tenants: TenantRegistry }, input: ReceiveEmailInput, policy: Pick<RedrivePolicy, 'graceMs'> = DEFAULT_REDRIVE_POLICY): Promise<InboundEntry> {
  const tenant = input.recipients.map((r) => deps.tenants.findByMailbox(r)).find((t) => t !== undefined);
  return deps.ledger.record({
    deliveryId: input.deliveryId,
    rawKey: input.rawKey,
    receivedAt: input.receivedAt.toISOString(),
    recipients: [...input.recipients],
    tenantId: tenant?.id ?? null,
    ...(input.authentication ? { authentication: input.authentication } : {}),
    nextAttemptAt: new Date(deps.clock.now().getTime() + policy.graceMs).toISOString(),
  });
}

/**
 * Processes one stored message and records its outcome in the ledger.
 *
 * Primary course: make sure the ledger has the entry (on AWS SES stored the raw before invoking
 * us) → `receiveEmail` → record the outcome (case, reply, duplicate, flagged, ignored automated).
 * A failure is noted on the entry and thrown: the platform retries, the sweeper re-drives later.
 * Example: `await processInbound(deps, { rawKey, receivedAt, recipients, deliveryId })` → `{ outcome: 'created', … }`.
 */
export async function processInbound(deps: InboundLedgerDeps, input: ReceiveEmailInput, policy: Pick<RedrivePolicy, 'graceMs'> = DEFAULT_REDRIVE_POLICY): Promise<ReceiveEmailResult> {
  // A delivery already settled runs again all the same: every step is idempotent, and the
  // ledger keeps the first outcome.
  await acceptInbound(deps, input, policy);
  let result: ReceiveEmailResult;
  try {
    result = await receiveEmail(deps, input);
  } catch (error) {
    await deps.ledger.fail(input.deliveryId, errorText(error), deps.clock.now(), false).catch(() => undefined);
    throw error;
  }
  await deps.ledger.complete(input.deliveryId, outcomeOf(result), result.caseId, deps.clock.now());
  return result;
}

export function outcomeOf(result: ReceiveEmailResult): InboundOutcome {
  switch (result.outcome) {
    case 'created':
      return 'case';
    case 'threaded':
      return 'reply';
    case 'duplicate':
      return 'duplicate';
    case 'automated':
      return 'ignored_automated';
    case 'flagged':
      return 'flagged';
  }
}

/**
 * One sweep of the ledger: every pending entry that is due is claimed (a concurrent sweep loses
 * the claim and skips it) and processed again. After the last re-drive of the policy fails, the
 * entry is given up: listed for staff as "could not be processed", and kept in the flagged inbox
 * with the error, so it is never silently lost.
 * Example: `await sweepInbound(deps, { limit: 25 })` → `{ redriven: 2, settled: 1, gaveUp: 0 }`.
 */
export async function sweepInbound(deps: InboundLedgerDeps, options: { limit: number; policy?: RedrivePolicy }): Promise<{ redriven: number; settled: number; gaveUp: number }> {
  const policy = options.policy ?? DEFAULT_REDRIVE_POLICY;
  const now = deps.clock.now();
  const due = await deps.ledger.listDue(now, options.limit);
  let redriven = 0;
  let settled = 0;
  let gaveUp = 0;
  for (const entry of due) {
    // The gap after this attempt; past the last one, a short lease (the entry is given up on failure).
    const gap = policy.backoffMs[entry.attempts] ?? policy.backoffMs.at(-1) ?? policy.graceMs;
    const claimed = await deps.ledger.claim(entry.deliveryId, now, new Date(now.getTime() + gap));
    if (!claimed) continue;
    redriven += 1;
    const input: ReceiveEmailInput = {
      rawKey: claimed.rawKey,
      receivedAt: new Date(claimed.receivedAt),
      recipients: claimed.recipients,
      deliveryId: claimed.deliveryId,
      ...(claimed.authentication ? { authentication: claimed.authentication } : {}),
    };
    try {
      const result = await receiveEmail(deps, input);
      await deps.ledger.complete(claimed.deliveryId, outcomeOf(result), result.caseId, deps.clock.now());
      settled += 1;
    } catch (error) {
      const last = claimed.attempts > policy.backoffMs.length;
      if (last) {
        await giveUp(deps, claimed, error);
        gaveUp += 1;
      } else {
        await deps.ledger.fail(claimed.deliveryId, errorText(error), deps.clock.now(), false);
      }
    }
  }
  return { redriven, settled, gaveUp };
}

async function giveUp(deps: InboundLedgerDeps, entry: InboundEntry, error: unknown): Promise<void> {
  const at = deps.clock.now();
  await deps.messages.flag({
    id: `${entry.deliveryId}#processing_failed`,
    tenantId: entry.tenantId,
    at: entry.receivedAt,
    flag: 'processing_failed',
    reason: `Could not be processed after ${entry.attempts} re-drives (${errorText(error)}). The raw message is kept; retry it from the console once the cause is fixed.`,
    rawKey: entry.rawKey,
  });
  await deps.ledger.fail(entry.deliveryId, errorText(error), at, true);
}
