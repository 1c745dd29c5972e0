import { OPEN_STATUSES, type CaseStatus } from '#domain/case.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import { holidayCalendar, localDateOf } from '#deadlines/calendar.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { CappedCount, ConsoleReadModel } from '#ports/console.ts';

const DAY_MS = 86_400_000;
/** Counts stop here: beyond it "at least N" is as useful as the number, and costs nothing more. */
export const COUNT_CAP = 2000;
const WINDOW_DAYS = 90;
/** An extended period is at most three months after receipt, so no answered case is due later. */
const LATEST_DUE_AFTER_ANSWER_DAYS = 100;

export interface DashboardStats {
  readonly openByStatus: ReadonlyArray<{ readonly status: CaseStatus; readonly count: CappedCount }>;
  /** Next 7 local days, today first. */
  readonly dueByDay: ReadonlyArray<{ readonly date: string; readonly count: number }>;
  readonly dueThisWeek: CappedCount;
  readonly overdue: CappedCount;
  readonly answered: { readonly onTime: number; readonly late: number; readonly capped: boolean };
  /** Median days from receipt to the approved answer, or null without answered cases. */
  readonly medianDaysToAnswer: number | null;
}

export interface DashboardDeps {
  readonly repo: CaseRepository;
  readonly readModel: ConsoleReadModel;
  readonly tenants: TenantRegistry;
  readonly clock: Clock;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The dashboard's figures, each from an index query (README "Staff console" lists the costs).
 *
 * Primary course: open cases per status = four capped GSI1 counts → overdue = a capped GSI2
 * count up to now → due in the next 7 days = the open queue's due instants up to now + 7 days → answered on
 * time vs late and the median time to answer = the GSI2 closed queue for due instants from
 * 190 days ago to 100 days ahead, keeping the cases whose answer was approved in the last 90 days.
 * Example: `await dashboardStats(deps, 'softera')`.
 */
export async function dashboardStats(deps: DashboardDeps, tenantId: string): Promise<DashboardStats> {
  const tenant = deps.tenants.get(tenantId);
  const calendar = holidayCalendar(tenant.holidayCountry, tenant.timeZone);
  const now = deps.clock.now();
  const weekEnd = new Date(now.getTime() + 7 * DAY_MS).toISOString();

  const [counts, overdue, due, closed] = await Promise.all([
    Promise.all(OPEN_STATUSES.map(async (status) => ({ status, count: await deps.readModel.countByStatus(tenantId, status, COUNT_CAP) }))),
    // '0' sorts before every ISO instant: the range starts at the oldest due case.
    deps.readModel.countDueBetween(tenantId, 'open', '0', now.toISOString(), COUNT_CAP),
    deps.readModel.dueBetween(tenantId, 'open', now.toISOString(), weekEnd, COUNT_CAP),
    deps.readModel.dueBetween(
      tenantId,
      'closed',
      new Date(now.getTime() - (WINDOW_DAYS + LATEST_DUE_AFTER_ANSWER_DAYS) * DAY_MS).toISOString(),
      new Date(now.getTime() + LATEST_DUE_AFTER_ANSWER_DAYS * DAY_MS).toISOString(),
      COUNT_CAP,
    ),
  ]);

  const days = Array.from({ length: 7 }, (_, i) => localDateOf(new Date(now.getTime() + i * DAY_MS), calendar.timeZone));
  const byDay = new Map(days.map((d) => [d, 0]));
  for (const c of due.items) {
    const date = localDateOf(new Date(c.dueAt), calendar.timeZone);
    if (byDay.has(date)) byDay.set(date, (byDay.get(date) ?? 0) + 1);
  }

  const since = new Date(now.getTime() - WINDOW_DAYS * DAY_MS).toISOString();
  let onTime = 0;
  let late = 0;
  const durations: number[] = [];
  for (const c of closed.items) {
    const at = c.answeredAt;
    if (!at || at < since) continue;
    if (at <= c.dueAt) onTime += 1;
    else late += 1;
    durations.push((Date.parse(at) - Date.parse(c.receivedAt)) / DAY_MS);
  }
  const m = median(durations);
  return {
    openByStatus: counts,
    dueByDay: days.map((date) => ({ date, count: byDay.get(date) ?? 0 })),
    dueThisWeek: { count: due.items.length, capped: due.capped },
    overdue,
    answered: { onTime, late, capped: closed.capped },
    medianDaysToAnswer: m === null ? null : Math.round(m * 10) / 10,
  };
}
