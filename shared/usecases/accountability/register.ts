import { ValidationError } from '#domain/errors.ts';
import { registerRow, registerStatistics, tombstoneRow, type RegisterRow, type RegisterStatistics } from '#domain/register.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { DAY_MS, wallMsOfLocalDate } from '#deadlines/civil-date.ts';
import { instantOfWallTime } from '#deadlines/zone.ts';
import type { ReceiptIndex } from '#ports/accountability.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { retentionRuleFor } from '#tenants/retention.ts';

export interface RegisterDeps {
  readonly repo: CaseRepository;
  readonly receipts: ReceiptIndex;
  readonly tenants: TenantRegistry;
  readonly clock: Clock;
}

export interface RegisterInput {
  readonly tenantId: string;
  /** First and last local day of the period (tenant time zone), inclusive: `2026-11-01`, `2026-11-30`. */
  readonly from: string;
  readonly to: string;
}

export interface Register {
  readonly tenantId: string;
  readonly controller: string;
  readonly from: string;
  readonly to: string;
  /** The period as instants: [fromInstant, toInstant). */
  readonly fromInstant: string;
  readonly toInstant: string;
  readonly generatedAt: string;
  readonly retention: { readonly period: string; readonly source: string | null; readonly reason: string };
  readonly rows: readonly RegisterRow[];
  readonly statistics: RegisterStatistics;
}

/** A register covers at most a year and a day: one request stays cheap (a few receipt partitions). */
const MAX_PERIOD_DAYS = 366;
/** Timelines read in parallel, at most this many at a time. */
const CONCURRENCY = 8;

/**
 * The register of requests for a period.
 *
 * Primary course: local days → instants in the tenant's zone → every case and tombstone received
 * in [from, to + 1 day) from the receipt index → each case's audit trail → one row each (outcome,
 * timeliness against the due instant in force, working days by the tenant's calendar) → the
 * statistics over the rows.
 * Example: `await buildRegister(deps, { tenantId: 'softera', from: '2026-11-01', to: '2026-11-30' })`.
 */
export async function buildRegister(deps: RegisterDeps, input: RegisterInput): Promise<Register> {
  const tenant = deps.tenants.get(input.tenantId);
  const calendar = holidayCalendar(tenant.holidayCountry, tenant.timeZone);
  const from = wallMsOfLocalDate(input.from);
  const to = wallMsOfLocalDate(input.to);
  const fields = [];
  if (from === undefined) fields.push({ field: 'from', message: 'a date YYYY-MM-DD' });
  if (to === undefined) fields.push({ field: 'to', message: 'a date YYYY-MM-DD' });
  if (from !== undefined && to !== undefined && to < from) fields.push({ field: 'to', message: 'on or after from' });
  if (from !== undefined && to !== undefined && (to - from) / DAY_MS > MAX_PERIOD_DAYS) fields.push({ field: 'to', message: `at most ${MAX_PERIOD_DAYS} days after from` });
  if (from === undefined || to === undefined || fields.length > 0) throw new ValidationError('The register period is not valid.', fields);
  // Local midnights in the tenant's zone: [from, to + 1 day).
  const fromInstant = new Date(instantOfWallTime(from, tenant.timeZone)).toISOString();
  const toInstant = new Date(instantOfWallTime(to + DAY_MS, tenant.timeZone)).toISOString();

  const now = deps.clock.now();
  const { cases, tombstones } = await deps.receipts.receivedBetween(tenant.id, fromInstant, toInstant);
  const rows: RegisterRow[] = [];
  for (let i = 0; i < cases.length; i += CONCURRENCY) {
    const batch = cases.slice(i, i + CONCURRENCY);
    const timelines = await Promise.all(batch.map((c) => deps.repo.listEvents(c.tenantId, c.id)));
    batch.forEach((c, j) => rows.push(registerRow(c, timelines[j]!, tenant, calendar, now)));
  }
  for (const t of tombstones) rows.push(tombstoneRow(t, calendar));
  rows.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.reference.localeCompare(b.reference));
  const rule = retentionRuleFor(tenant.id);
  return {
    tenantId: tenant.id,
    controller: tenant.controller.legalName,
    from: input.from,
    to: input.to,
    fromInstant: new Date(fromInstant).toISOString(),
    toInstant: new Date(toInstant).toISOString(),
    generatedAt: now.toISOString(),
    retention: { period: `${rule.period.amount} ${rule.period.unit}`, source: rule.source, reason: rule.reason },
    rows,
    statistics: registerStatistics(rows),
  };
}
