import type { Actor, AuditEvent } from '#domain/audit.ts';
import { isOpen, nextEvents, subjectKeyOf, type Case } from '#domain/case.ts';
import type { Channel } from '#domain/channels.ts';
import { IdempotencyKeyReusedError, NotFoundError, UnknownTenantError, ValidationError } from '#domain/errors.ts';
import { isReceiptInRange, RECEIPT_RANGE } from '#deadlines/calendar.ts';
import { localYear, openCase, type NewCaseRequest } from '#domain/open-case.ts';
import type { CaseRepository, Clock, IdempotencyRecord, IdGenerator, Mailer, NoticeOutbox, SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import type { WebFormLinks } from '#domain/notices.ts';
import type { PartnerAssertionVerifier } from '#ports/identity.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { renderAcknowledgement } from '#templates/acknowledgement.ts';
import type { AcknowledgeDeps } from './acknowledge-case.ts';
import { acknowledgedByEmail, acknowledgedInResponse } from './acknowledgement-channel.ts';
import { identityForSender } from '#domain/sender-authentication.ts';
import type { EventDraft } from './case-writes.ts';

/** Idempotency records outlive any sane client retry window. */
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
const EARLIER_REQUESTS_CONSIDERED = 50;
/** How long the outbox sweeper leaves an acknowledgement to the workflow's intake step before it sends it itself. */
const WORKFLOW_ACK_GRACE_MS = 30_000;

// Sending an acknowledgement in line and checking a partner's identity assertion load with their first
// use (~10 KB with the assertion's evidence and matching): with workflows the API's intake leaves the
// e-mail to the workflow, and few partners send an assertion (issue 15).
const acknowledgeCase = async (deps: AcknowledgeDeps, c: Case) => (await import('./acknowledge-case.ts')).acknowledgeCase(deps, c);

export interface SubmitRequestDeps {
  readonly tenants: TenantRegistry;
  readonly repo: CaseRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Sends the acknowledgement in the case's channel (threaded e-mail with evidence). */
  readonly notifier?: SubjectNotifier;
  /** Starts the case workflow and deadline timer (Step Functions); absent only in unit tests. */
  readonly workflows?: WorkflowEngine;
  /** Checks partners' identity assertions; without it an assertion is recorded as not verifiable. */
  readonly partnerAssertions?: PartnerAssertionVerifier;
  /** Web form: the links its acknowledgement carries, made once the case exists (web-form.ts). */
  readonly webFormLinks?: (c: Case) => Promise<WebFormLinks>;
  /** The notice outbox: the acknowledgement is owed in the case's own write, then claimed and sent once. */
  readonly outbox?: NoticeOutbox;
  /**
   * The case workflow's intake step sends the e-mail acknowledgement owed in the outbox (the
   * workflow's deps carry the outbox), so the request does not wait for it. Set by composition
   * roots whose workflows do (the API); without it, or without workflows, it is sent in line.
   */
  readonly acknowledgeInWorkflow?: boolean;
  /** The e-mail control link an acknowledgement carries where the rule accepts it (acknowledge-case.ts). */
  readonly identityLink?: (c: Case) => Promise<{ url: string; expiresAt: string } | null>;
}

export interface SubmitRequestInput {
  readonly tenantId: string;
  readonly channel: Channel;
  readonly actor: Actor;
  readonly partnerId?: string;
  /** Defaults to now: the API call is the moment of receipt (docs/design.md §1.4). */
  readonly receivedAt?: Date;
  readonly request: NewCaseRequest;
  readonly idempotency?: { readonly scope: string; readonly key: string; readonly fingerprint: string };
  /** Audit events the channel already knows (e.g. how an e-mail was classified): born with the case, in its first write. */
  readonly firstEvents?: readonly EventDraft[];
  /** What the channel found that the case carries from its first write (e-mail: rights to confirm, the sender's authentication). */
  readonly channelFacts?: Pick<Case, 'rightsConfirmation' | 'sender'>;
}

export interface SubmitRequestResult {
  readonly case: Case;
  /** True when an earlier call with the same idempotency key made the case. */
  readonly replayed: boolean;
  /** The acknowledgement text in the case language, for channels that answer in the response. */
  readonly acknowledgementText: string;
}

/**
 * Opens a case for a data subject's request and acknowledges it.
 *
 * Primary course: resolve the tenant → return the earlier case if this idempotency key was seen
 * → compute deadlines, identity needs and the repeat flag → store the case with its first audit
 * events (the channel's own among them), the idempotency record and the acknowledgement owed in one
 * transaction → acknowledge by e-mail when the subject gave an address (in line, or by the workflow's
 * intake step when `acknowledgeInWorkflow`; otherwise in the API response, recorded in that same
 * first write) → start the workflows.
 */
export async function submitRequest(deps: SubmitRequestDeps, input: SubmitRequestInput): Promise<SubmitRequestResult> {
  const tenant = deps.tenants.find(input.tenantId);
  if (!tenant) throw new UnknownTenantError(`Unknown tenant "${input.tenantId}".`);
  const { idempotency } = input;

  // The subject's earlier requests are read beside the idempotency check, not after it: both are
  // reads, and a new case needs both, so intake waits for one round trip instead of two (issue 15).
  const earlierRead = deps.repo.findBySubject(tenant.id, subjectKeyOf(input.request.subject), EARLIER_REQUESTS_CONSIDERED);
  // Handled here so that a replay or a validation error, which never await it, leave no unhandled rejection.
  earlierRead.catch(() => undefined);
  if (idempotency) {
    const seen = await deps.repo.findIdempotency(tenant.id, idempotency.scope, idempotency.key);
    if (seen) return replay(deps, seen, idempotency.fingerprint);
  }

  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  // A receipt time typed by staff (paper intake) or read from a mail is outside input: checked here,
  // so the deadline engine never meets a year it has no holidays for.
  if (!isReceiptInRange(receivedAt)) {
    throw new ValidationError(`The receipt time must be from ${RECEIPT_RANGE.from} to before ${RECEIPT_RANGE.to}.`, [{ field: 'receivedAt', message: 'out of range' }]);
  }
  const earlierRequests = await earlierRead;
  const referenceNumber = await deps.repo.nextReferenceNumber(tenant.id, localYear(receivedAt, tenant.timeZone));
  const plain = openCase({
    tenant,
    id: deps.ids.caseId(),
    referenceNumber,
    channel: input.channel,
    receivedAt,
    request: input.request,
    actor: input.actor,
    ...(input.partnerId ? { partnerId: input.partnerId } : {}),
    earlierRequests,
    now,
  });
  // An e-mail's unproven From cannot prove identity by e-mail control (sender-authentication.ts).
  const withFacts = input.channelFacts ? { ...plain, case: { ...plain.case, ...input.channelFacts, identity: identityForSender(plain.case.identity, input.channelFacts.sender) } } : plain;
  const assessed = input.request.identityAssertion ? await checkAssertion(deps, withFacts, input, now) : withFacts;
  const opened = withFirstEvents(assessed, input.firstEvents ?? [], now);
  const record: IdempotencyRecord | undefined = idempotency && {
    tenantId: tenant.id,
    scope: idempotency.scope,
    key: idempotency.key,
    fingerprint: idempotency.fingerprint,
    caseId: opened.case.id,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
  // The acknowledgement e-mail is owed from the moment the case exists: its outbox entry is part of
  // the same transaction, so a crash before sending leaves it pending for the sweeper and resume.
  const later = deps.acknowledgeInWorkflow === true && deps.workflows !== undefined && opened.case.channel !== 'web_form' && !deps.webFormLinks;
  // The web form's acknowledgement carries links only its own request can make (address confirmation,
  // status): the sweeper, which cannot, leaves it to that request for the same grace, or it could
  // claim the entry first and send an acknowledgement without them (seen on the local stack).
  const graced = later || deps.webFormLinks !== undefined;
  const owed =
    deps.outbox && acknowledgedByEmail(opened.case, deps)
      ? { notices: ['acknowledgement' as const], ...(graced ? { noticesDueAt: new Date(now.getTime() + WORKFLOW_ACK_GRACE_MS) } : {}) }
      : undefined;
  // An acknowledgement given in the response is part of the case's first write (no second write).
  const born: Case = acknowledgedInResponse(opened.case, deps) ? { ...opened.case, acknowledgement: { status: 'in_response', at: now.toISOString() } } : opened.case;
  const outcome = await deps.repo.createCase(born, opened.events, record, owed);
  if (outcome.kind === 'idempotency_conflict') return replay(deps, outcome.record, idempotency?.fingerprint ?? '');

  const acknowledged = (later && owed !== undefined) || born.acknowledgement.status === 'in_response' ? { case: born, text: ackText(deps, born) } : await acknowledge(deps, born);
  // After the acknowledgement's write (when it is sent here), so the workflow's first step reads the stored version.
  await deps.workflows?.startCase(acknowledged.case);
  return { case: acknowledged.case, replayed: false, acknowledgementText: acknowledged.text };
}

/** The channel's own first events appended to the opened case, so one write stores them all. */
function withFirstEvents(opened: { case: Case; events: AuditEvent[] }, drafts: readonly EventDraft[], now: Date): { case: Case; events: AuditEvent[] } {
  if (drafts.length === 0) return opened;
  const events = nextEvents(opened.case, now, drafts);
  return { case: { ...opened.case, lastEventSeq: opened.case.lastEventSeq + events.length }, events: [...opened.events, ...events] };
}

/**
 * A partner's identity assertion, checked before the case is stored so the evidence is part of
 * its first version. Information-only requests need no identity, so nothing is checked. A bad
 * assertion never fails the request: its reasons are recorded and the case waits for identity.
 */
async function checkAssertion(deps: SubmitRequestDeps, opened: { case: Case; events: AuditEvent[] }, input: SubmitRequestInput, now: Date) {
  const c = opened.case;
  if (c.identity.status !== 'pending') return opened;
  const { assertionEvidence, failedAssertionEvidence, withAssertionEvidence } = await import('#domain/partner-assertion.ts');
  const fail = (reason: string) => withAssertionEvidence(opened, failedAssertionEvidence([reason], now), now);
  if (!c.identity.acceptedMethods.includes('partner_assertion')) return fail(`The controller does not accept a partner’s assertion for this channel (${c.identity.rule}).`);
  if (!input.partnerId || !deps.partnerAssertions) return fail('No partner keys are configured to verify the assertion.');
  try {
    const result = await deps.partnerAssertions.verify({ tenantId: c.tenantId, partnerId: input.partnerId, assertion: input.request.identityAssertion ?? '', now });
    return withAssertionEvidence(opened, result.ok ? assertionEvidence(c, result.person, now) : failedAssertionEvidence(result.reasons, now), now);
  } catch {
    return fail('The partner’s identity assertion could not be verified.');
  }
}

/**
 * The case an earlier call made. Its run may have died (or still be running) between the write
 * and the acknowledgement or the workflows, so both are made sure of: the acknowledgement's
 * outbox claim lets only one run send it, and starting an execution that exists is a no-op.
 */
async function replay(deps: SubmitRequestDeps, record: IdempotencyRecord, fingerprint: string): Promise<SubmitRequestResult> {
  if (record.fingerprint !== fingerprint) {
    throw new IdempotencyKeyReusedError('This Idempotency-Key was already used with a different request body.');
  }
  let existing = await deps.repo.getCase(record.tenantId, record.caseId);
  if (!existing) throw new NotFoundError('The case created with this Idempotency-Key no longer exists.');
  if (deps.outbox && (existing.acknowledgement.status === 'pending' || existing.acknowledgement.status === 'failed') && acknowledgedByEmail(existing, deps)) {
    existing = (await acknowledgeCase(deps, existing)).case;
  }
  if (isOpen(existing.status)) await deps.workflows?.startCase(existing);
  return { case: existing, replayed: true, acknowledgementText: ackText(deps, existing) };
}

function ackText(deps: SubmitRequestDeps, c: Case): string {
  return renderAcknowledgement(deps.tenants.get(c.tenantId), c).text;
}

/**
 * Acknowledges the new case through the subject notifier (a threaded e-mail in the case's
 * channel, stored as evidence), or in the API response when there is no address. A failed send
 * never loses the case: it is recorded (status `failed`, internal event) for a retry.
 */
async function acknowledge(deps: SubmitRequestDeps, c: Case): Promise<{ case: Case; text: string }> {
  return acknowledgeCase(deps, c);
}
