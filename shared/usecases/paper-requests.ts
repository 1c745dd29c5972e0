import { detail, noParams } from '#domain/error-details.ts';
import { wallMsOfLocalDate } from '#deadlines/civil-date.ts';
import { parseIsoInstant } from '#deadlines/iso-instant.ts';
import { instantOfWallTime } from '#deadlines/zone.ts';
import type { Actor } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import type { PrintItem, PrintQueue } from '#ports/channels.ts';
import { ConflictError, NotFoundError, UnknownTenantError, ValidationError } from '#domain/errors.ts';
import type { CaseMessage } from '#domain/mail.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';
import type { NewCaseRequest } from '#domain/open-case.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import { submitRequest, type SubmitRequestDeps } from './submit-request.ts';
import { writeCase } from './case-writes.ts';

/** How far back staff may date a letter's receipt (a letter found late is still registered, a typo is not). */
const MAX_BACKDATE_DAYS = 366;

/**
 * The receipt instant of a paper or in-person request (docs/design.md §1.4: "the date staff register").
 * A local date (`2026-11-20`) is the start of that day in the controller's zone: the day of
 * receipt is not counted, so any instant of that day gives the same day-based deadlines, and for
 * an hours period (Lytagra's 72 h) the start of the day is the earliest, safest reading.
 * An instant with an offset is taken as given. Neither may lie in the future.
 */
export function receiptInstant(value: string, timeZone: string, now: Date): Date {
  const midnight = wallMsOfLocalDate(value);
  const parsed = midnight !== undefined ? instantOfWallTime(midnight, timeZone) : parseIsoInstant(value);
  if (parsed === undefined || !Number.isFinite(parsed)) throw new ValidationError('receivedAt is not a date.', [{ field: 'receivedAt', message: 'YYYY-MM-DD or an ISO 8601 instant with offset' }], detail('received_not_a_date', noParams));
  const at = new Date(parsed);
  if (at.getTime() > now.getTime()) throw new ValidationError('receivedAt lies in the future.', [{ field: 'receivedAt', message: 'not after now' }], detail('received_in_future', noParams));
  if (now.getTime() - at.getTime() > MAX_BACKDATE_DAYS * 86_400_000) {
    throw new ValidationError(`receivedAt is more than ${MAX_BACKDATE_DAYS} days ago.`, [{ field: 'receivedAt', message: 'too far in the past' }], detail('received_too_old', { days: MAX_BACKDATE_DAYS }));
  }
  return at;
}

export interface RegisterPaperDeps extends SubmitRequestDeps {
  readonly evidence: BlobStore;
  readonly messages: MessageStore;
}

export interface RegisterPaperInput {
  readonly tenantId: string;
  readonly channel: 'post' | 'in_person';
  /** `YYYY-MM-DD` (the controller's local date) or an ISO instant with offset. */
  readonly receivedAt: string;
  readonly request: NewCaseRequest;
  readonly scan?: { readonly filename: string; readonly contentType: string; readonly content: Uint8Array };
  /** Staff's note on how it arrived ("registered letter RR…", "oral request at the desk"). */
  readonly note?: string;
  readonly actor: Actor;
}

/**
 * Staff register a letter or a visit: the case goes the same way as every other (submitRequest:
 * deadlines from the receipt date, repeat check, acknowledgement — on paper — and the workflow),
 * and the scan is kept as evidence, listed as the case's first (inbound) message.
 * Example: `await registerPaperRequest(deps, { tenantId: 'gautora', channel: 'post', receivedAt: '2026-11-20', … })`.
 */
