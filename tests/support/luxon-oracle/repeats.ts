// The luxon implementation as it was in production until 2026-12-05 (shared/domain/repeats.ts at ebd1dbc,
// kept unchanged but for import paths: the oracle that
// tests/unit/time-differential.test.ts holds the luxon-free implementation to, instant for instant.
import { DateTime } from 'luxon';
import type { RepeatRule } from '#domain/tenant-policy.ts';
import type { CaseStatus, RepeatFlag } from '#domain/case.ts';
import type { RightType } from '#domain/rights.ts';

/** What repeat detection needs to know about a subject's earlier case. */
export interface EarlierRequest {
  readonly id: string;
  readonly receivedAt: string;
  readonly status: CaseStatus;
  readonly rights: readonly RightType[];
}

/**
 * For controllers whose policy only says "manifestly unfounded or excessive, in particular
 * repetitive" (000 §9, 002 §13.1) there is no number in law; we flag the same right asked again
 * within this many months so that staff look, and staff decide.
 */
export const EXCESSIVE_LOOKBACK_MONTHS = 3;

/** Earlier cases that never produced an answer are not a reason to charge or refuse. */
const NOT_COUNTED: readonly CaseStatus[] = ['invalid', 'withdrawn'];

/**
 * Detects a repeat request under the controller's rule (docs/design.md §1.5). The result is only a flag:
 * a refusal or a fee is always a staff decision with written reasons.
 * Example: Lytagra (004 §3.6), access asked on 1 Mar after an access request on 1 Jan →
 * `{ rule: '004 §3.6', reason: 'access requested again within 6 months …', previousCaseIds: [...] }`.
 */
export function detectRepeat(
  rule: RepeatRule,
  requested: readonly RightType[],
  receivedAt: Date,
  earlier: readonly EarlierRequest[],
  timeZone: string,
): RepeatFlag | null {
  const received = DateTime.fromJSDate(receivedAt, { zone: timeZone });
  const at = receivedAt.getTime();
  // Compare epoch milliseconds: parsing every earlier request's date in the zone is costly.
  const counted: Array<EarlierRequest & { ms: number }> = [];
  for (const e of earlier) {
    const ms = Date.parse(e.receivedAt);
    if (!NOT_COUNTED.includes(e.status) && ms <= at) counted.push({ ...e, ms });
  }
  const overlapping = (rights: readonly RightType[], scope: readonly RightType[]) =>
    rights.filter((r) => scope.includes(r) && requested.includes(r));

  switch (rule.kind) {
    case 'excessive_only': {
      const since = received.minus({ months: EXCESSIVE_LOOKBACK_MONTHS }).toMillis();
      const hits = counted.filter((e) => overlapping(e.rights, requested).length > 0 && e.ms >= since);
      if (hits.length === 0) return null;
      return {
        rule: rule.source,
        reason: `The same right was requested ${hits.length} time(s) in the previous ${EXCESSIVE_LOOKBACK_MONTHS} months; staff should consider whether the request is manifestly unfounded or excessive.`,
        previousCaseIds: hits.map((e) => e.id),
      };
    }
    case 'free_per_calendar_year': {
      const yearStart = received.startOf('year').toMillis();
      const hits = counted.filter((e) => overlapping(e.rights, rule.rights).length > 0 && e.ms >= yearStart);
      if (hits.length < rule.count || overlapping(requested, rule.rights).length === 0) return null;
      return {
        rule: rule.source,
        reason: `${hits.length} request(s) for ${rule.rights.join(', ')} already received in ${received.year}; the policy gives ${rule.count} free per calendar year, so a reasonable fee may be charged.`,
        previousCaseIds: hits.map((e) => e.id),
      };
    }
    case 'min_interval_months': {
      const since = received.minus({ months: rule.months }).toMillis();
      const hits = counted.filter((e) => overlapping(e.rights, rule.rights).length > 0 && e.ms > since);
      if (hits.length === 0) return null;
      return {
        rule: rule.source,
        reason: `${rule.rights.join(', ')} requested again within ${rule.months} months of an earlier request; the policy treats this as potential abuse that may carry administrative costs.`,
        previousCaseIds: hits.map((e) => e.id),
      };
    }
  }
}
