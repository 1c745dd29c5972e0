import { isTaskOpen, type FulfilmentTask } from '#domain/fulfilment/tasks.ts';
import type { CaseRepository, Clock, Mailer } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

/**
 * The daily digest of manual tasks (docs/fulfilment.md): one e-mail per owner listing their open
 * manual tasks, soonest due first, with the case reference and the console link. Reads the open
 * cases by index (no scan); meant for a daily schedule, and harmless when run twice (a nudge,
 * not a record: the tasks themselves are the record).
 * Example: `await sendTaskDigests(deps, 'gautora')` → `{ 'agent@gautora.local': 1 }`.
 */
export async function sendTaskDigests(deps: { readonly repo: CaseRepository; readonly tenants: TenantRegistry; readonly mailer: Mailer; readonly clock: Clock; readonly consoleUrl?: string }, tenantId: string): Promise<Record<string, number>> {
  const tenant = deps.tenants.get(tenantId);
  const byOwner = new Map<string, Array<{ reference: string; caseId: string; task: FulfilmentTask }>>();
  let cursor: string | null = null;
  do {
    const page = await deps.repo.listOpen(tenantId, { limit: 100, cursor });
    for (const c of page.items) {
      for (const task of c.fulfilment?.tasks ?? []) {
        if (task.connector !== 'manual' || !isTaskOpen(task)) continue;
        const list = byOwner.get(task.ownerEmail) ?? [];
        list.push({ reference: c.reference, caseId: c.id, task });
        byOwner.set(task.ownerEmail, list);
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  const counts: Record<string, number> = {};
  const now = deps.clock.now();
  for (const [owner, items] of byOwner) {
    items.sort((a, b) => a.task.dueAt.localeCompare(b.task.dueAt));
    const overdue = items.filter((i) => Date.parse(i.task.dueAt) < now.getTime()).length;
    await deps.mailer.send({
      from: tenant.mailbox,
      to: [owner],
      subject: `[rightsdesk] ${items.length} open task(s)${overdue ? `, ${overdue} overdue` : ''}`,
      text: [
        `Your open fulfilment tasks at ${tenant.controller.name} on ${now.toISOString().slice(0, 10)}:`,
        '',
        ...items.map((i) => `- ${i.reference} ${i.task.id} (${i.task.name}), due ${i.task.dueAt.slice(0, 10)}${deps.consoleUrl ? `: ${deps.consoleUrl}/console/cases/${i.caseId}` : ''}`),
      ].join('\n'),
      headers: { 'X-Rightsdesk-Alert': 'task_digest' },
    });
    counts[owner] = items.length;
  }
  return counts;
}
