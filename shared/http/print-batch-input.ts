import { ValidationError } from '#domain/errors.ts';
import { MAX_BATCH_ITEMS } from '#usecases/print-batch.ts';
import type { ApiDeps } from './deps.ts';
import { notConfigured } from './staff-api/not-configured.ts';

/** What the print batch routes (console and staff API) read from a request, kept apart so the console bundle takes only this. */
export const PRINT_ITEM_ID_PATTERN = '^[A-Za-z0-9-]{1,64}$';
export const ITEM_ID = new RegExp(PRINT_ITEM_ID_PATTERN);
/** `ids=p1,p2` (or `ids=p1&ids=p2`, as a form sends them): well-formed, at most MAX_BATCH_ITEMS. */
export function batchIdsOf(values: readonly string[]): string[] {
  const ids = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  if (ids.length === 0 || ids.length > MAX_BATCH_ITEMS || !ids.every((id) => ITEM_ID.test(id))) {
    throw new ValidationError(`Give 1 to ${MAX_BATCH_ITEMS} print item ids.`, [{ field: 'ids', message: 'letters, digits and hyphens, comma-separated' }]);
  }
  return ids;
}

export function requireCombiner(deps: ApiDeps) {
  if (!deps.pdfCombiner) throw notConfigured('Joining letters into one PDF');
  return deps.pdfCombiner;
}

