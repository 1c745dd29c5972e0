import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tenantRegistry } from '#tenants/registry.ts';
import { buildHolidayData, HOLIDAY_DATA_FILE } from './holiday-data.ts';

/**
 * `npm run generate:holidays`: writes the public holidays of every tenant's country, as computed
 * by the maintained `date-holidays` library, to shared/deadlines/holidays.generated.json.
 * The Lambda bundles ship that file instead of the library (whose rules engine pulls in
 * moment-timezone and astronomia, ~1.4 MB); a unit test fails when the file and the library
 * disagree, so a library update is never silently ignored.
 */
const countries = [...new Set(tenantRegistry.list().map((t) => t.holidayCountry))].sort();
const data = buildHolidayData(countries);
const target = fileURLToPath(new URL(`../${HOLIDAY_DATA_FILE}`, import.meta.url));
await writeFile(target, `${JSON.stringify(data)}\n`);
console.log(`wrote ${HOLIDAY_DATA_FILE}: ${countries.join(', ')} ${data.firstYear}–${data.lastYear} (date-holidays ${data.source})`);
