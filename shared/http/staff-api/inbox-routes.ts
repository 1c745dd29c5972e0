import { Hono } from 'hono';
import * as z from 'zod/mini';
import { OPEN_STATUSES, type CaseStatus } from '#domain/case.ts';
import { CHANNELS } from '#domain/channels.ts';
import { inboxPage } from '#usecases/console/inbox.ts';
import { handlingFlags, nextActor } from '#domain/handling.ts';
import { parseWith } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';

export const InboxQuerySchema = z.object({
  status: z.optional(z.enum(OPEN_STATUSES as readonly CaseStatus[] as [CaseStatus, ...CaseStatus[]])),
  channel: z.optional(z.enum(CHANNELS)),
  /** `me`, or a staff member's id: only the cases assigned to them. */
  assignee: z.optional(z.string().check(z.minLength(1), z.maxLength(254))),
  /** `1`: only the cases marked as spam (left out otherwise). */
  spam: z.optional(z.literal('1')),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/**
 * The console inbox as JSON (`GET /console/api/inbox?status=&channel=&assignee=&spam=&cursor=`): open cases
 * soonest due first, a page of 50 with a cursor, each with its days left, where it waits, who acts next and its flags.
 */
export function consoleInboxRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.get('/inbox', async (c) => {
    const q = parseWith(InboxQuerySchema, c.req.query(), 'query');
    const staff = c.get('staff');
    const assignee = q.assignee === 'me' ? staff.userId : q.assignee;
    const page = await inboxPage(deps, {
      tenantId: staff.tenantId,
      ...(q.status ? { status: q.status } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(assignee ? { assignee } : {}),
      ...(q.spam ? { spam: true } : {}),
      cursor: q.cursor ?? null,
    });
    const now = deps.clock.now();
    return c.json({
      items: page.rows.map(({ case: x, daysLeft }) => ({
        id: x.id,
        reference: x.reference,
        channel: x.channel,
        status: x.status,
        subject: { name: x.subject.name, ...(x.subject.email ? { email: x.subject.email } : {}) },
        rights: x.rights.map((r) => r.type),
        dueDate: x.dueDate,
        dueAt: x.dueAt,
        daysLeft,
        waitingStep: x.waiting?.step ?? null,
        repeat: x.repeat !== null,
        identity: x.identity.status,
        nextActor: nextActor(x),
        flags: handlingFlags(x, now),
        assignee: x.handling?.assignee?.userId ?? null,
        pause: x.handling?.pause ?? null,
      })),
      nextCursor: page.nextCursor,
    });
  });
  return api;
}
