import { nextActor, NEXT_ACTORS, type NextActor } from '#domain/handling.ts';
import type { CaseRepository } from '#ports/cases.ts';

/** How many open cases (soonest due first) the dashboard reads to say who acts next. */
export const ACTOR_SAMPLE_CAP = 1000;

export interface OpenByActor {
  readonly counts: ReadonlyArray<{ readonly actor: NextActor; readonly count: number }>;
  /** How many open cases were read; `capped` when there are more (the counts cover the soonest due). */
  readonly read: number;
  readonly capped: boolean;
}

/**
 * Open cases by who acts next (staff, approver, subject, system), for the dashboard.
 *
 * Primary course: the open queue (GSI2, soonest due first) is read a page of 100 at a time up to
 * ACTOR_SAMPLE_CAP cases → each case's next actor (domain/handling.ts) is counted. Cases marked as
 * spam count like any other: they are open and their deadline runs.
 * Example: `await openByActor({ repo }, 'softera')` → `{ counts: [{ actor: 'staff', count: 12 }, …], read: 40, capped: false }`.
 */
export async function openByActor(deps: { readonly repo: CaseRepository }, tenantId: string, cap = ACTOR_SAMPLE_CAP): Promise<OpenByActor> {
  const tally = new Map<NextActor, number>(NEXT_ACTORS.filter((a) => a !== 'nobody').map((a) => [a, 0]));
  let cursor: string | null = null;
  let read = 0;
  do {
    const page = await deps.repo.listOpen(tenantId, { limit: Math.min(100, cap - read), cursor });
    for (const c of page.items) {
      const actor = nextActor(c);
      tally.set(actor, (tally.get(actor) ?? 0) + 1);
    }
    read += page.items.length;
    cursor = page.nextCursor;
  } while (cursor && read < cap);
  return { counts: [...tally].map(([actor, count]) => ({ actor, count })), read, capped: cursor !== null };
}
