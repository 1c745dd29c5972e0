import type { Actor } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { InvalidTransitionError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { outcomeOf } from '#domain/register.ts';
import { closedAtOf, LEGAL_HOLD_LIFTED, LEGAL_HOLD_PLACED, legalHoldOf, retentionEndsAt, type LegalHold, type RetentionRule, type Tombstone } from '#domain/retention.ts';
import type { BlobPurger, CaseRecordEraser } from '#ports/accountability.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import type { MessageStore } from '#ports/mail.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { retentionRuleFor } from '#tenants/retention.ts';
import { writeCase } from '#usecases/case-writes.ts';
import { sesMessageIdHeader } from '#usecases/send-case-mail.ts';

export interface RetentionDeps {
  readonly repo: CaseRepository;
  readonly messages: MessageStore;
  readonly records: CaseRecordEraser;
  /** One purger per bucket: evidence (letters, outbound mail, scans), answers, inbound mail. */
  readonly blobs: { readonly evidence: BlobPurger; readonly answers: BlobPurger; readonly inbound: BlobPurger };
  readonly tenants: TenantRegistry;
  readonly clock: Clock;
  /** The tenants' rules (shared/tenants/retention.ts); tests pass their own. */
  readonly ruleFor?: (tenantId: string) => RetentionRule;
}

export interface PurgeReport {
  readonly examined: number;
  readonly purged: readonly string[];
  /** Past their period but under a legal hold. */
  readonly held: readonly string[];
  readonly failed: ReadonlyArray<{ readonly caseId: string; readonly error: string }>;
}

const PAGE = 100;
const ANSWER_NOTICES = ['notice.answer', 'notice.refusal', 'notice.invalid_request', 'notice.identity_not_established', 'notice.marketing_objection_confirmed'];

/**
 * The scheduled purge of closed cases past their tenant's retention period.
 *
 * Primary course: for each tenant, every closed case (GSI1, `closed`: the closed set stays as
 * small as the retention period keeps it) → its trail gives the closure instant and any legal
 * hold → past `closure + period` and not held → `purgeCase`. A case under a legal hold is left
 * whole and reported. One failing case does not stop the others; the next run picks it up again.
 * Example: `await purgeExpiredCases(deps)` → `{ examined: 12, purged: ['c-1'], held: ['c-7'], failed: [] }`.
 */
export async function purgeExpiredCases(deps: RetentionDeps, options: { readonly tenantId?: string } = {}): Promise<PurgeReport> {
  const now = deps.clock.now();
  const tenants = options.tenantId ? [deps.tenants.get(options.tenantId)] : deps.tenants.list();
  let examined = 0;
  const purged: string[] = [];
  const held: string[] = [];
  const failed: Array<{ caseId: string; error: string }> = [];
  for (const tenant of tenants) {
    const rule = (deps.ruleFor ?? retentionRuleFor)(tenant.id);
    const closed: Case[] = [];
    let cursor: string | null = null;
    do {
      const page = await deps.repo.listByStatus(tenant.id, 'closed', { limit: PAGE, cursor });
      closed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    for (const c of closed) {
      examined += 1;
      try {
        const events = await deps.repo.listEvents(c.tenantId, c.id);
        const resumed = await deps.records.getTombstone(c.tenantId, c.id);
        const closedAt = resumed?.closedAt ?? closedAtOf(events) ?? c.updatedAt;
        if (!resumed && Date.parse(retentionEndsAt(closedAt, rule)) > now.getTime()) continue;
        if (!resumed && legalHoldOf(events)) {
          held.push(c.id);
          continue;
        }
        await purgeCase(deps, c, rule, resumed);
        purged.push(c.id);
      } catch (error) {
        failed.push({ caseId: c.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return { examined, purged, held, failed };
}

/**
 * Erases one closed case and leaves its tombstone. Idempotent and resumable: the tombstone is
 * written first (so an interrupted purge keeps the facts the trail held), then the objects of
 * every bucket (every version), the items outside the case's partition, the partition, and last
 * the case item together with the tombstone's final state, in one transaction that also checks
 * the case was not written meanwhile (a legal hold placed during the purge stops it there).
 */
async function purgeCase(deps: RetentionDeps, c: Case, rule: RetentionRule, resumed: Tombstone | null): Promise<void> {
  const events = await deps.repo.listEvents(c.tenantId, c.id);
  const messages = await deps.messages.listMessages(c.tenantId, c.id);
  const closedAt = resumed?.closedAt ?? closedAtOf(events) ?? c.updatedAt;
  const tombstone: Tombstone = resumed ?? {
    tenantId: c.tenantId,
    caseId: c.id,
    reference: c.reference,
    channel: c.channel,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    extended: c.extended,
    answeredAt: events.find((e) => ANSWER_NOTICES.includes(e.type))?.at ?? null,
    closedAt,
    outcome: outcomeOf(c, events),
    rights: c.rights.map((r) => ({ type: r.type, status: r.status })),
    identityMethod: c.identity.method,
    retention: { endsAt: retentionEndsAt(closedAt, rule), source: rule.source },
    purgedAt: '',
  };
  if (!resumed) await deps.records.putTombstone(tombstone);

  const t = c.tenantId;
  const id = c.id;
  for (const prefix of [`intake/${t}/${id}/`, `outbound/${t}/${id}/`, `letters/${t}/${id}/`, `cases/${t}/${id}/`]) await deps.blobs.evidence.purge(prefix);
  // Task data read by the connectors (fulfilment/…) live in the answers bucket too.
  for (const prefix of [`answers/${t}/${id}/`, `answer-files/${t}/${id}/`, `fulfilment/${t}/${id}/`]) await deps.blobs.answers.purge(prefix);
  for (const m of messages) {
    if (m.direction === 'inbound' && m.channel === 'email' && m.rawKey) await deps.blobs.inbound.purge(m.rawKey, { exact: true });
  }
  await deps.records.eraseAround({
    tenantId: t,
    caseId: id,
    reference: c.reference,
    threadIds: messages.flatMap((m) => [m.messageId, ...(m.providerMessageId ? [sesMessageIdHeader(m.providerMessageId)] : [])]),
    eventSeqs: Array.from({ length: c.lastEventSeq }, (_, i) => i + 1),
    printIds: messages.filter((m) => m.direction === 'outbound' && (m.channel === 'post' || m.channel === 'in_person')).map((m) => m.id),
    inboundDeliveries: messages.filter((m) => m.direction === 'inbound' && m.channel === 'email').map((m) => ({ id: m.id, at: m.at })),
  });
  await deps.records.replaceWithTombstone({ ...tombstone, purgedAt: deps.clock.now().toISOString() }, c.version);
}

export interface LegalHoldInput {
  readonly tenantId: string;
  readonly caseId: string;
  readonly reason: string;
  readonly actor: Actor;
}

function checkedReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 3 || r.length > 1000) throw new ValidationError('A legal hold needs a reason (3 to 1000 characters).', [{ field: 'reason', message: 'required' }]);
  return r;
}

/**
 * Places a legal hold (admin): the purge leaves the case whole until it is lifted. Recorded in
 * the case's audit trail with who, when and why; placing it twice changes nothing.
 * Example: `await placeLegalHold(deps, { tenantId, caseId, reason: 'VDAI complaint 2027-14', actor })`.
 */
export async function placeLegalHold(deps: { readonly repo: CaseRepository; readonly clock: Clock }, input: LegalHoldInput): Promise<LegalHold> {
  const reason = checkedReason(input.reason);
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!c) throw new NotFoundError(`No case ${input.caseId}.`);
  const current = legalHoldOf(await deps.repo.listEvents(c.tenantId, c.id));
  if (current) return current;
  const saved = await writeCase(deps, input, () => ({
    events: [{ type: LEGAL_HOLD_PLACED, actor: input.actor, visibility: 'internal', summary: `Legal hold placed: ${reason}`, details: { reason } }],
  }));
  if (!saved) throw new NotFoundError(`No case ${input.caseId}.`);
  return { reason, by: input.actor.id, at: saved.updatedAt };
}

/** Lifts the legal hold (admin), with the reason; the next purge run applies the retention period again. */
export async function liftLegalHold(deps: { readonly repo: CaseRepository; readonly clock: Clock }, input: LegalHoldInput): Promise<void> {
  const reason = checkedReason(input.reason);
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!c) throw new NotFoundError(`No case ${input.caseId}.`);
  if (!legalHoldOf(await deps.repo.listEvents(c.tenantId, c.id))) throw new InvalidTransitionError(`Case ${c.reference} is not under a legal hold.`);
  await writeCase(deps, input, () => ({ events: [{ type: LEGAL_HOLD_LIFTED, actor: input.actor, visibility: 'internal', summary: `Legal hold lifted: ${reason}`, details: { reason } }] }));
}
