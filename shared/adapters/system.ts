import type { Clock, IdGenerator } from '#ports/cases.ts';

/** The real clock and random case ids, for the composition roots (tests pass their own). */
export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { caseId: () => crypto.randomUUID() };
