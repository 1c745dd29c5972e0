import type { Context, Hono } from 'hono';
import { DomainError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { localDateOf } from '#deadlines/calendar.ts';
import { combinedLetters, recordDispatches } from '#usecases/print-batch.ts';
import type { PrintItem } from '#ports/channels.ts';
import type { AppEnv } from '../deps.ts';
import { inlinePdf } from '../inline-pdf.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { requirePaperDeps } from '../staff-api/intake-routes.ts';
import { batchIdsOf, requireCombiner } from '../print-batch-input.ts';
import { all, explain, str, type ConsoleContext } from './context.tsx';
import { PrintBatchPage } from './print-batch-views.tsx';
import { printTranslator } from './print-labels.ts';
import type { Session } from './session.ts';

const BATCH_KEY = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The print batch: several letters of the print queue opened as one PDF and their dispatch
 * recorded in one submit (the same use cases as `/console/api/print-batch/*`).
 */
export function printBatchRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ctxOf, requireSession, checkCsrf } = cx;
  const today = (tenantId: string) => localDateOf(deps.clock.now(), deps.tenants.get(tenantId).timeZone);

  const itemsOf = async (tenantId: string, ids: readonly string[]): Promise<PrintItem[]> => {
    const paper = requirePaperDeps(deps);
    const items: PrintItem[] = [];
    for (const id of ids) {
      const item = await paper.printQueue.get(tenantId, id);
      if (!item) throw new NotFoundError(`No print item "${id}".`);
      items.push(item);
    }
    return items;
  };

  const page = (c: Context, s: Session, items: readonly PrintItem[], extra: { outcomes?: Parameters<typeof PrintBatchPage>[0]['outcomes']; error?: string; batchKey?: string; status?: number } = {}) =>
    c.html(
      <PrintBatchPage ctx={ctxOf(c, s)} items={items} today={today(s.staff.tenantId)} batchKey={extra.batchKey ?? crypto.randomUUID()} {...(extra.outcomes ? { outcomes: extra.outcomes } : {})} {...(extra.error ? { error: extra.error } : {})} />,
      (extra.status ?? 200) as 200,
    );

  app.get('/console/print-batch', async (c) => {
    const s = await requireSession(c);
    const raw = c.req.queries('ids') ?? [];
    // Nothing ticked: back to the queue, saying so, rather than a bare validation error.
    if (raw.every((v) => v.trim() === '')) return c.redirect('/console/print-queue', 303);
    return page(c, s, await itemsOf(s.staff.tenantId, batchIdsOf(raw)));
  });

  app.get('/console/print-batch/letters.pdf', async (c) => {
    const s = await requireSession(c);
    const ids = batchIdsOf(c.req.queries('ids') ?? []);
    const { pdf } = await combinedLetters({ ...requirePaperDeps(deps), pdfCombiner: requireCombiner(deps) }, { tenantId: s.staff.tenantId, itemIds: ids });
    return inlinePdf(pdf, `letters-${ids.length}.pdf`);
  });

  app.post('/console/print-batch/dispatch', async (c) => {
    const s = await requireSession(c);
    const body = await c.req.parseBody({ all: true });
    checkCsrf(s, str(Array.isArray(body._csrf) ? body._csrf[0] : body._csrf));
    const ids = all(body.ids);
    const batchKey = str(body.batchKey);
    // Every letter of the batch was recorded already (a reload of the page): back to the queue.
    if (ids.length === 0) return c.redirect('/console/print-queue', 303);
    if (!BATCH_KEY.test(batchKey)) throw new ValidationError('The form lacks its batch key; open the print batch again.', [{ field: 'batchKey', message: 'missing' }]);
    let items: PrintItem[] = [];
    try {
      const chosen = batchIdsOf(ids);
      items = await itemsOf(s.staff.tenantId, chosen);
      const field = (name: string) => str(body[name]).slice(0, 200);
      const outcomes = await recordDispatches(
        { ...deps, ...requirePaperDeps(deps) },
        {
          tenantId: s.staff.tenantId,
          at: str(body.at),
          batchKey,
          items: items.map((i) => {
            const tracking = field(`tracking-${i.id}`).slice(0, 64);
            const handedTo = field(`handedTo-${i.id}`);
            return { id: i.id, ...(tracking ? { trackingNumber: tracking } : {}), ...(handedTo ? { handedTo } : {}) };
          }),
          actor: { kind: 'staff', id: s.staff.userId },
        },
      );
      if (outcomes.every((o) => o.outcome === 'dispatched')) return c.redirect(`/console/print-queue?done=batch&n=${outcomes.length}`, 303);
      const fresh = await itemsOf(s.staff.tenantId, chosen);
      return page(c, s, fresh, { outcomes, error: printTranslator(ctxOf(c, s).lang)('someNotRecorded'), status: 409 });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'unauthenticated') throw error;
      if (items.length === 0) throw error;
      return page(c, s, items, { error: explain(error, ctxOf(c, s).lang), batchKey, status: PROBLEM_KINDS[error.code].status });
    }
  });
}
