import { Hono } from 'hono';
import type { InboundEntry } from '#domain/inbound-ledger.ts';
import { NotFoundError } from '#domain/errors.ts';
import { listUnprocessed, requeueUnprocessed, unprocessedRaw } from '#usecases/unprocessed-inbound.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';

const DELIVERY_ID = /^[A-Za-z0-9._-]{1,200}$/;

/** What staff see of a message that could not be processed, with where to read it and retry it. */
export function unprocessedView(e: InboundEntry, base = '/console/api/inbound/unprocessed') {
  return {
    deliveryId: e.deliveryId,
    receivedAt: e.receivedAt,
    recipients: e.recipients,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError ?? null,
    failedAt: e.settledAt ?? null,
    rawUrl: `${base}/${e.deliveryId}/raw`,
    retryUrl: `${base}/${e.deliveryId}/retry`,
  };
}

/**
 * The inbound ledger for staff (mounted under `/console/api`): the "could not be processed" list,
 * each message's raw bytes (as text, never rendered: raw mail is attacker-controlled), and a
 * one-click retry. The tenant comes only from the staff token.
 */
export function consoleInboundRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const ledgerDeps = () => {
    if (!deps.ledger) throw new NotFoundError('The inbound ledger is not configured here.');
    return { ledger: deps.ledger, clock: deps.clock };
  };
  const idOf = (raw: string) => {
    if (!DELIVERY_ID.test(raw)) throw new NotFoundError('No such inbound message.');
    return raw;
  };

  api.get('/inbound/unprocessed', async (c) => {
    const items = await listUnprocessed(ledgerDeps(), { tenantId: c.get('staff').tenantId, limit: 100 });
    return c.json({ items: items.map((e) => unprocessedView(e)) });
  });

  api.get('/inbound/unprocessed/:id/raw', async (c) => {
    if (!deps.inboundMail) throw new NotFoundError('The receiving bucket is not configured here.');
    const raw = await unprocessedRaw({ ...ledgerDeps(), inboundMail: deps.inboundMail }, { tenantId: c.get('staff').tenantId, deliveryId: idOf(c.req.param('id')) });
    return c.body(new TextDecoder().decode(raw), 200, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-disposition': 'inline' });
  });

  api.post('/inbound/unprocessed/:id/retry', async (c) => {
    const entry = await requeueUnprocessed(ledgerDeps(), { tenantId: c.get('staff').tenantId, deliveryId: idOf(c.req.param('id')) });
    return c.json(unprocessedView(entry), 202);
  });

  return api;
}
