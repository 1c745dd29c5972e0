import { describe, expect, it } from 'vitest';
import generated from '#deadlines/holidays.generated.json' with { type: 'json' };
import { HOLIDAY_TABLE } from '#deadlines/holiday-table.ts';
import { decodeHolidayYear, encodeHolidayYear, holidayTableOf } from '#deadlines/holiday-year-code.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';

describe('holiday year code (shared/deadlines/holiday-year-code.ts)', () => {
  it('every year of every country decodes to exactly the generated [date, name index] pairs', () => {
    let years = 0;
    for (const [country, { years: byYear }] of Object.entries(generated.countries)) {
      for (const [year, entries] of Object.entries(byYear)) {
        const code = HOLIDAY_TABLE.countries[country]!.years[year]!;
        expect(decodeHolidayYear(Number(year), code), `${country} ${year}`).toEqual(entries);
        years++;
      }
    }
    expect(years).toBe(generated.lastYear - generated.firstYear + 1);
    expect(HOLIDAY_TABLE.countries.LT!.names).toEqual(generated.countries.LT.names);
  });

  it('is a third of the pairs in size (what each Lambda bundle parses at init)', () => {
    expect(JSON.stringify(HOLIDAY_TABLE).length).toBeLessThan(JSON.stringify(generated).length / 2.5);
    expect(encodeHolidayYear(2026, [['2026-01-01', 0], ['2026-02-16', 1], ['2026-12-31', 13]])).toBe('00000' + '04601' + '36413');
  });

  it('holds a holiday that ends in the next year under the year it starts in, and leap days', () => {
    const code = encodeHolidayYear(2028, [['2028-02-29', 2], ['2029-01-01', 3]]);
    expect(decodeHolidayYear(2028, code)).toEqual([['2028-02-29', 2], ['2029-01-01', 3]]);
  });

  it('refuses what the code cannot hold, so a regenerated table that outgrows it fails the build', () => {
    expect(() => encodeHolidayYear(2026, [['2025-12-31', 0]])).toThrow(RangeError);
    expect(() => encodeHolidayYear(2026, [['2027-02-05', 0]])).toThrow(RangeError);
    expect(() => encodeHolidayYear(2026, [['2026-05-01', 100]])).toThrow(RangeError);
    expect(() => encodeHolidayYear(2026, [['2026-5-1', 1]])).toThrow(RangeError);
    expect(() => holidayTableOf({ ...generated, countries: { LT: { names: ['x'], years: { '2026': [['2026-05-01', -1]] } } } })).toThrow(RangeError);
    expect(() => decodeHolidayYear(2026, '0001')).toThrow(RangeError);
    expect(() => decodeHolidayYear(2026, '0000a')).toThrow(RangeError);
  });

  it('the calendar reads the decoded years: Easter Monday and Christmas Eve, named in Lithuanian', () => {
    const lt = holidayCalendar('LT', 'Europe/Vilnius');
    expect(lt.holidayName('2026-04-06')).toBe('Velykų pirmadienis');
    expect(lt.holidayName('2026-12-24')).toBe('Šv. Kūčios');
    expect(lt.isWorkingDay('2026-12-23')).toBe(true);
  });
});
