import { isOpen, type Case, type CaseStatus } from '#domain/case.ts';
import type { CaseRepository, WorkflowEngine } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { WorkflowDeps } from './deps.ts';
import { extendDeadline, sendFeeNotice } from './notices.ts';

/** Statuses that are not "open" but whose workflow still has to send the outcome and close. */
const CONCLUDING: readonly CaseStatus[] = ['answered', 'refused', 'invalid', 'withdrawn'];

/**
 * Starts the workflows of every case that is not closed, from its stored state: the case
 * workflow jumps to where the status says, the timer re-reads the deadlines. Used when the local
 * Step Functions service starts (its executions do not survive a restart); on AWS it is an
 * operator's repair tool. Reads by index (open queue and status partitions), never a Scan.
 *
 * A staff decision that resumed the old execution but was not carried out when it died (an
 * extension or a fee notice, which leave the status as it was) is carried out first, with
 * `steps`: the same use cases the workflow steps run, so nothing a person decided is lost.
 * Example: `await resumeOpenCases({ tenants, repo, workflows, steps })` → `{ resumed: 12, failed: [] }`.
 */
export async function resumeOpenCases(
  deps: { tenants: TenantRegistry; repo: CaseRepository; workflows: WorkflowEngine; steps?: WorkflowDeps },
  options: { concurrency?: number } = {},
): Promise<{ resumed: number; failed: readonly string[] }> {
  let resumed = 0;
  const failed: string[] = [];
  // One case that cannot be resumed (the table or the workflow service slow under load) must not
  // stop the others, nor the start: each is tried three times, and what still fails is reported
  // (a later start, or the next write to the case, starts it; execution names make that safe).
  const resume = async (c: Case) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const current = deps.steps ? await carryOutPendingDecision(deps.steps, c) : c;
        await deps.workflows.startCase(current);
        resumed += 1;
        return;
      } catch (error) {
        if (attempt >= 3) {
          failed.push(`${c.tenantId}/${c.id}: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  };
  // Bounded concurrency: `concurrency` cases in flight, fed by every list at once (each tenant's
  // open queue and concluding statuses are paged in parallel, the next page read while the last
  // one is resumed). Serially, 783 cases took minutes; page by page, every page waited on the
  // slowest query of a busy table; all cases at once would flood the table and the workflow service.
  const limit = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const queue: Case[] = [];
  let listing = true;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const list = async (read: (cursor: string | null) => Promise<{ items: readonly Case[]; nextCursor: string | null }>) => {
    let cursor: string | null = null;
    do {
      const page = await read(cursor);
      queue.push(...page.items);
      notify();
      cursor = page.nextCursor;
    } while (cursor);
  };
  const lists = deps.tenants.list().flatMap((tenant) => [
    list((cursor) => deps.repo.listOpen(tenant.id, { limit: 100, cursor })),
    ...CONCLUDING.map((status) => list((cursor) => deps.repo.listByStatus(tenant.id, status, { limit: 100, cursor }))),
  ]);
  const listed = Promise.all(lists).finally(() => {
    listing = false;
    notify();
  });
  const worker = async () => {
    for (;;) {
      const c = queue.shift();
      if (c) await resume(c);
      else if (listing) await new Promise<void>((resolve) => (wake = chain(wake, resolve)));
      else return;
    }
  };
  await Promise.all([listed, ...Array.from({ length: limit }, worker)]);
  return { resumed, failed };
}

const DEFAULT_CONCURRENCY = 32;

/** Several idle workers wait for the next page: wake them all. */
const chain = (first: (() => void) | undefined, next: () => void) => () => {
  first?.();
  next();
};

/**
 * The last decision, when it was an extension or a fee and its notice is not on the case yet:
 * an extension shows as `extended`, a fee notice as a `notice.fee` event after the decision.
 */
async function carryOutPendingDecision(deps: WorkflowDeps, c: Case): Promise<Case> {
  const decision = c.decision;
  if (!decision || !isOpen(c.status) || (decision.decision !== 'extend' && decision.decision !== 'fee')) return c;
  const ref = { tenantId: c.tenantId, caseId: c.id, reasons: decision.reasons ?? [] };
  if (decision.decision === 'extend') {
    if (c.extended) return c;
    await extendDeadline(deps, ref);
  } else {
    const events = await deps.repo.listEvents(c.tenantId, c.id);
    if (events.some((e) => e.type === 'notice.fee' && e.at >= decision.at)) return c;
    await sendFeeNotice(deps, ref);
  }
  return (await deps.repo.getCase(c.tenantId, c.id)) ?? c;
}

