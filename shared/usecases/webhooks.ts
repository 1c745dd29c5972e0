import { SYSTEM, type AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import type { WebhookOutbox, WebhookSigner, WebhookTransport } from '#ports/channels.ts';
import type { WebhookDelivery } from '#domain/webhooks.ts';
import type { IdempotencyRecord } from '#ports/cases.ts';
import type { CaseEffects, CaseRepository, Clock, CreateCaseOutcome } from '#ports/cases.ts';
import { deliveriesFor, nextAttemptAt } from '#domain/webhooks.ts';
import { appendCaseEvent } from './case-writes.ts';

/**
 * The case repository, plus: every write that adds public events to an `api` case with a
 * callback URL records the webhook deliveries it owes (durable outbox items, due now). Wrapping
 * the repository catches every status change and notice, wherever it is written (API, workflow
 * steps, staff decisions), without each use case knowing about webhooks.
 * Example: `const repo = withWebhookOutbox(dynamoRepo, outbox, clock)`.
 */
export function withWebhookOutbox(repo: CaseRepository, outbox: WebhookOutbox, clock: Clock): CaseRepository {
  // DynamoDB writes the deliveries in the case's transaction (a crash between two writes would
  // drop a webhook); a repository that cannot gets them right after its write.
  const transactional = repo.writesEffects === true;
  const owed = (c: Case, events: readonly AuditEvent[], effects?: CaseEffects): CaseEffects => {
    const webhooks = deliveriesFor(c, events, clock.now());
    return { ...effects, webhooks: [...(effects?.webhooks ?? []), ...webhooks] };
  };
  const enqueueAfter = async (effects: CaseEffects) => {
    if (transactional) return;
    for (const d of effects.webhooks ?? []) await outbox.enqueue(d);
  };
  return {
    ...bind(repo),
    async createCase(c: Case, events: readonly AuditEvent[], idempotency?: IdempotencyRecord, effects?: CaseEffects): Promise<CreateCaseOutcome> {
      const all = owed(c, events, effects);
      const outcome = await repo.createCase(c, events, idempotency, transactional ? all : effects);
      if (outcome.kind === 'created') await enqueueAfter(all);
      return outcome;
    },
    async saveCase(updated: Case, events: readonly AuditEvent[], effects?: CaseEffects): Promise<void> {
      const all = owed(updated, events, effects);
      await repo.saveCase(updated, events, transactional ? all : effects);
      await enqueueAfter(all);
    },
  };
}

/** The repository's methods bound to it (a class instance's methods do not survive a spread). */
function bind(repo: CaseRepository): CaseRepository {
  return {
    ...(repo.writesEffects ? { writesEffects: true } : {}),
    createCase: repo.createCase.bind(repo),
    getCase: repo.getCase.bind(repo),
    saveCase: repo.saveCase.bind(repo),
    listEvents: repo.listEvents.bind(repo),
    findIdempotency: repo.findIdempotency.bind(repo),
    findBySubject: repo.findBySubject.bind(repo),
    listByStatus: repo.listByStatus.bind(repo),
    listOpen: repo.listOpen.bind(repo),
    countOpenDueBefore: repo.countOpenDueBefore.bind(repo),
    findCaseIdByReference: repo.findCaseIdByReference.bind(repo),
    nextReferenceNumber: repo.nextReferenceNumber.bind(repo),
  };
}

export interface DeliverWebhooksDeps {
  readonly outbox: WebhookOutbox;
  readonly signer: WebhookSigner;
  readonly transport: WebhookTransport;
  /** The plain repository (attempts are internal events: they never cause webhooks themselves). */
  readonly repo: CaseRepository;
  readonly clock: Clock;
}

/**
 * One sweep of the webhook outbox: every pending delivery that is due is signed (JWS, the
 * tenant's key) and POSTed; a 2xx marks it delivered, anything else schedules the next attempt
 * with backoff (or gives up), and every attempt is logged on the case with its status code or error.
 *
 * Primary course: list due deliveries → claim each by its attempt count (a concurrent sweep
 * loses the claim and skips it) → POST → record outcome + audit event.
 * Example: `await deliverDueWebhooks(deps, { limit: 25 })` → `{ attempted: 3, delivered: 2 }`.
 */
export async function deliverDueWebhooks(deps: DeliverWebhooksDeps, input: { limit: number }): Promise<{ attempted: number; delivered: number }> {
  const due = await deps.outbox.listDue(deps.clock.now(), input.limit);
  let delivered = 0;
  let attempted = 0;
  for (const delivery of due) {
    const outcome = await attempt(deps, delivery);
    if (outcome === 'skipped') continue;
    attempted += 1;
    if (outcome === 'delivered') delivered += 1;
  }
  return { attempted, delivered };
}

async function attempt(deps: DeliverWebhooksDeps, delivery: WebhookDelivery): Promise<'delivered' | 'failed' | 'skipped'> {
  const n = delivery.attempts + 1;
  const body = JSON.stringify(delivery.event);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const jws = await deps.signer.sign(delivery.tenantId, new TextEncoder().encode(body));
    ({ status } = await deps.transport.post(delivery.url, jws, {
      'content-type': 'application/jose',
      'webhook-id': delivery.id,
      'webhook-attempt': String(n),
      'user-agent': 'rightsdesk-webhooks/1',
    }));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const now = deps.clock.now();
  const ok = status !== null && status >= 200 && status < 300;
  const next = ok ? null : nextAttemptAt(n, now);
  const updated: WebhookDelivery = {
    ...delivery,
    attempts: n,
    status: ok ? 'delivered' : next ? 'pending' : 'failed',
    dueAt: next ? next.toISOString() : delivery.dueAt,
  };
  if (!(await deps.outbox.update(updated, delivery.attempts))) return 'skipped';
  const summary = ok
    ? `Webhook ${delivery.event.type} delivered to the partner (HTTP ${status}, attempt ${n}).`
    : `Webhook ${delivery.event.type} attempt ${n} failed (${status !== null ? `HTTP ${status}` : error}); ${next ? `next attempt at ${next.toISOString()}` : 'given up'}.`;
  await logOnCase(deps, delivery, {
    type: ok ? 'webhook.delivered' : next ? 'webhook.attempt_failed' : 'webhook.given_up',
    actor: SYSTEM,
    visibility: 'internal',
    summary,
    details: { deliveryId: delivery.id, event: delivery.event.type, url: delivery.url, attempt: n, ...(status !== null ? { statusCode: status } : {}), ...(error ? { error } : {}), ...(next ? { nextAttemptAt: next.toISOString() } : {}) },
  });
  return ok ? 'delivered' : 'failed';
}

async function logOnCase(deps: DeliverWebhooksDeps, delivery: WebhookDelivery, draft: Omit<AuditEvent, 'caseId' | 'tenantId' | 'seq' | 'at'>): Promise<void> {
  // The workflow may be writing the same case; the attempt is recorded in the outbox already.
  await appendCaseEvent(deps, { tenantId: delivery.tenantId, caseId: delivery.caseId }, draft);
}
