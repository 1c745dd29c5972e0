import type { Hono } from 'hono';
import { COUNTS_TTL_MS, languageOf, parseForm, type ConsoleContext } from './context.tsx';
import { OPEN_STATUSES, type CaseStatus } from '#domain/case.ts';
import { CHANNELS } from '#domain/channels.ts';
import { COUNT_CAP, dashboardStats, type DashboardStats } from '#usecases/console/dashboard.ts';
import { inboxPage } from '#usecases/console/inbox.ts';
import { openByActor, type OpenByActor } from '#usecases/console/open-by-actor.ts';
import type { AppEnv } from '../deps.ts';
import { Dashboard } from './dashboard-views.tsx';
import { Counts, Inbox } from './inbox-views.tsx';
import * as z from 'zod/mini';

/** The inbox's live counts: at most this old (the dashboard keeps COUNTS_TTL_MS). */
export const LIVE_COUNTS_TTL_MS = 3_000;

const InboxQuerySchema = z.object({
  status: z.optional(z.union([z.literal(''), z.enum(OPEN_STATUSES as readonly CaseStatus[] as [CaseStatus, ...CaseStatus[]])])),
  channel: z.optional(z.union([z.literal(''), z.enum(CHANNELS)])),
  q: z.optional(z.string().check(z.maxLength(254))),
  mine: z.optional(z.literal('1')),
  spam: z.optional(z.literal('1')),
  done: z.optional(z.string().check(z.maxLength(40))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/** The inbox, its live counts and the dashboard. */
export function inboxRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ui, readModel, ctxOf, requireSession } = cx;
  const countsCache = new Map<string, { at: number; html: Promise<string> }>();
  const statsCache = new Map<string, { at: number; stats: Promise<DashboardStats>; byActor: Promise<OpenByActor> }>();

  app.get('/console', async (c) => {
    const s = await requireSession(c);
    const q = parseForm(InboxQuerySchema, c.req.query());
    const page = await inboxPage(deps, {
      tenantId: s.staff.tenantId,
      ...(q.status ? { status: q.status } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.q?.trim() ? { q: q.q.trim() } : {}),
      ...(q.mine ? { assignee: s.staff.userId } : {}),
      ...(q.spam ? { spam: true } : {}),
      cursor: q.cursor ?? null,
    });
    const filters = { ...(q.status ? { status: q.status } : {}), ...(q.channel ? { channel: q.channel } : {}), ...(q.q ? { q: q.q } : {}), ...(q.mine ? { mine: true } : {}), ...(q.spam ? { spam: true } : {}) };
    const bulk = q.done && /^\d{1,2}-\d{1,2}$/.test(q.done) ? { ok: Number(q.done.split('-')[0]), n: Number(q.done.split('-')[1]), failures: [] } : null;
    return c.html(<Inbox ctx={ctxOf(c, s)} page={page} filters={filters} cursor={q.cursor ?? null} now={deps.clock.now()} bulk={bulk} />);
  });

  app.get('/console/fragments/counts', async (c) => {
    const s = await requireSession(c);
    const tenantId = s.staff.tenantId;
    const lang = languageOf(c);
    const cacheKey = `${tenantId}:${lang}`;
    const hit = countsCache.get(cacheKey);
    // Counts read up to COUNT_CAP index entries per status: shared for a few seconds per container,
    // short enough that a case just drafted shows in the approver's count (it read 0 for 30 s).
    if (!hit || Date.now() - hit.at > LIVE_COUNTS_TTL_MS) {
      const html = Promise.all(OPEN_STATUSES.map(async (status) => ({ status, count: await readModel.countByStatus(tenantId, status, COUNT_CAP) }))).then((counts) =>
        (<Counts ctx={ctxOf(c, s)} counts={counts} />).toString(),
      );
      countsCache.set(cacheKey, { at: Date.now(), html });
      html.catch(() => countsCache.delete(cacheKey));
    }
    return c.html(await countsCache.get(cacheKey)!.html, 200, { 'cache-control': 'private, no-store' });
  });

  app.get('/console/dashboard', async (c) => {
    const s = await requireSession(c);
    const tenantId = s.staff.tenantId;
    const hit = statsCache.get(tenantId);
    // Like the counts: computed at most once per tenant and container every COUNTS_TTL_MS (it reads up to ~12 000 index entries).
    if (!hit || Date.now() - hit.at > COUNTS_TTL_MS) {
      const computing = dashboardStats({ ...deps, readModel }, tenantId);
      const byActor = openByActor(deps, tenantId);
      statsCache.set(tenantId, { at: Date.now(), stats: computing, byActor });
      computing.catch(() => statsCache.delete(tenantId));
      byActor.catch(() => statsCache.delete(tenantId));
    }
    const hit2 = statsCache.get(tenantId)!;
    const [stats, byActor, register] = await Promise.all([hit2.stats, hit2.byActor, ui.statistics ? ui.statistics.get(tenantId) : undefined]);
    return c.html(<Dashboard ctx={ctxOf(c, s)} stats={stats} register={register} byActor={byActor} />);
  });
}
