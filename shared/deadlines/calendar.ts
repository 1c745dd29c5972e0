import { DAY_MS, isoWeekday, localDateOfWallMs, wallMsOfLocalDate } from './civil-date.ts';
import { HOLIDAY_TABLE } from './holiday-table.ts';
import { decodeHolidayYear } from './holiday-year-code.ts';
import type { LocalDate } from './period.ts';
import { instantOfWallTime, isValidTimeZone, zoneOffsetMs } from './zone.ts';

// Validated in full before use (holiday-table.ts: when the Lambda bundle is built, else on load).
const holidays = () => HOLIDAY_TABLE;

/**
 * The receipt instants the engine can count from: holidays must be known for the receipt year and
 * the years its longest period (an extension) reaches into, so the last year is left out. Every
 * date that comes from outside (an API query, a forwarded mail's header) is checked against this
 * before it reaches the engine, which throws RangeError beyond it.
 */
export const RECEIPT_RANGE: { readonly from: string; readonly to: string } = {
  get from() {
    return `${holidays().firstYear}-01-01T00:00:00.000Z`;
  },
  get to() {
    return `${holidays().lastYear - 1}-01-01T00:00:00.000Z`;
  },
};

export function isReceiptInRange(instant: Date): boolean {
  const t = instant.getTime();
  return Number.isFinite(t) && t >= Date.parse(RECEIPT_RANGE.from) && t < Date.parse(RECEIPT_RANGE.to);
}

/**
 * The controller's working calendar: its time zone and its country's public holidays
 * (Regulation 1182/71 Art. 2(1): the holidays of the Member State where the act is done).
 * Saturdays and Sundays are never working days (Art. 3(4)).
 */
export interface HolidayCalendar {
  readonly timeZone: string;
  readonly country: string;
  isPublicHoliday(date: LocalDate): boolean;
  isWorkingDay(date: LocalDate): boolean;
  /** The holiday's name in the country's language, or `null` on an ordinary day. */
  holidayName(date: LocalDate): string | null;
}

/**
 * Parses a `YYYY-MM-DD` local date strictly, to its midnight as wall ms (civil-date.ts): plain
 * calendar days, free of DST-shortened days.
 *
 * @example isoWeekday(parseLocalDate('2028-02-29')) // 2 (Tuesday)
 */
export function parseLocalDate(date: LocalDate): number {
  const parsed = typeof date === 'string' ? wallMsOfLocalDate(date) : undefined;
  if (parsed === undefined) {
    throw new RangeError(`Not a calendar date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return parsed;
}

/** Formats a calendar day produced by `parseLocalDate` arithmetic back to `YYYY-MM-DD`. */
export function formatLocalDate(day: number): LocalDate {
  return localDateOfWallMs(day);
}

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`Unknown IANA time zone: ${JSON.stringify(timeZone)}`);
  }
}

function assertInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} must be a valid Date, got ${String(instant)}`);
  }
}

/**
 * The local calendar date of an instant in `timeZone`. Receipt instants must go through this
 * before any counting: 23:30Z on 31 January is already 1 February in Vilnius.
 *
 * @example localDateOf(new Date('2027-01-31T22:30:00Z'), 'Europe/Vilnius') // '2027-02-01'
 */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  assertInstant(instant, 'instant');
  assertTimeZone(timeZone);
  const t = instant.getTime();
  return localDateOfWallMs(t + zoneOffsetMs(t, timeZone));
}

/**
 * The UTC instant of 23:59:59.999 local time on `date` — our representation of "the expiry
 * of the last hour of the day" (1182/71 Art. 3(2)(b)): 1 ms before the next local midnight,
 * placed by the zone's rules for that very day, so it carries +02:00 in winter and +03:00 in
 * summer for Vilnius.
 *
 * @example endOfLocalDay('2026-07-06', 'Europe/Vilnius') // '2026-07-06T20:59:59.999Z'
 */
export function endOfLocalDay(date: LocalDate, timeZone: string): string {
  assertTimeZone(timeZone);
  const day = parseLocalDate(date);
  const end = instantOfWallTime(day + DAY_MS, timeZone) - 1;
  if (!Number.isFinite(end)) throw new RangeError(`Cannot place ${date} in ${timeZone}`);
  return new Date(end).toISOString();
}

/** Holiday names by local date for one year; built once per calendar and year. */
type YearHolidays = ReadonlyMap<LocalDate, string>;

function loadYear(country: string, year: number): YearHolidays {
  const HOLIDAYS = holidays();
  const data = HOLIDAYS.countries[country];
  if (data === undefined) throw new RangeError(`No public-holiday data for country ${JSON.stringify(country)}`);
  if (year < HOLIDAYS.firstYear || year > HOLIDAYS.lastYear) {
    throw new RangeError(`Public holidays are known for ${HOLIDAYS.firstYear}–${HOLIDAYS.lastYear}, not ${year} (regenerate: npm run generate:holidays)`);
  }
  const byDate = new Map<LocalDate, string>();
  for (const [date, nameIndex] of decodeHolidayYear(year, data.years[String(year)] ?? '')) {
    const name = data.names[nameIndex] ?? 'public holiday';
    const known = byDate.get(date);
    byDate.set(date, known === undefined ? name : `${known} / ${name}`);
  }
  return byDate;
}

const calendars = new Map<string, HolidayCalendar>();

/**
 * The working calendar of `country` (ISO 3166-1 alpha-2) in `timeZone`, memoised per pair.
 * Only holidays of type `public` stop the clock (bank or observance days do not).
 *
 * @example holidayCalendar('LT', 'Europe/Vilnius').isWorkingDay('2026-04-06') // false (Easter Monday)
 */
export function holidayCalendar(country: string, timeZone: string): HolidayCalendar {
  const key = `${country}|${timeZone}`;
  const cached = calendars.get(key);
  if (cached !== undefined) return cached;

  assertTimeZone(timeZone);
  const HOLIDAYS = holidays();
  if (!/^[A-Z]{2}$/.test(country) || HOLIDAYS.countries[country] === undefined) {
    throw new RangeError(`No public-holiday data for country ${JSON.stringify(country)} (add a tenant and run npm run generate:holidays)`);
  }
  const years = new Map<number, YearHolidays>();

  const yearOf = (year: number): YearHolidays => {
    let loaded = years.get(year);
    if (loaded === undefined) {
      loaded = loadYear(country, year);
      years.set(year, loaded);
    }
    return loaded;
  };
  // A multi-day holiday starting late in December is filed under the year it starts in.
  const namesOn = (date: LocalDate): string | null => {
    const year = new Date(parseLocalDate(date)).getUTCFullYear();
    return yearOf(year).get(date) ?? (year > HOLIDAYS.firstYear ? yearOf(year - 1).get(date) : undefined) ?? null;
  };

  const calendar: HolidayCalendar = {
    timeZone,
    country,
    isPublicHoliday: (date) => namesOn(date) !== null,
    isWorkingDay: (date) => isoWeekday(parseLocalDate(date)) <= 5 && namesOn(date) === null,
    holidayName: namesOn,
  };
  calendars.set(key, calendar);
  return calendar;
}
