import { HolidayDataSchema } from './holiday-data.ts';
import { holidayTableOf, type HolidayTable } from './holiday-year-code.ts';
import generated from './holidays.generated.json' with { type: 'json' };

/**
 * The public holidays (holidays.generated.json), validated in full with `HolidayDataSchema`: a
 * hand-edited or truncated data file fails before any deadline or receipt range is computed.
 *
 * A Lambda bundle holds this module's value, not its code: the deploy's esbuild plugin
 * (infra/build-time-modules.mjs) runs the validation when the bundle is built, so no function
 * loads the holiday schemas, and the table is one `JSON.parse` of a ~9 KB string at init instead of
 * a 25 KB object literal (issue 15: ~1 ms at init, and the ~3 ms header check plus each year's check
 * on the first deadline; the year strings another ~0.7 ms). The local stack and the tests validate
 * here, once per process.
 */
export const HOLIDAY_TABLE: HolidayTable = holidayTableOf(HolidayDataSchema.parse(generated));
