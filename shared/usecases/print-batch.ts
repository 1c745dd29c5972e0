import type { Actor } from '#domain/audit.ts';
import { ConflictError, DomainError, NotFoundError, PayloadTooLargeError, ValidationError } from '#domain/errors.ts';
import type { PdfCombiner, PrintItem } from '#ports/channels.ts';
import type { SubmitRequestDeps } from './submit-request.ts';
import { receiptInstant, type PrintQueueDeps } from './paper-requests.ts';
import { writeCase, type EventDraft } from './case-writes.ts';

/** At most this many letters in one batch (a morning's post; the page lists at most 200). */
export const MAX_BATCH_ITEMS = 50;
/** The letters of one combined PDF together, so the `letters` function's 6 MB invoke limit holds with base64. */
export const MAX_COMBINED_BYTES = 4_000_000;

/**
 * One PDF of several queued letters, in the order asked, for staff to print at once.
 *
 * Primary course: read each item of the tenant (an unknown or foreign id is a 404, nothing
 * printed), read its letter PDF from the evidence store, and join them with the combiner.
 * Enclosures (data files) are not part of it: they are files, not pages.
 *
 * Example: `combinedLetters(deps, { tenantId: 'bajtel', itemIds: ['p1', 'p2'] })` → one PDF with
 * the pages of p1, then those of p2.
 */
export async function combinedLetters(deps: Pick<PrintQueueDeps, 'printQueue' | 'evidence'> & { readonly pdfCombiner: PdfCombiner }, input: { tenantId: string; itemIds: readonly string[] }): Promise<{ pdf: Uint8Array; items: readonly PrintItem[] }> {
  const ids = batchIds(input.itemIds);
  const items: PrintItem[] = [];
  let total = 0;
  for (const id of ids) {
    const item = await deps.printQueue.get(input.tenantId, id);
    if (!item) throw new NotFoundError(`No print item "${id}".`);
    total += item.pdfSize;
    if (total > MAX_COMBINED_BYTES) throw new PayloadTooLargeError(`The selected letters are larger than ${MAX_COMBINED_BYTES} bytes together; print fewer at once.`);
    items.push(item);
  }
  const pdfs = await Promise.all(items.map((item) => deps.evidence.get(item.pdfKey)));
  return { pdf: await deps.pdfCombiner.combine(pdfs), items };
}

export interface BatchDispatchInput {
  readonly tenantId: string;
  readonly items: ReadonlyArray<{ readonly id: string; readonly trackingNumber?: string; readonly handedTo?: string }>;
  /** When they were posted / handed over (`YYYY-MM-DD` local date or an ISO instant), the same for all. */
  readonly at: string;
  /** Names this batch: a retry or double submit with the same key finds its own records and adds nothing. */
  readonly batchKey: string;
  readonly actor: Actor;
}

export type BatchDispatchOutcome =
  | { readonly id: string; readonly outcome: 'dispatched'; readonly item: PrintItem; readonly replayed: boolean }
  | { readonly id: string; readonly outcome: 'already_recorded'; readonly item: PrintItem }
  | { readonly id: string; readonly outcome: 'failed'; readonly code: string; readonly message: string };

/**
 * Records the dispatch of several letters (or hand-overs) at once, each exactly once.
 *
 * Primary course: for each item, mark it dispatched with the batch key (a conditional write: only
 * a queued item can be), then append its `letter.dispatched` / `handover.recorded` event to the
 * case unless the case already has one for that item. Each item succeeds or fails alone.
 * Alternative courses: an item already recorded by this batch (a retry after a timeout, a double
 * submit) answers `dispatched` with `replayed: true` and completes a missing event (a crash
 * between the two writes), never adding a second; one recorded by someone else answers
 * `already_recorded`; an unknown id `failed` with `not_found`.
 *
 * Example: `recordDispatches(deps, { tenantId, items: [{ id: 'p1' }, { id: 'p2' }], at: '2026-11-24', batchKey: 'b-1', actor })`
 * → two `dispatched` outcomes; the same call again → the same two, `replayed: true`, no new events.
 */
