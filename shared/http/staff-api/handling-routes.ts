import { Hono } from 'hono';
import * as z from 'zod/mini';
import { bulk, extendCase, handleCase, type HandlingAction } from '#usecases/console/handling.ts';
import { readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';

const reason = z.string().check(z.minLength(1), z.maxLength(1000));
const reasons = z.array(z.string().check(z.minLength(1), z.maxLength(2000))).check(z.minLength(1), z.maxLength(20));
const userId = z.string().check(z.minLength(1), z.maxLength(254));

/** One handling action on a case; the JSON twin of the case page's assign/note/pause/spam forms. */
export const HandlingSchema = z.lazy(() => z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), userId: z.nullable(userId) }),
  z.object({ action: z.literal('note'), text: z.string().check(z.minLength(1), z.maxLength(4000)) }),
  z.object({ action: z.literal('pause'), reason }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('spam'), reason }),
  z.object({ action: z.literal('not_spam') }),
]));

export const ExtensionSchema = z.lazy(() => z.object({ reasons }));

/** The inbox's bulk actions: assign, extend with reasons, mark as spam. */
export const BulkSchema = z.lazy(() => z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), caseIds: z.array(z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/))).check(z.minLength(1), z.maxLength(50)), userId: z.nullable(userId) }),
  z.object({ action: z.literal('extend'), caseIds: z.array(z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/))).check(z.minLength(1), z.maxLength(50)), reasons }),
  z.object({ action: z.literal('spam'), caseIds: z.array(z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/))).check(z.minLength(1), z.maxLength(50)), reason }),
]));

export const toAction = (input: z.infer<typeof HandlingSchema>): HandlingAction => {
  switch (input.action) {
    case 'assign':
      return { kind: 'assign', userId: input.userId };
    case 'note':
      return { kind: 'note', text: input.text };
    case 'pause':
      return { kind: 'pause', reason: input.reason };
    case 'spam':
      return { kind: 'spam', reason: input.reason };
    case 'resume':
    case 'not_spam':
      return { kind: input.action };
  }
};

/**
 * The team's handling of cases under `/console/api` (docs/console.md):
 * `POST /cases/{id}/handling` `{ action, … }` → `200 { id, reference, handling }`;
 * `POST /cases/{id}/extension` `{ reasons }` → `200 { id, reference, dueDate, extended }` at any open step;
 * `POST /cases/bulk` `{ action, caseIds, … }` → `200 { results: [{ caseId, ok, error?, code? }] }`.
 */
export function consoleHandlingRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const actorOf = (c: { get(k: 'staff'): { userId: string } }) => ({ kind: 'staff' as const, id: c.get('staff').userId });

  api.post('/cases/bulk', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, BulkSchema);
    const results = await bulk(input.caseIds, (caseId) =>
      input.action === 'extend'
        ? extendCase(deps, { tenantId: staff.tenantId, caseId, reasons: input.reasons, actor: actorOf(c), role: staff.role })
        : handleCase(deps, { tenantId: staff.tenantId, caseId, action: input.action === 'assign' ? { kind: 'assign', userId: input.userId } : { kind: 'spam', reason: input.reason }, actor: actorOf(c) }),
    );
    // The contract's fields (the detail key is for the console's own wording).
    return c.json({ results: results.map((r) => ({ caseId: r.caseId, ok: r.ok, ...(r.error ? { error: r.error } : {}), ...(r.code ? { code: r.code } : {}) })) });
  });

  api.post('/cases/:id/handling', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, HandlingSchema);
    const next = await handleCase(deps, { tenantId: staff.tenantId, caseId: c.req.param('id'), action: toAction(input), actor: actorOf(c) });
    return c.json({ id: next.id, reference: next.reference, handling: next.handling ?? {} });
  });

  api.post('/cases/:id/extension', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, ExtensionSchema);
    const next = await extendCase(deps, { tenantId: staff.tenantId, caseId: c.req.param('id'), reasons: input.reasons, actor: actorOf(c), role: staff.role });
    return c.json({ id: next.id, reference: next.reference, dueDate: next.dueDate, dueAt: next.dueAt, extended: next.extended });
  });
  return api;
}
