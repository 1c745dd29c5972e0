import { describe, expect, it } from 'vitest';
import { validateRetentionRules } from '#domain/retention.ts';
import { RETENTION_CONFIGS } from '#tenants/retention-list.ts';
import { CASE_RETENTION } from '#tenants/retention-rules.ts';
import { retentionRuleFor } from '#tenants/retention.ts';

// The rules as validated (in a Lambda bundle: when it was built, infra/build-time-modules.mjs)
// must be exactly what validating the written rules now gives.
describe('the tenants’ retention rules (shared/tenants/retention-rules.ts)', () => {
  it('are the written rules validated with retentionRuleSchema', () => {
    expect(CASE_RETENTION).toEqual(validateRetentionRules(RETENTION_CONFIGS));
    expect(Object.keys(CASE_RETENTION)).toEqual(['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra']);
    expect(retentionRuleFor('gautora')).toBe(CASE_RETENTION.gautora);
    expect(() => retentionRuleFor('nosuch')).toThrow(/No retention rule/);
  });

  it('validateRetentionRules refuses a rule out of bounds, naming the tenant and the field', () => {
    const bajtel = RETENTION_CONFIGS.bajtel!;
    expect(() => validateRetentionRules({ ...RETENTION_CONFIGS, bajtel: { ...bajtel, period: { unit: 'years', amount: 0 } } })).toThrow(/bajtel[\s\S]*amount/);
    expect(() => validateRetentionRules({ bajtel: { ...bajtel, reason: 'short' } })).toThrow(/reason/);
    expect(() => validateRetentionRules({ bajtel: { ...bajtel, period: { unit: 'weeks', amount: 2 } } as never })).toThrow(/unit/);
  });
});
