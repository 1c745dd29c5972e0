import * as z from 'zod/mini';

// Each schema is built on first use (z.lazy). The data file is validated in full with
// `HolidayDataSchema` (holiday-table.ts: when a Lambda bundle is built, else when loaded); the
// header and year schemas serve the luxon oracle's frozen copy of the earlier calendar
// (tests/support/luxon-oracle), which checked each part on first use.

/** One year of one country: `[YYYY-MM-DD, name index]` pairs. */
export const HolidayYearSchema = z.lazy(() => z.array(z.tuple([z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), z.int()])));

/** The file without its years' pairs. */
export const HolidayHeaderSchema = z.lazy(() => z.object({
  /** The date-holidays version that produced the data. */
  source: z.string(),
  firstYear: z.int(),
  lastYear: z.int(),
  countries: z.record(z.string(), z.object({ names: z.array(z.string()), years: z.record(z.string(), z.unknown()) })),
}));

/**
 * Public holidays as generated from the `date-holidays` library (tools/generate-holidays.ts):
 * per country, the holiday names once, and per year `[YYYY-MM-DD, name index]` pairs.
 */
export const HolidayDataSchema = z.lazy(() => z.object({
  source: z.string(),
  firstYear: z.int(),
  lastYear: z.int(),
  countries: z.record(z.string(), z.object({ names: z.array(z.string()), years: z.record(z.string(), HolidayYearSchema) })),
}));
export type HolidayData = z.infer<typeof HolidayDataSchema>;
