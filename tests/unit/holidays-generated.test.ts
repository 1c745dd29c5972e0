import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { HolidayDataSchema } from '#deadlines/holiday-data.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { buildHolidayData, HOLIDAY_DATA_FILE } from '../../tools/holiday-data.ts';

describe('holidays.generated.json', () => {
  it('matches what the installed date-holidays library computes for every tenant country (else: npm run generate:holidays)', () => {
    const countries = [...new Set(tenantRegistry.list().map((t) => t.holidayCountry))].sort();
    const committed: unknown = JSON.parse(readFileSync(HOLIDAY_DATA_FILE, 'utf8'));
    expect(committed).toEqual(buildHolidayData(countries));
  });

  it('is valid in full (holiday-table.ts validates it when a bundle is built, or on load)', () => {
    const committed: unknown = JSON.parse(readFileSync(HOLIDAY_DATA_FILE, 'utf8'));
    const parsed = HolidayDataSchema.safeParse(committed);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data?.countries.LT?.years['2026']?.length).toBeGreaterThan(10);
  });

  it('knows Lithuanian holidays incl. Easter Monday, 24 Dec and 2 Nov, and refuses years it has no data for', () => {
    const lt = holidayCalendar('LT', 'Europe/Vilnius');
    expect(lt.holidayName('2027-03-29')).toBe('Velykų pirmadienis');
    expect(lt.isPublicHoliday('2026-12-24')).toBe(true);
    expect(lt.isPublicHoliday('2026-11-02')).toBe(true);
    expect(lt.isWorkingDay('2026-11-03')).toBe(true);
    expect(() => lt.isWorkingDay('2101-01-03')).toThrow(RangeError);
  });
});
