import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { computeDeadlines, periodEnd, type CaseDeadlines, type RuleDeadline } from '#deadlines/engine.ts';
import type { Period } from '#deadlines/period.ts';
import { gautora, legalbalance, lytagra, softera } from '../support/design-policies.ts';

const policies = { softera, legalbalance, gautora, lytagra } as const;

const ZONE = 'Europe/Vilnius';
const lt = holidayCalendar('LT', ZONE);

// The oracle reads the holiday data and the zone rules directly, not through the calendar module.
const publicHolidays = new Set<string>();
{
  const data = new Holidays('LT', { types: ['public'] });
  for (let year = 2019; year <= 2037; year += 1) {
    for (const holiday of data.getHolidays(year)) publicHolidays.add(holiday.date.slice(0, 10));
  }
}
const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
function local(instant: Date): { date: string; time: string } {
  const parts = localParts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '??';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}:${part('second')}` };
}
const day = (date: string): DateTime<true> => {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) throw new Error(`bad date ${date}`);
  return parsed;
};
const isWorking = (date: string): boolean => day(date).weekday <= 5 && !publicHolidays.has(date);
const daysBetween = (from: string, to: string): number => day(to).diff(day(from), 'days').days;
function workingDaysAfter(from: string, through: string): number {
  let count = 0;
  for (let d = day(from).plus({ days: 1 }); d <= day(through); d = d.plus({ days: 1 })) {
    if (isWorking(d.toISODate())) count += 1;
  }
  return count;
}

const HOUR = 3_600_000;
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59.999Z'), noInvalidDate: true });
const policy = fc.constantFrom(...Object.values(policies));
const dayPeriod = fc.oneof(
  fc.record({ unit: fc.constant('months' as const), amount: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ unit: fc.constant('days' as const), amount: fc.integer({ min: 1, max: 60 }) }),
);
const workingDayPeriod = fc.record({ unit: fc.constant('working_days' as const), amount: fc.integer({ min: 1, max: 30 }) });
const hourPeriod = fc.record({ unit: fc.constant('hours' as const), amount: fc.integer({ min: 1, max: 200 }) });
const anyPeriod: fc.Arbitrary<Period> = fc.oneof(dayPeriod, workingDayPeriod, hourPeriod);
const RUNS = { numRuns: 400 };

function datedDeadlines(result: CaseDeadlines): RuleDeadline[] {
  return [result.answer, result.extended, result.invalidRequestNotice, result.directMarketingObjection]
    .filter((d): d is RuleDeadline => d !== null && d.dueDate !== null);
}
function allDeadlines(result: CaseDeadlines): (RuleDeadline | null)[] {
  return [result.answer, result.extended, result.invalidRequestNotice, result.directMarketingObjection];
}

describe('deadline engine (properties, receipts 2020–2035)', () => {
  it('never puts a due date on a Saturday, Sunday or Lithuanian public holiday', () => {
    fc.assert(fc.property(instant, policy, (receivedAt, p) => {
      for (const deadline of datedDeadlines(computeDeadlines(p, lt, receivedAt))) {
        expect(isWorking(deadline.dueDate ?? ''), `${deadline.rule} → ${deadline.dueDate}`).toBe(true);
      }
    }), RUNS);
  });

  it('never ends before the plain period end, and at most 10 days after it', () => {
    fc.assert(fc.property(instant, fc.oneof(dayPeriod, workingDayPeriod), (receivedAt, period) => {
      const receipt = day(local(receivedAt).date);
      const plain = period.unit === 'months' ? receipt.plus({ months: period.amount }) : receipt.plus({ days: period.amount });
      const { dueDate } = periodEnd(receivedAt, period, lt);

      const late = daysBetween(plain.toISODate(), dueDate ?? '');
      expect(late).toBeGreaterThanOrEqual(0);
      // Working days stretch over weekends and holidays, so only rolled periods are bounded.
      if (period.unit !== 'working_days') expect(late).toBeLessThanOrEqual(10);
    }), RUNS);
  });

  it('is monotonic in the receipt time: a later receipt is never due earlier', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 0, max: 40 * 24 * HOUR }), policy, (first, gap, p) => {
      const later = new Date(first.getTime() + gap);
      const a = allDeadlines(computeDeadlines(p, lt, first));
      const b = allDeadlines(computeDeadlines(p, lt, later));

      a.forEach((deadline, i) => {
        const next = b[i];
        if (deadline === null || next === null || next === undefined) return;
        expect(Date.parse(next.dueAt)).toBeGreaterThanOrEqual(Date.parse(deadline.dueAt));
        if (deadline.dueDate !== null && next.dueDate !== null) expect(next.dueDate >= deadline.dueDate).toBe(true);
      });
    }), RUNS);
  });

  it('ends at 23:59:59.999 Vilnius time on the due date', () => {
    fc.assert(fc.property(instant, policy, (receivedAt, p) => {
      for (const deadline of datedDeadlines(computeDeadlines(p, lt, receivedAt))) {
        const end = new Date(deadline.dueAt);
        expect(local(end)).toEqual({ date: deadline.dueDate, time: '23:59:59' });
        expect(end.getUTCMilliseconds()).toBe(999);
      }
    }), RUNS);
  });

  it('never puts the extended date before the answer date', () => {
    fc.assert(fc.property(instant, policy, (receivedAt, p) => {
      const { answer, extended } = computeDeadlines(p, lt, receivedAt);
      expect(Date.parse(extended.dueAt)).toBeGreaterThanOrEqual(Date.parse(answer.dueAt));
    }), RUNS);
  });

  it('ends hour periods exactly N hours after the next full hour', () => {
    fc.assert(fc.property(instant, hourPeriod, (receivedAt, period) => {
      // Vilnius offsets are whole hours, so local and UTC hours start together.
      const nextFullHour = Math.floor(receivedAt.getTime() / HOUR) * HOUR + HOUR;
      const deadline = periodEnd(receivedAt, period, lt);

      expect(deadline.dueDate).toBeNull();
      expect(Date.parse(deadline.dueAt) - nextFullHour).toBe(period.amount * HOUR);
    }), RUNS);
  });

  it('puts exactly N working days after the receipt date into a working-day period, the last one on the due date', () => {
    fc.assert(fc.property(instant, workingDayPeriod, (receivedAt, period) => {
      const receipt = local(receivedAt).date;
      const { dueDate } = periodEnd(receivedAt, period, lt);

      expect(isWorking(dueDate ?? '')).toBe(true);
      expect(workingDaysAfter(receipt, dueDate ?? '')).toBe(period.amount);
    }), RUNS);
  });

  it('counts answer and extension from a revised request only when the policy restarts', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 0, max: 60 * 24 * HOUR }), policy, (receivedAt, gap, p) => {
      const revisedRequestAt = new Date(receivedAt.getTime() + gap);
      const withRevision = computeDeadlines(p, lt, receivedAt, { revisedRequestAt });
      const from = p.restartOnRevisedRequest.applies ? revisedRequestAt : receivedAt;
      const fresh = computeDeadlines(p, lt, from);
      const original = computeDeadlines(p, lt, receivedAt);

      expect(withRevision.answer).toEqual(fresh.answer);
      expect(withRevision.extended).toEqual(fresh.extended);
      expect(withRevision.invalidRequestNotice).toEqual(original.invalidRequestNotice);
      expect(withRevision.directMarketingObjection).toEqual(original.directMarketingObjection);
    }), RUNS);
  });

  it('answers with the earliest of the policy\'s answer periods', () => {
    fc.assert(fc.property(instant, policy, (receivedAt, p) => {
      const { answer } = computeDeadlines(p, lt, receivedAt);
      const each = p.answer.map((rule) => Date.parse(periodEnd(receivedAt, rule.period, lt).dueAt));

      expect(Date.parse(answer.dueAt)).toBe(Math.min(...each));
    }), RUNS);
  });

  it('never throws for valid instants and periods', () => {
    fc.assert(fc.property(instant, anyPeriod, (receivedAt, period) => {
      expect(() => periodEnd(receivedAt, period, lt)).not.toThrow();
    }), RUNS);
  });
});
