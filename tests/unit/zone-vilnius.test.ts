import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { instantOfWallTime, intlOffsetMs, VILNIUS, VILNIUS_RULE_YEARS, vilniusRuleOffsetMs, zoneOffsetMs } from '#deadlines/zone.ts';

/**
 * The proof behind shared/deadlines/zone.ts: Europe/Vilnius's offset by the EU summer-time rule
 * equals the runtime's tzdata (Node's ICU, `process.versions.tz`) at every hour of the rule's
 * range and at every transition instant and one second either side. If tzdata ever changes
 * Lithuania's rules inside the range (the EU ending summer time, say), this fails and the range
 * or the rule must change with it: deadlines never silently move.
 */

const HOUR = 3_600_000;
const RANGE_START = Date.UTC(VILNIUS_RULE_YEARS.from, 0, 1);
const RANGE_END = Date.UTC(VILNIUS_RULE_YEARS.to + 1, 0, 1);

// An oracle independent of zone.ts's own Intl reading: the offset Intl names ("GMT+03:00").
const named = new Intl.DateTimeFormat('en', { timeZone: VILNIUS, timeZoneName: 'longOffset' });
function tzdataOffsetMs(instant: number): number {
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(named.format(instant));
  if (m === null) throw new Error(`No offset in ${named.format(instant)}`);
  if (m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

describe('Europe/Vilnius offsets by the EU rule', () => {
  it(`equal the runtime's tzdata (${process.versions.tz ?? 'unknown'}) at every hour from ${VILNIUS_RULE_YEARS.from} to ${VILNIUS_RULE_YEARS.to}`, () => {
    const mismatches: string[] = [];
    let hours = 0;
    const seen = new Set<number>();
    for (let t = RANGE_START; t < RANGE_END; t += HOUR) {
      const ruled = vilniusRuleOffsetMs(t);
      seen.add(ruled ?? Number.NaN);
      if (ruled !== tzdataOffsetMs(t)) mismatches.push(`${new Date(t).toISOString()}: rule ${ruled}, tzdata ${tzdataOffsetMs(t)}`);
      hours += 1;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(hours).toBe((RANGE_END - RANGE_START) / HOUR); // 841 536 hours: the whole range, nothing skipped
    expect([...seen].sort((a, b) => a - b)).toEqual([2 * HOUR, 3 * HOUR]);
  }, 120_000);

  it('equal tzdata at every transition instant and 1 s and 1 ms either side, with exactly two transitions a year', () => {
    const transitions: number[] = [];
    for (let t = RANGE_START; t < RANGE_END; t += HOUR) {
      if (tzdataOffsetMs(t) !== tzdataOffsetMs(t - HOUR)) transitions.push(t);
    }
    // The first hour of the range compares with 2003-12-31T23:00Z (outside): no transition there.
    expect(transitions).toHaveLength(2 * (VILNIUS_RULE_YEARS.to - VILNIUS_RULE_YEARS.from + 1));
    for (const t of transitions) {
      const d = new Date(t);
      expect(d.getUTCHours(), d.toISOString()).toBe(1);
      expect(d.getUTCDay(), d.toISOString()).toBe(0);
      for (const delta of [-1000, -1, 0, 1, 1000]) {
        expect(vilniusRuleOffsetMs(t + delta), new Date(t + delta).toISOString()).toBe(tzdataOffsetMs(t + delta));
      }
    }
  }, 120_000);

  it('give the rule only inside the range; outside it Intl answers (1993 summer, 1999–2002 no summer time, 2100)', () => {
    expect(vilniusRuleOffsetMs(RANGE_START - 1)).toBeUndefined();
    expect(vilniusRuleOffsetMs(RANGE_END)).toBeUndefined();
    expect(vilniusRuleOffsetMs(RANGE_START)).toBe(2 * HOUR);
    expect(vilniusRuleOffsetMs(RANGE_END - 1)).toBe(2 * HOUR);
    for (const iso of ['1993-07-01T00:00:00Z', '2001-07-01T00:00:00Z', '2003-12-31T23:59:59Z', '2100-07-01T00:00:00Z', '1900-01-01T00:00:00Z']) {
      const t = Date.parse(iso);
      expect(zoneOffsetMs(t, VILNIUS), iso).toBe(tzdataOffsetMs(t));
    }
    // Lithuania kept UTC+2 all year from 1999 to 2002 (tzdata): the EU rule would be wrong there.
    expect(zoneOffsetMs(Date.parse('2001-07-01T00:00:00Z'), VILNIUS)).toBe(2 * HOUR);
  });
});

describe('other zones (Intl) agree with luxon', () => {
  const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Europe/London', 'Asia/Kathmandu', 'Africa/Casablanca'];
  it('offsets every 13 hours 2019–2031, and the instant of every third local midnight', () => {
    for (const zone of zones) {
      for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2031, 0, 1); t += 13 * HOUR) {
        const expected = DateTime.fromMillis(t, { zone }).offset * 60_000;
        expect(zoneOffsetMs(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(expected);
        expect(intlOffsetMs(t, zone)).toBe(expected);
      }
      for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2031, 0, 1); day += 3 * 24 * HOUR) {
        const d = new Date(day);
        const luxon = DateTime.fromObject({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, { zone }).toMillis();
        expect(instantOfWallTime(day, zone), `${zone} ${d.toISOString().slice(0, 10)}`).toBe(luxon);
      }
    }
  }, 120_000);

  it('a wall time in a skipped hour reads as after the change, a repeated one as the second (winter) time', () => {
    // Vilnius: 2026-03-29 03:00–04:00 local does not exist; 2026-10-25 03:00–04:00 happens twice.
    expect(new Date(instantOfWallTime(Date.UTC(2026, 2, 29, 3, 30), VILNIUS)).toISOString()).toBe(
      DateTime.fromObject({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, { zone: VILNIUS }).toUTC().toISO(),
    );
    expect(new Date(instantOfWallTime(Date.UTC(2026, 2, 29, 3, 30), VILNIUS)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(instantOfWallTime(Date.UTC(2026, 9, 25, 3, 30), VILNIUS)).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
});
