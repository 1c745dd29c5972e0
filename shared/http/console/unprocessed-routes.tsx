import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { DomainError, NotFoundError } from '#domain/errors.ts';
import { listUnprocessed, requeueUnprocessed, unprocessedRaw } from '#usecases/unprocessed-inbound.ts';
import type { AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { explain, languageOf, parseForm, type ConsoleContext } from './context.tsx';
import { UnprocessedPage } from './intake-views.tsx';
import type { Session } from './session.ts';

const DELIVERY_ID = /^[A-Za-z0-9._-]{1,200}$/;
const RetryForm = z.lazy(() => z.object({ _csrf: z.string() }));

/** The inbound ledger's "could not be processed" list: the raw message and a one-click retry each. */
export function unprocessedRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ctxOf, requireSession, checkCsrf } = cx;
  const ledgerDeps = () => {
    if (!deps.ledger || !deps.inboundMail) throw new NotFoundError('The inbound ledger is not configured here.');
    return { ledger: deps.ledger, inboundMail: deps.inboundMail, clock: deps.clock };
  };
  const render = async (c: Context, s: Session, extra: { done?: string; error?: string; status?: number } = {}) => {
    const items = await listUnprocessed(ledgerDeps(), { tenantId: s.staff.tenantId, limit: 100 });
    return c.html(<UnprocessedPage ctx={ctxOf(c, s)} items={items} {...extra} />, (extra.status ?? 200) as 200);
  };

  app.get('/console/unprocessed', async (c) => {
    const s = await requireSession(c);
    return render(c, s, c.req.query('done') === 'retried' ? { done: 'retried' } : {});
  });

  app.get('/console/unprocessed/:id/raw', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    if (!DELIVERY_ID.test(id)) throw new NotFoundError('No such inbound message.');
    const raw = await unprocessedRaw(ledgerDeps(), { tenantId: s.staff.tenantId, deliveryId: id });
    // Shown as text, never rendered: raw mail is attacker-controlled.
    return c.body(new TextDecoder().decode(raw), 200, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-disposition': 'inline' });
  });

  app.post('/console/unprocessed/:id/retry', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const form = parseForm(RetryForm, await c.req.parseBody());
    checkCsrf(s, form._csrf);
    try {
      if (!DELIVERY_ID.test(id)) throw new NotFoundError('No such inbound message.');
      await requeueUnprocessed(ledgerDeps(), { tenantId: s.staff.tenantId, deliveryId: id });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'unauthenticated') throw error;
      return render(c, s, { error: explain(error, languageOf(c)), status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect('/console/unprocessed?done=retried', 303);
  });
}
