import { createRequire } from 'node:module';
import Holidays from 'date-holidays';
import type { HolidayData } from '#deadlines/holiday-data.ts';

export const HOLIDAY_DATA_FILE = 'shared/deadlines/holidays.generated.json';
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const MS_PER_DAY = 86_400_000;

/** Public holidays per country and year from date-holidays, in the compact shape calendar.ts reads. */
export function buildHolidayData(countries: readonly string[]): HolidayData {
  const version = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string }).version;
  const data: HolidayData = { source: version, firstYear: FIRST_YEAR, lastYear: LAST_YEAR, countries: {} };
  for (const country of countries) {
    const holidays = new Holidays(country, { types: ['public'] });
    const names: string[] = [];
    const years: Record<string, Array<[string, number]>> = {};
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      const days: Array<[string, number]> = [];
      for (const holiday of holidays.getHolidays(year)) {
        // A rule that lasts part of a day still blocks the whole day; multi-day holidays block each.
        const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
        const first = new Date(`${holiday.date.slice(0, 10)}T00:00:00Z`);
        let index = names.indexOf(holiday.name);
        if (index < 0) index = names.push(holiday.name) - 1;
        for (let offset = 0; offset < span; offset += 1) {
          days.push([new Date(first.getTime() + offset * MS_PER_DAY).toISOString().slice(0, 10), index]);
        }
      }
      years[String(year)] = days;
    }
    data.countries[country] = { names, years };
  }
  return data;
}
