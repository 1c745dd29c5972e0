import * as z from 'zod/mini';

// Each schema is built on first use (z.lazy): the header with the first deadline, each year's
// pairs with that year, the whole file's only in the unit tests.

/** One year of one country: `[YYYY-MM-DD, name index]` pairs. */
export const HolidayYearSchema = z.lazy(() => z.array(z.tuple([z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), z.int()])));

/**
 * The file without its years' pairs: what calendar.ts checks on first use, while each year is
 * checked with `HolidayYearSchema` when first used (a full parse of 101 years was ~10 ms of every
 * cold start; the unit tests parse the whole file with `HolidayDataSchema`).
 */
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