export async function registerPaperRequest(deps: RegisterPaperDeps, input: RegisterPaperInput): Promise<{ case: Case; scanKey: string | null }> {
  const tenant = deps.tenants.find(input.tenantId);
  if (!tenant) throw new UnknownTenantError(`Unknown tenant "${input.tenantId}".`);
  if (input.channel === 'post' && !input.request.subject.postalAddress) {
    throw new ValidationError('A postal request needs the address to answer to.', [{ field: 'subject.postalAddress', message: 'required for post' }], detail('postal_address_needed', noParams));
  }
  const now = deps.clock.now();
  const receivedAt = receiptInstant(input.receivedAt, tenant.timeZone, now);
  const caseId = deps.ids.caseId();
  let scanKey: string | null = null;
  if (input.scan) {
    // Stored before the case exists: a case never points at evidence that is not there.
    scanKey = `intake/${tenant.id}/${caseId}/${input.scan.filename.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    await deps.evidence.put(scanKey, input.scan.content, input.scan.contentType);
  }
  const result = await submitRequest(
    { ...deps, ids: { caseId: () => caseId } },
    { tenantId: tenant.id, channel: input.channel, actor: input.actor, receivedAt, request: input.request },
  );
  const message: CaseMessage = {
    id: `intake-${caseId}`,
    tenantId: tenant.id,
    caseId,
    direction: 'inbound',
    channel: input.channel,
    at: receivedAt.toISOString(),
    subject: input.channel === 'post' ? 'Letter received' : 'Request made in person',
    messageId: `<intake-${caseId}@intake.rightsdesk>`,
    inReplyTo: null,
    references: [],
    from: input.request.subject.name,
    to: [tenant.controller.legalName],
    raw: [`Registered by ${input.actor.id} at ${now.toISOString()}.`, input.note?.trim() ?? ''].filter(Boolean).join('\n'),
    attachments: input.scan && scanKey ? [{ filename: input.scan.filename, contentType: input.scan.contentType, size: input.scan.content.byteLength, key: scanKey }] : [],
  };
  await deps.messages.addMessage(message);
  return { case: result.case, scanKey };
}

export interface PrintQueueDeps {
  readonly repo: CaseRepository;
  readonly printQueue: PrintQueue;
  readonly evidence: BlobStore;
  readonly clock: Clock;
}

/** The letter PDF (or an enclosure) of a queued item, for staff to print. */
export async function printFile(deps: PrintQueueDeps, input: { tenantId: string; itemId: string; enclosure?: number }): Promise<{ filename: string; contentType: string; body: Uint8Array }> {
  const item = await deps.printQueue.get(input.tenantId, input.itemId);
  if (!item) throw new NotFoundError(`No print item "${input.itemId}".`);
  if (input.enclosure === undefined) return { filename: item.pdfKey.split('/').pop() ?? 'letter.pdf', contentType: 'application/pdf', body: await deps.evidence.get(item.pdfKey) };
  const enclosure = item.enclosures[input.enclosure];
  if (!enclosure) throw new NotFoundError(`Print item "${input.itemId}" has no enclosure ${input.enclosure}.`);
  return { filename: enclosure.filename, contentType: 'application/octet-stream', body: await deps.evidence.get(enclosure.key) };
}

export interface DispatchInput {
  readonly tenantId: string;
  readonly itemId: string;
  /** When it was posted / handed over (`YYYY-MM-DD` local date or an ISO instant). */
  readonly at: string;
  readonly trackingNumber?: string;
  /** In person: to whom (the subject, or a representative), as staff saw it. */
  readonly handedTo?: string;
  readonly actor: Actor;
}

/**
 * Staff record that a letter was posted (date, tracking number) or a document handed over; the
 * case gets a public audit event (`letter.dispatched` / `handover.recorded`). Recording twice is
 * a 409, never a second event.
 */
export async function recordDispatch(deps: PrintQueueDeps & { readonly tenants: SubmitRequestDeps['tenants'] }, input: DispatchInput): Promise<PrintItem> {
  const item = await deps.printQueue.get(input.tenantId, input.itemId);
  if (!item) throw new NotFoundError(`No print item "${input.itemId}".`);
  if (item.status !== 'queued') throw new ConflictError(`Print item "${item.id}" was already recorded as ${item.status} on ${item.dispatch?.at ?? '?'}.`, { detail: detail('print_item_recorded', { at: item.dispatch?.at ?? '?' }) });
  const tenant = deps.tenants.get(input.tenantId);
  const now = deps.clock.now();
  const at = receiptInstant(input.at, tenant.timeZone, now).toISOString();
  const dispatch = {
    at,
    ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
    ...(input.handedTo ? { handedTo: input.handedTo } : {}),
    by: input.actor.id,
    recordedAt: now.toISOString(),
  };
  if (!(await deps.printQueue.markDispatched(item, dispatch))) throw new ConflictError(`Print item "${item.id}" was recorded by someone else just now.`, { detail: detail('print_item_raced', noParams) });
  const posted = item.delivery === 'post';
  // The workflow may write the case at the same moment; the dispatch is already recorded, so the event is retried.
  const saved = await writeCase(deps, { tenantId: input.tenantId, caseId: item.caseId }, () => ({
    events: [
      {
        type: posted ? 'letter.dispatched' : 'handover.recorded',
        actor: input.actor,
        visibility: 'public',
        summary: posted
          ? `Letter (${item.notice}) posted on ${at.slice(0, 10)}${input.trackingNumber ? `, tracking number ${input.trackingNumber}` : ''}.`
          : `Document (${item.notice}) handed over on ${at.slice(0, 10)}${input.handedTo ? ` to ${input.handedTo}` : ''}.`,
        details: { printItemId: item.id, notice: item.notice, ...dispatch },
      },
    ],
  }));
  if (!saved) throw new NotFoundError(`The case of print item "${item.id}" no longer exists.`);
  return { ...item, status: 'dispatched', dispatch };
}

/** What is left to print or hand over, oldest first. */
export async function listPrintQueue(deps: Pick<PrintQueueDeps, 'printQueue'>, input: { tenantId: string; limit: number }): Promise<readonly PrintItem[]> {
  return deps.printQueue.listQueued(input.tenantId, input.limit);
}
