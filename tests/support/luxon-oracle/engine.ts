// The luxon implementation as it was in production until 2026-12-05 (shared/deadlines/engine.ts at ebd1dbc,
// shared/domain/ for repeats), kept unchanged but for import paths: the oracle that
// tests/unit/time-differential.test.ts holds the luxon-free implementation to, instant for instant.
import { DateTime } from 'luxon';
import type { DeadlinePolicy } from '#domain/tenant-policy.ts';
import { endOfLocalDay, formatLocalDate, localDateOf, parseLocalDate, type HolidayCalendar } from './calendar.ts';
import type { Deadline, Period, PeriodUnit } from '#deadlines/period.ts';

/** A deadline together with the policy clause (`source`) that set it. */
export interface RuleDeadline extends Deadline {
  readonly rule: string;
}

/** Every deadline of one case; instants are ISO 8601 UTC. */
export interface CaseDeadlines {
  readonly receivedAt: string;
  /** The instant the answer and extension periods run from: receipt, or the revised request. */
  readonly countedFrom: string;
  readonly answer: RuleDeadline;
  readonly extended: RuleDeadline;
  readonly invalidRequestNotice: RuleDeadline | null;
  readonly directMarketingObjection: RuleDeadline | null;
}

const MS_PER_HOUR = 3_600_000;

// Upper bounds only catch configuration typos (e.g. 30 months for 30 days); a century is
// beyond any legal period here and keeps the day-by-day loops finite.
const MAX_AMOUNT: Readonly<Record<PeriodUnit, number>> = {
  months: 1_200,
  days: 36_600,
  working_days: 26_000,
  hours: 876_000,
};

