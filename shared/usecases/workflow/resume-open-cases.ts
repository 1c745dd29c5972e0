import type { Case, CaseStatus } from '#domain/case.ts';
import type { CaseRepository, WorkflowEngine } from '#domain/ports.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

/** Statuses that are not "open" but whose workflow still has to send the outcome and close. */
const CONCLUDING: readonly CaseStatus[] = ['answered', 'refused', 'invalid', 'withdrawn'];

/**
 * Starts the workflows of every case that is not closed, from its stored state: the case
 * workflow jumps to where the status says, the timer re-reads the deadlines. Used when the local
 * Step Functions service starts (its executions do not survive a restart); on AWS it is an
 * operator's repair tool. Reads by index (open queue and status partitions), never a Scan.
 * Example: `await resumeOpenCases({ tenants, repo, workflows })` → `{ resumed: 12 }`.
 */
export async function resumeOpenCases(deps: { tenants: TenantRegistry; repo: CaseRepository; workflows: WorkflowEngine }): Promise<{ resumed: number }> {
  let resumed = 0;
  const resume = async (c: Case) => {
    await deps.workflows.startCase(c);
    resumed += 1;
  };
  for (const tenant of deps.tenants.list()) {
    let cursor: string | null = null;
    do {
      const page = await deps.repo.listOpen(tenant.id, { limit: 100, cursor });
      for (const c of page.items) await resume(c);
      cursor = page.nextCursor;
    } while (cursor);
    for (const status of CONCLUDING) {
      let next: string | null = null;
      do {
        const page = await deps.repo.listByStatus(tenant.id, status, { limit: 100, cursor: next });
        for (const c of page.items) await resume(c);
        next = page.nextCursor;
      } while (next);
    }
  }
  return { resumed };
}