export async function recordDispatches(deps: PrintQueueDeps & { readonly tenants: SubmitRequestDeps['tenants'] }, input: BatchDispatchInput): Promise<readonly BatchDispatchOutcome[]> {
  batchIds(input.items.map((i) => i.id));
  const tenant = deps.tenants.get(input.tenantId);
  const now = deps.clock.now();
  const at = receiptInstant(input.at, tenant.timeZone, now).toISOString();
  const outcomes: BatchDispatchOutcome[] = [];
  for (const wanted of input.items) {
    try {
      outcomes.push(await dispatchOne(deps, input, wanted, at, now));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ id: wanted.id, outcome: 'failed', code: error.code, message: error.message });
    }
  }
  return outcomes;
}

async function dispatchOne(deps: PrintQueueDeps, input: BatchDispatchInput, wanted: BatchDispatchInput['items'][number], at: string, now: Date): Promise<BatchDispatchOutcome> {
  const item = await deps.printQueue.get(input.tenantId, wanted.id);
  if (!item) throw new NotFoundError(`No print item "${wanted.id}".`);
  let recorded = item;
  let replayed = true;
  if (item.status === 'queued') {
    const dispatch = {
      at,
      ...(wanted.trackingNumber ? { trackingNumber: wanted.trackingNumber } : {}),
      ...(wanted.handedTo ? { handedTo: wanted.handedTo } : {}),
      by: input.actor.id,
      recordedAt: now.toISOString(),
      batchKey: input.batchKey,
    };
    if (await deps.printQueue.markDispatched(item, dispatch)) {
      recorded = { ...item, status: 'dispatched', dispatch };
      replayed = false;
    } else {
      // Someone recorded it between our read and write: this batch (a double submit) or another.
      recorded = (await deps.printQueue.get(input.tenantId, wanted.id)) ?? item;
    }
  }
  if (recorded.dispatch?.batchKey !== input.batchKey) return { id: item.id, outcome: 'already_recorded', item: recorded };
  await appendDispatchEventOnce(deps, input.tenantId, recorded, input.actor);
  return { id: item.id, outcome: 'dispatched', item: recorded, replayed };
}

/**
 * The case's dispatch event for `item`, appended unless the case has it: the events are read at
 * a version and written only if the case is still at that version (else read again), so two
 * retries of one batch cannot both append it.
 */
async function appendDispatchEventOnce(deps: PrintQueueDeps, tenantId: string, item: PrintItem, actor: Actor): Promise<void> {
  const dispatch = item.dispatch;
  if (!dispatch) return;
  const posted = item.delivery === 'post';
  const event: EventDraft = {
    type: posted ? 'letter.dispatched' : 'handover.recorded',
    actor,
    visibility: 'public',
    summary: posted
      ? `Letter (${item.notice}) posted on ${dispatch.at.slice(0, 10)}${dispatch.trackingNumber ? `, tracking number ${dispatch.trackingNumber}` : ''}.`
      : `Document (${item.notice}) handed over on ${dispatch.at.slice(0, 10)}${dispatch.handedTo ? ` to ${dispatch.handedTo}` : ''}.`,
    details: { printItemId: item.id, notice: item.notice, ...dispatch },
  };
  const ref = { tenantId, caseId: item.caseId };
  for (let attempt = 0; attempt < 5; attempt++) {
    const seen = await deps.repo.getCase(tenantId, item.caseId);
    if (!seen) throw new NotFoundError(`The case of print item "${item.id}" no longer exists.`);
    const events = await deps.repo.listEvents(tenantId, item.caseId);
    if (events.some((e) => e.type === event.type && (e.details as { printItemId?: unknown } | undefined)?.printItemId === item.id)) return;
    const saved = await writeCase(deps, ref, (current) => (current.version === seen.version ? { events: [event] } : null));
    if (saved) return;
  }
  throw new ConflictError(`The case of print item "${item.id}" kept changing; record the dispatch again.`);
}

/** Ids of one batch: 1 to MAX_BATCH_ITEMS, each once. */
function batchIds(ids: readonly string[]): readonly string[] {
  if (ids.length === 0) throw new ValidationError('Select at least one letter.', [{ field: 'items', message: 'empty' }]);
  if (ids.length > MAX_BATCH_ITEMS) throw new ValidationError(`At most ${MAX_BATCH_ITEMS} letters at once.`, [{ field: 'items', message: 'too many' }]);
  if (new Set(ids).size !== ids.length) throw new ValidationError('A letter is selected twice.', [{ field: 'items', message: 'duplicate' }]);
  return ids;
}
