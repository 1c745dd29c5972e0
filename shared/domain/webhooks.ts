import type { AuditEvent } from './audit.ts';
import type { Case } from './case.ts';

/**
 * Partner webhooks for `api` cases (docs/design.md §1.2): every public step of the case's timeline
 * (status changes, notices, dispatches) becomes one signed POST to the partner's callback URL,
 * retried with exponential backoff from a durable record.
 */

/** Seconds to wait after attempt n (1-based) failed before attempt n+1; the last entry ends it. */
export const WEBHOOK_BACKOFF_SECONDS: readonly number[] = [30, 120, 600, 3_600, 6 * 3_600, 24 * 3_600, 24 * 3_600];
/** The first attempt is immediate; after this many attempts a delivery is given up (≈ 2.3 days). */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_SECONDS.length + 1;

/**
 * When the next attempt is due after `attempts` failed ones, or null when the delivery is given
 * up. Example: `nextAttemptAt(1, now)` → now + 30 s; `nextAttemptAt(8, now)` → null.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const wait = WEBHOOK_BACKOFF_SECONDS[attempts - 1] ?? WEBHOOK_BACKOFF_SECONDS[WEBHOOK_BACKOFF_SECONDS.length - 1]!;
  return new Date(now.getTime() + wait * 1000);
}

/** The deliveries a case's new public events owe its partner (none for other channels or without a callback URL). */
export function deliveriesFor(c: Case, events: readonly AuditEvent[], now: Date): WebhookDelivery[] {
  if (c.channel !== 'api' || !c.callbackUrl) return [];
  return events
    .filter((e) => e.visibility === 'public')
    .map((e) => ({
      id: `${c.id}.${e.seq}`,
      tenantId: c.tenantId,
      caseId: c.id,
      url: c.callbackUrl!,
      event: {
        id: `${c.id}.${e.seq}`,
        type: e.type,
        caseId: c.id,
        reference: c.reference,
        status: c.status,
        at: e.at,
        data: {
          summary: e.summary,
          dueDate: c.dueDate,
          dueAt: c.dueAt,
          rights: c.rights.map((r) => ({ type: r.type, status: r.status })),
          ...(typeof e.details?.kind === 'string' ? { notice: e.details.kind } : {}),
        },
      },
      attempts: 0,
      dueAt: now.toISOString(),
      status: 'pending' as const,
      createdAt: now.toISOString(),
    }));
}

/** An event a partner receives about an `api` case (status change or notice). */
export interface WebhookEvent {
  readonly id: string;
  readonly type: string;
  readonly caseId: string;
  readonly reference: string;
  readonly status: Case['status'];
  readonly at: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A delivery owed to a partner's callback URL, retried with backoff until it succeeds or gives up. */
export interface WebhookDelivery {
  readonly id: string;
  readonly tenantId: string;
  readonly caseId: string;
  readonly url: string;
  readonly event: WebhookEvent;
  /** Attempts made so far. */
  readonly attempts: number;
  /** When the next attempt is due (ISO instant). */
  readonly dueAt: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly createdAt: string;
}
