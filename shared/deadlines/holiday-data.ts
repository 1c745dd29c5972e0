import * as z from 'zod/mini';

/**
 * Public holidays as generated from the `date-holidays` library (tools/generate-holidays.ts):
 * per country, the holiday names once, and per year `[YYYY-MM-DD, name index]` pairs.
 */
export const HolidayDataSchema = z.object({
  /** The date-holidays version that produced the data. */
  source: z.string(),
  firstYear: z.int(),
  lastYear: z.int(),
  countries: z.record(
    z.string(),
    z.object({
      names: z.array(z.string()),
      years: z.record(z.string(), z.array(z.tuple([z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), z.int()]))),
    }),
  ),
});
export type HolidayData = z.infer<typeof HolidayDataSchema>;