function assertInstant(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${what} must be a valid Date, got ${String(value)}`);
  }
}

function assertPeriod(period: Period): void {
  const max = Object.hasOwn(MAX_AMOUNT, period.unit) ? MAX_AMOUNT[period.unit] : undefined;
  if (max === undefined) {
    throw new RangeError(`Unknown period unit ${JSON.stringify(period.unit)}`);
  }
  if (!Number.isSafeInteger(period.amount) || period.amount < 1 || period.amount > max) {
    throw new RangeError(`Period amount must be an integer from 1 to ${max} ${period.unit}, got ${String(period.amount)}`);
  }
}

function nextWorkingDay(day: DateTime<true>, calendar: HolidayCalendar): DateTime<true> {
  let next = day.plus({ days: 1 });
  while (!calendar.isWorkingDay(formatLocalDate(next))) next = next.plus({ days: 1 });
  return next;
}

/** Art. 3(4): a last day on a Saturday, Sunday or public holiday moves to the next working day. */
function rollForward(last: DateTime<true>, calendar: HolidayCalendar): DateTime<true> {
  return calendar.isWorkingDay(formatLocalDate(last)) ? last : nextWorkingDay(last, calendar);
}

/**
 * Art. 3(5): "any period of two days or more shall include at least two working days". It never
 * bites for the month and 30-day periods of our policies, only for short periods around holidays.
 */
function ensureTwoWorkingDays(receipt: DateTime<true>, last: DateTime<true>, calendar: HolidayCalendar): DateTime<true> {
  let working = 0;
  for (let day = receipt.plus({ days: 1 }); day <= last && working < 2; day = day.plus({ days: 1 })) {
    if (calendar.isWorkingDay(formatLocalDate(day))) working += 1;
  }
  let end = last;
  for (; working < 2; working += 1) end = nextWorkingDay(end, calendar);
  return end;
}

function lastDayOf(receipt: DateTime<true>, period: Period, calendar: HolidayCalendar): DateTime<true> {
  switch (period.unit) {
    case 'months': {
      // Luxon clamps to the month's last day when the date does not exist (31 Jan + 1 month
      // = 28/29 Feb), which is exactly Art. 3(2)(c).
      const last = rollForward(receipt.plus({ months: period.amount }), calendar);
      return ensureTwoWorkingDays(receipt, last, calendar);
    }
    case 'days': {
      const last = rollForward(receipt.plus({ days: period.amount }), calendar);
      return period.amount >= 2 ? ensureTwoWorkingDays(receipt, last, calendar) : last;
    }
    case 'working_days': {
      let day = receipt;
      for (let counted = 0; counted < period.amount; counted += 1) day = nextWorkingDay(day, calendar);
      return day;
    }
    case 'hours':
      throw new RangeError('Periods in hours have no last day');
  }
}

/**
 * When a period that starts with a receipt ends, per Regulation 1182/71 (docs/design.md §1.4). The day
 * of receipt is not counted; days and months end at the end of their last local day (moved to
 * the next working day if that is a weekend or public holiday); working days count only
 * working days; hours run from the next full hour and are never moved.
 *
 * @example
 * const lt = holidayCalendar('LT', 'Europe/Vilnius');
 * periodEnd(new Date('2028-01-31T09:00:00Z'), { unit: 'months', amount: 1 }, lt);
 * // { dueDate: '2028-02-29', dueAt: '2028-02-29T21:59:59.999Z' }
 * periodEnd(new Date('2026-11-21T10:15:00Z'), { unit: 'hours', amount: 72 }, lt);
 * // { dueDate: null, dueAt: '2026-11-24T11:00:00.000Z' }
 */
export function periodEnd(receivedAt: Date, period: Period, calendar: HolidayCalendar): Deadline {
  assertInstant(receivedAt, 'receivedAt');
  assertPeriod(period);
  // Every real time zone's offset is a multiple of 15 minutes, so within one UTC quarter-hour
  // the local date and the local hour cannot change: the result depends on the quarter only.
  // Caching per quarter spares the time-zone arithmetic (the API's hottest cost, measured).
  const key = `${calendar.country}|${calendar.timeZone}|${period.unit}|${period.amount}|${Math.floor(receivedAt.getTime() / QUARTER_HOUR_MS)}`;
  const cached = periodEndCache.get(key);
  if (cached) return cached;
  const computed = computePeriodEnd(receivedAt, period, calendar);
  if (periodEndCache.size >= PERIOD_END_CACHE_LIMIT) periodEndCache.clear();
  periodEndCache.set(key, Object.freeze(computed));
  return computed;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const PERIOD_END_CACHE_LIMIT = 10_000;
const periodEndCache = new Map<string, Deadline>();

function computePeriodEnd(receivedAt: Date, period: Period, calendar: HolidayCalendar): Deadline {
  const zone = calendar.timeZone;

  if (period.unit === 'hours') {
    // Art. 3(1)/(2)(a): the hour in which the request arrived does not count. Subtracting the
    // local minutes (rather than flooring in UTC) respects zones with half-hour offsets, and
    // working on epoch milliseconds makes the hours real elapsed hours across DST changes.
    const local = DateTime.fromJSDate(receivedAt, { zone });
    if (!local.isValid) throw new RangeError(`Cannot place ${receivedAt.toISOString()} in ${zone}`);
    const hourStart = receivedAt.getTime() - (local.minute * 60 + local.second) * 1000 - local.millisecond;
    const end = hourStart + (1 + period.amount) * MS_PER_HOUR;
    return { dueDate: null, dueAt: new Date(end).toISOString() };
  }

  const receipt = parseLocalDate(localDateOf(receivedAt, zone));
  const dueDate = formatLocalDate(lastDayOf(receipt, period, calendar));
  return { dueDate, dueAt: endOfLocalDay(dueDate, zone) };
}

function ruleDeadline(from: Date, period: Period, rule: string, calendar: HolidayCalendar): RuleDeadline {
  return { ...periodEnd(from, period, calendar), rule };
}

/**
 * All deadlines of a case under a controller's policy. The answer is the earliest of the
 * policy's answer periods; the extension is a full period from the same start. When the policy
 * restarts on a revised request (Legal Balance 001 §7.2), those two run from `revisedRequestAt`;
 * the invalid-request and direct-marketing periods always run from the original receipt.
 *
 * @example
 * computeDeadlines(gautora.deadlines, holidayCalendar('LT', 'Europe/Vilnius'), new Date('2026-01-05T10:00:00Z'))
 * // answer: 30 days → 2026-02-04 (earlier than 1 month → 2026-02-05), extended: 2026-04-07, …
 */
export function computeDeadlines(
  policy: DeadlinePolicy,
  calendar: HolidayCalendar,
  receivedAt: Date,
  options: { readonly revisedRequestAt?: Date } = {},
): CaseDeadlines {
  assertInstant(receivedAt, 'receivedAt');
  const revised = options.revisedRequestAt;
  if (revised !== undefined) {
    assertInstant(revised, 'revisedRequestAt');
    if (revised.getTime() < receivedAt.getTime()) {
      throw new RangeError(
        `revisedRequestAt (${revised.toISOString()}) is before receivedAt (${receivedAt.toISOString()})`,
      );
    }
  }
  const [first, ...rest] = policy.answer;
  if (first === undefined) throw new RangeError('The deadline policy has no answer period');

  const countedFrom = revised !== undefined && policy.restartOnRevisedRequest.applies ? revised : receivedAt;

  // Ties keep the first-listed rule, so the cited clause is stable.
  let answer = ruleDeadline(countedFrom, first.period, first.source, calendar);
  for (const candidate of rest) {
    const deadline = ruleDeadline(countedFrom, candidate.period, candidate.source, calendar);
    if (Date.parse(deadline.dueAt) < Date.parse(answer.dueAt)) answer = deadline;
  }

  const { invalidRequestNotice: notice, directMarketingObjection: objection } = policy;
  return {
    receivedAt: receivedAt.toISOString(),
    countedFrom: countedFrom.toISOString(),
    answer,
    extended: ruleDeadline(countedFrom, policy.extension.total, policy.extension.source, calendar),
    invalidRequestNotice: notice === null ? null : ruleDeadline(receivedAt, notice.period, notice.source, calendar),
    directMarketingObjection: objection === null ? null : ruleDeadline(receivedAt, objection.period, objection.source, calendar),
  };
}

/**
 * Whole local calendar days from today (in the controller's zone) to the due date: 0 on the
 * due date itself, negative once overdue. Hour deadlines use the local date of `dueAt`.
 *
 * @example daysLeft({ dueDate: '2026-02-05', dueAt: '2026-02-05T21:59:59.999Z' }, new Date('2026-02-01T12:00:00Z'), lt) // 4
 */
export function daysLeft(deadline: Deadline, now: Date, calendar: HolidayCalendar): number {
  assertInstant(now, 'now');
  const dueDate = deadline.dueDate ?? localDateOf(new Date(deadline.dueAt), calendar.timeZone);
  const today = parseLocalDate(localDateOf(now, calendar.timeZone));
  return Math.round(parseLocalDate(dueDate).diff(today, 'days').days);
}
