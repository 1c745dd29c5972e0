import { ZodMiniNumber, ZodMiniStringFormat, type ZodMiniISODateTime as IsoDateTimeSchema } from 'zod/mini';
import { $constructor, $ZodISODateTime, _coercedNumber, _isoDateTime, type $ZodISODateTimeParams } from 'zod/v4/core';

/**
 * The few zod/mini helpers that `z.` reaches through a named re-export of zod's index (`z.iso`,
 * `z.coerce`, `z.config`, `z.globalRegistry`), taken from zod's core instead, for code a Lambda
 * loads at init (issue 15).
 *
 * Why: zod's index (`zod/v4/mini/external.js`) also re-exports `toJSONSchema`. Once init code uses
 * one of its named re-exports, esbuild's code splitting counts the index as loaded at init, and
 * with it every module it imports that any chunk uses: the JSON Schema generator (~20 KB, only the
 * lazily built OpenAPI documents call it) landed in the API's init chunk. Reached through
 * `export *` chains (`z.string`, `z.object`, …, and zod's core below), the index is not loaded and
 * the generator stays in the documents' chunk (tests/unit/bundle-init-contents.test.ts).
 *
 * Each helper builds the very schema zod's own builds (tests/unit/zod-core.test.ts compares them).
 * Example: `receivedAt: isoDateTime({ offset: true })` for `z.iso.datetime({ offset: true })`.
 */

export { config as configureZod, globalRegistry } from 'zod/v4/core';

/** zod/mini's `ZodMiniISODateTime` (zod/v4/mini/iso.js): the same traits, so `instanceof` and the JSON Schema agree. */
const ZodMiniISODateTime = $constructor<IsoDateTimeSchema>('ZodMiniISODateTime', (inst, def) => {
  $ZodISODateTime.init(inst, def);
  ZodMiniStringFormat.init(inst, def);
});

/** `z.iso.datetime(params)`. */
export function isoDateTime(params?: string | $ZodISODateTimeParams): IsoDateTimeSchema {
  return _isoDateTime(ZodMiniISODateTime, params);
}

/** `z.coerce.number()`: `Number(input)`, then a number's checks. */
export function coercedNumber(): ZodMiniNumber<unknown> {
  // zod types `z.coerce.number()` with input `unknown`; the class's own parameter is `number`.
  return _coercedNumber(ZodMiniNumber) as ZodMiniNumber<unknown>;
}
