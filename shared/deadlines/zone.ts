/**
 * The one home of time-zone offsets: how far a zone's wall clock is ahead of UTC at an instant,
 * and which instant a wall-clock time in a zone is. Every deadline, local date and local year in
 * the product goes through here (docs/deadlines.md, "Time zones").
 *
 * Europe/Vilnius, every controller's zone, is computed from the EU summer-time rule (Directive
 * 2000/84/EC: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October; Lithuania: UTC+2, UTC+3 in summer) for the instants of `VILNIUS_RULE_YEARS`. Why not
 * `Intl`: the first time-zoned `Intl.DateTimeFormat` in a process costs ~22 ms (ICU's locale data
 * loaded on first use), paid by the first request of every cold Lambda that counts a deadline.
 * tests/unit/zone-vilnius.test.ts proves the rule equal to the runtime's tzdata for every hour
 * and every transition instant (±1 s) of the range, so a change of the law in tzdata (e.g. the EU
 * ending summer time) fails CI instead of silently moving a deadline. Any other zone, and
 * Vilnius outside the range, asks `Intl` (memoised formatter per zone).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const VILNIUS = 'Europe/Vilnius';

/** UTC years (of the instant) whose Vilnius offsets come from the EU rule; proven by the sweep. */
export const VILNIUS_RULE_YEARS = { from: 2004, to: 2099 } as const;

/** 01:00 UTC on the last Sunday of `month` (1–12) of `year`: when EU summer time starts or ends. */
function lastSundayOneAmUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0); // day 0 of the next month: this month's last day
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
}

/** Vilnius's offset in ms by the EU rule, or `undefined` outside `VILNIUS_RULE_YEARS`. */
export function vilniusRuleOffsetMs(instant: number): number | undefined {
  const year = new Date(instant).getUTCFullYear();
  if (!(year >= VILNIUS_RULE_YEARS.from && year <= VILNIUS_RULE_YEARS.to)) return undefined;
  const summer = instant >= lastSundayOneAmUtc(year, 3) && instant < lastSundayOneAmUtc(year, 10);
  return (summer ? 3 : 2) * HOUR_MS;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The zone's offset at `instant` as the runtime's tzdata has it (what luxon did for every zone). */
export function intlOffsetMs(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatFor(timeZone).formatToParts(instant)) {
    if (part.type === 'era') bc = /^B/i.test(part.value);
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (fields.year ?? 0) : (fields.year ?? 0);
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  wall.setUTCFullYear(year, (fields.month ?? 1) - 1, fields.day ?? 1);
  wall.setUTCHours((fields.hour ?? 0) % 24, fields.minute ?? 0, fields.second ?? 0, 0);
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return wall.getTime() - wholeSecond;
}

/**
 * How far `timeZone`'s wall clock is ahead of UTC at `instant` (ms since the epoch), in ms:
 * 7 200 000 for Vilnius in winter, 10 800 000 in summer.
 *
 * @example zoneOffsetMs(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Vilnius') // 10_800_000
 */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  if (timeZone === VILNIUS) {
    const ruled = vilniusRuleOffsetMs(instant);
    if (ruled !== undefined) return ruled;
  }
  if (timeZone === 'UTC') return 0;
  return intlOffsetMs(instant, timeZone);
}

const validity = new Map<string, boolean>([[VILNIUS, true], ['UTC', true]]);

/** Whether the runtime knows `timeZone` as an IANA zone (asked of `Intl` once per name). */
export function isValidTimeZone(timeZone: string): boolean {
  let valid = validity.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
      valid = true;
    } catch {
      valid = false;
    }
    validity.set(timeZone, valid);
  }
  return valid;
}

/**
 * The instant at which `timeZone`'s wall clock shows `wallMs` (a wall-clock time written as if it
 * were UTC, e.g. `Date.UTC(2026, 6, 6, 23, 59)`). The same three-step search as luxon's (so the
 * instants are luxon's to the millisecond): start from `guessOffsetMs` (the offset the wall time
 * came from, when it was computed from an instant; else the offset at `wallMs` itself), correct
 * once, and in a skipped hour take the later reading. Vilnius's midnights are never skipped or
 * repeated (its clocks change at 03:00 and 04:00), so there every wall time has one instant.
 *
 * @example instantOfWallTime(Date.UTC(2026, 6, 6), 'Europe/Vilnius') // Date.parse('2026-07-05T21:00:00Z')
 */
export function instantOfWallTime(wallMs: number, timeZone: string, guessOffsetMs = zoneOffsetMs(wallMs, timeZone)): number {
  let utc = wallMs - guessOffsetMs;
  const o2 = zoneOffsetMs(utc, timeZone);
  if (o2 === guessOffsetMs) return utc;
  utc -= o2 - guessOffsetMs;
  const o3 = zoneOffsetMs(utc, timeZone);
  if (o2 === o3) return utc;
  return wallMs - Math.min(o2, o3);
}
