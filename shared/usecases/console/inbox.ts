import type { Case, CaseStatus } from '#domain/case.ts';
import type { Channel } from '#domain/channels.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { daysLeft } from '#deadlines/engine.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { searchCases } from '#usecases/staff-cases.ts';

export const INBOX_PAGE = 50;
/** A channel filter has no index: read at most this many queue entries per page. */
const CHANNEL_FILTER_BUDGET = 1000;

export interface InboxRow {
  readonly case: Case;
  /** Whole days until the due date in the controller's zone; negative when overdue. */
  readonly daysLeft: number;
}

export interface InboxQuery {
  readonly tenantId: string;
  readonly status?: CaseStatus;
  readonly channel?: Channel;
  readonly q?: string;
  /** "My cases": only those assigned to this staff member. */
  readonly assignee?: string;
  /** Cases marked as spam are left out of the inbox unless asked for (`true`: only them). */
  readonly spam?: boolean;
  readonly cursor?: string | null;
  readonly limit?: number;
}

export interface InboxPage {
  readonly rows: readonly InboxRow[];
  readonly nextCursor: string | null;
  /** How many queue entries were read to fill a channel-filtered page. */
  readonly read: number;
}

/**
 * The staff inbox: open cases (or one status) soonest due first, one index page at a time.
 *
 * Primary course: a search goes to the staff search use case (reference, e-mail, name) →
 * a status is one GSI1 page → otherwise one GSI2 (open queue) page, without cases marked as spam;
 * a channel, assignee ("my cases") or spam filter reads further pages of the same index until the
 * page is full or its read budget is spent.
 * Example: `await inboxPage(deps, { tenantId: 'softera' })` → 50 rows and a cursor.
 */
export async function inboxPage(deps: { readonly repo: CaseRepository; readonly tenants: TenantRegistry; readonly clock: Clock }, query: InboxQuery): Promise<InboxPage> {
  const tenant = deps.tenants.get(query.tenantId);
  const calendar = holidayCalendar(tenant.holidayCountry, tenant.timeZone);
  const now = deps.clock.now();
  const row = (c: Case): InboxRow => ({ case: c, daysLeft: daysLeft({ dueDate: c.dueDate, dueAt: c.dueAt }, now, calendar) });
  const limit = Math.min(Math.max(1, query.limit ?? INBOX_PAGE), 100);

  if (query.q) {
    const found = await searchCases(deps, { tenantId: query.tenantId, q: query.q });
    return { rows: found.map(row), nextCursor: null, read: found.length };
  }
  const list = (cursor: string | null, n: number) =>
    query.status ? deps.repo.listByStatus(query.tenantId, query.status, { limit: n, cursor }) : deps.repo.listOpen(query.tenantId, { limit: n, cursor });
  const isSpam = (c: Case) => Boolean(c.handling?.spam);
  if (!query.channel && !query.assignee && !query.spam) {
    // One index page as it is; spam marks are rare, so leaving them out costs no further reads.
    const page = await list(query.cursor ?? null, limit);
    return { rows: page.items.filter((c) => !isSpam(c)).map(row), nextCursor: page.nextCursor, read: page.items.length };
  }
  const keep = (c: Case) =>
    (!query.channel || c.channel === query.channel) && (!query.assignee || c.handling?.assignee?.userId === query.assignee) && isSpam(c) === Boolean(query.spam);
  const rows: InboxRow[] = [];
  let cursor = query.cursor ?? null;
  let read = 0;
  do {
    const page = await list(cursor, 100);
    read += page.items.length;
    for (const c of page.items) if (keep(c)) rows.push(row(c));
    cursor = page.nextCursor;
  } while (cursor && rows.length < limit && read < CHANNEL_FILTER_BUDGET);
  return { rows, nextCursor: cursor, read };
}
