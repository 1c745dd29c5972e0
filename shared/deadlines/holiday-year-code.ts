import { DAY_MS, localDateOfWallMs, wallMsOf, wallMsOfLocalDate } from './civil-date.ts';
import type { HolidayData } from './holiday-data.ts';
import type { LocalDate } from './period.ts';

/** One holiday of a year: its date and the index of its name in the country's names. */
export type HolidayEntry = readonly [date: LocalDate, nameIndex: number];

// Each holiday as five digits: its day of the year counted from 1 January (000–399, so a holiday
// filed under the year it starts in may end in the next) and its name index (00–99). A year is
// ~70 characters instead of ~240 as `[date, index]` pairs: the Lambda bundles hold 101 years of
// them, parsed at every cold start (issue 15: 25 → 9 KB, ~0.7 ms less init, 1 313 fewer arrays).
const WIDTH = 5;

/**
 * A year's holidays as one string (holiday-table.ts, when a bundle is built).
 * Example: `encodeHolidayYear(2026, [['2026-01-01', 0], ['2026-02-16', 1]])` → `'00000' + '04601'`.
 */
export function encodeHolidayYear(year: number, entries: readonly HolidayEntry[]): string {
  const start = januaryFirst(year);
  return entries
    .map(([date, nameIndex]) => {
      const day = wallMsOfLocalDate(date);
      const offset = day === undefined ? -1 : Math.round((day - start) / DAY_MS);
      if (offset < 0 || offset > 399 || !Number.isInteger(nameIndex) || nameIndex < 0 || nameIndex > 99) {
        throw new RangeError(`Holiday ${JSON.stringify(date)} (name ${nameIndex}) cannot be filed under ${year}`);
      }
      return String(offset).padStart(3, '0') + String(nameIndex).padStart(2, '0');
    })
    .join('');
}

/** The holidays `encodeHolidayYear` wrote for `year`, in order. */
export function decodeHolidayYear(year: number, code: string): HolidayEntry[] {
  if (code.length % WIDTH !== 0 || !/^\d*$/.test(code)) throw new RangeError(`Not a holiday year code: ${JSON.stringify(code)}`);
  const start = januaryFirst(year);
  const entries: HolidayEntry[] = [];
  for (let i = 0; i < code.length; i += WIDTH) {
    entries.push([localDateOfWallMs(start + Number(code.slice(i, i + 3)) * DAY_MS), Number(code.slice(i + 3, i + WIDTH))]);
  }
  return entries;
}

const januaryFirst = (year: number): number => wallMsOf(year, 1, 1);

/** The holiday data with each year as one string (holiday-year-code.ts), decoded per year on first use. */
export interface HolidayTable {
  readonly source: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly countries: Readonly<Record<string, { readonly names: readonly string[]; readonly years: Readonly<Record<string, string>> }>>;
}

/** `data`'s years encoded; throws on a date or name index the code cannot hold. */
export function holidayTableOf(data: HolidayData): HolidayTable {
  const countries = Object.fromEntries(
    Object.entries(data.countries).map(([country, { names, years }]) => [
      country,
      { names, years: Object.fromEntries(Object.entries(years).map(([year, entries]) => [year, encodeHolidayYear(Number(year), entries)])) },
    ]),
  );
  return { source: data.source, firstYear: data.firstYear, lastYear: data.lastYear, countries };
}
