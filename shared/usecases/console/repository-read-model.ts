import type { Case, CaseStatus } from '#domain/case.ts';
import type { CaseRepository, ListOptions, Page } from '#ports/cases.ts';
import type { CappedCount, ConsoleReadModel, DueRow } from '#ports/console.ts';

const PAGE = 100;

/**
 * The console's aggregates through the CaseRepository port alone (in-memory tests, and the API
 * until the DynamoDB read model is wired in): same results, but counting pages through whole
 * items, and a due-date window is read from the oldest due date (closed: only the `closed` status).
 */
/** The answer left when it was approved (the workflow sends it right after). */
const dueRow = (c: Case): DueRow => ({ dueAt: c.dueAt, receivedAt: c.receivedAt, answeredAt: c.draft?.approvedAt ?? null });

export function repositoryReadModel(repo: CaseRepository): ConsoleReadModel {
  const model: ConsoleReadModel = {
    async countByStatus(tenantId: string, status: CaseStatus, cap: number): Promise<CappedCount> {
      let count = 0;
      let cursor: string | null = null;
      do {
        const page = await repo.listByStatus(tenantId, status, { limit: Math.min(PAGE, cap - count), cursor });
        count += page.items.length;
        cursor = page.nextCursor;
      } while (cursor && count < cap);
      return { count, capped: Boolean(cursor) && count >= cap };
    },
    async dueBetween(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, cap: number) {
      const items: Case[] = [];
      let cursor: string | null = null;
      let read = 0;
      do {
        const options: ListOptions = { limit: PAGE, cursor, dueBefore: toIso };
        const page: Page<Case> = queue === 'open' ? await repo.listOpen(tenantId, options) : await repo.listByStatus(tenantId, 'closed', options);
        read += page.items.length;
        for (const c of page.items) if (c.dueAt >= fromIso) items.push(c);
        cursor = page.nextCursor;
      } while (cursor && items.length < cap && read < cap * 10);
      return { items: items.slice(0, cap).map(dueRow), capped: Boolean(cursor) };
    },
    async countDueBetween(tenantId, queue, fromIso, toIso, cap) {
      const { items, capped } = await model.dueBetween(tenantId, queue, fromIso, toIso, cap);
      return { count: items.length, capped };
    },
  };
  return model;
}
