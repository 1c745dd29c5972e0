import { Hono } from 'hono';
import * as z from 'zod/mini';
import { combinedLetters, MAX_BATCH_ITEMS, recordDispatches, type BatchDispatchOutcome } from '#usecases/print-batch.ts';
import { readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { itemView, requirePaperDeps } from './intake-routes.ts';
import { inlinePdf } from '../inline-pdf.ts';
import { batchIdsOf, ITEM_ID, requireCombiner } from '../print-batch-input.ts';

/**
 * Printing and posting several letters at once (docs/console.md "Print and record dispatch"),
 * the JSON twin of the console's print batch. Mounted under `/console/api`; staff bearer token.
 *
 * GET  /console/api/print-batch/letters.pdf?ids=p1,p2   → 200 application/pdf, inline, never cached:
 *      the letters of the items, in that order, as one PDF. 404 an unknown item, 413 too large together.
 * POST /console/api/print-batch/dispatch
 *      { "at": "2026-11-24", "items": [{ "id", "trackingNumber"?, "handedTo"? }], "batchKey"? }
 *      → 200 { "results": [{ id, outcome: "dispatched" | "already_recorded" | "failed", replayed?, item?, code?, error? }] }
 *      Each letter is recorded once: the same call again (same `batchKey`) answers the same
 *      `dispatched` with `replayed: true` and adds nothing; a letter recorded otherwise is `already_recorded`.
 */
const at = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/));

export const BatchDispatchSchema = z.lazy(() => z.strictObject({
  at,
  items: z
    .array(
      z.strictObject({
        id: z.string().check(z.regex(ITEM_ID)),
        trackingNumber: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
        handedTo: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_BATCH_ITEMS), z.refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: 'Each letter may appear once.' })),
  batchKey: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/))),
}));

export function outcomeView(o: BatchDispatchOutcome) {
  switch (o.outcome) {
    case 'dispatched':
      return { id: o.id, outcome: o.outcome, replayed: o.replayed, item: itemView(o.item) };
    case 'already_recorded':
      return { id: o.id, outcome: o.outcome, item: itemView(o.item) };
    case 'failed':
      return { id: o.id, outcome: o.outcome, code: o.code, error: o.message };
  }
}

export function consolePrintBatchRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();

  api.get('/print-batch/letters.pdf', async (c) => {
    const ids = batchIdsOf(c.req.queries('ids') ?? []);
    const { pdf } = await combinedLetters({ ...requirePaperDeps(deps), pdfCombiner: requireCombiner(deps) }, { tenantId: c.get('staff').tenantId, itemIds: ids });
    return inlinePdf(pdf, `letters-${ids.length}.pdf`);
  });

  api.post('/print-batch/dispatch', async (c) => {
    const staff = c.get('staff');
    const body = await readJson(c, BatchDispatchSchema);
    const results = await recordDispatches(
      { ...deps, ...requirePaperDeps(deps) },
      { tenantId: staff.tenantId, items: body.items, at: body.at, batchKey: body.batchKey ?? crypto.randomUUID(), actor: { kind: 'staff', id: staff.userId } },
    );
    return c.json({ results: results.map(outcomeView) });
  });

  return api;
}
