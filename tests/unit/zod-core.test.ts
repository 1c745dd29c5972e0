import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { coercedNumber, configureZod, globalRegistry, isoDateTime } from '#domain/zod-core.ts';

/** shared/domain/zod-core.ts builds zod/mini's own schemas without zod's index (issue 15): the same answers, issues and JSON Schema. */
describe('zod-core: the same schemas as z.iso / z.coerce / z.config / z.globalRegistry', () => {
  const same = (ours: z.ZodMiniType, zods: z.ZodMiniType, inputs: readonly unknown[]) => {
    for (const input of inputs) expect(JSON.stringify(ours.safeParse(input)), JSON.stringify(input)).toBe(JSON.stringify(zods.safeParse(input)));
    expect(z.toJSONSchema(ours)).toEqual(z.toJSONSchema(zods));
  };

  it('isoDateTime is z.iso.datetime (offset and not, precision), down to its issues and its published pattern', () => {
    const inputs = ['2026-12-06T01:00:00Z', '2026-12-06T01:00:00.123+02:00', '2026-12-06T01:00:00', '2026-02-29T00:00:00Z', '2028-02-29T00:00:00Z', '2026-12-06', 'x', '', 5, null, undefined];
    same(isoDateTime({ offset: true }), z.iso.datetime({ offset: true }), inputs);
    same(isoDateTime(), z.iso.datetime(), inputs);
    same(isoDateTime({ precision: 3, local: true }), z.iso.datetime({ precision: 3, local: true }), inputs);
    const ours = isoDateTime({ offset: true });
    expect(ours).toBeInstanceOf(z.iso.ZodMiniISODateTime);
    expect(ours).toBeInstanceOf(z.ZodMiniStringFormat);
    expect(ours.safeParse('2026-12-06').success).toBe(false);
  });

  it('coercedNumber is z.coerce.number, alone and with checks and a default', () => {
    const inputs = ['5', '5.5', ' 7 ', 'x', '', '1e3', undefined, null, 3, true];
    same(coercedNumber(), z.coerce.number(), inputs);
    same(coercedNumber().check(z.int(), z.positive(), z.maximum(100)), z.coerce.number().check(z.int(), z.positive(), z.maximum(100)), inputs);
    same(z._default(coercedNumber().check(z.int()), 25), z._default(z.coerce.number().check(z.int()), 25), inputs);
  });

  it('configureZod and globalRegistry are zod’s own', () => {
    expect(configureZod).toBe(z.config);
    expect(globalRegistry).toBe(z.globalRegistry);
  });
});
