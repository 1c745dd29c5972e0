import { describe, expect, it } from 'vitest';
import { openCase } from '#domain/open-case.ts';
import type { Art15Info } from '#domain/tenant-policy.ts';
import { renderNotice } from '#templates/notices.ts';
import { art15Of } from '#tenants/art15.ts';
import { ART15_CONFIGS } from '#tenants/art15-list.ts';
import { ART15_SHEETS } from '#tenants/art15-seeds.ts';
import { validateArt15Sheets } from '#tenants/art15-validation.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { TENANT_CONFIGS } from '#tenants/seed-list.ts';
import { SEED_TENANTS } from '#tenants/seeds.ts';
import { TenantConfigurationError } from '#tenants/tenant-index.ts';

const SEED_IDS = TENANT_CONFIGS.map((tenant) => tenant.id);

// The Art. 15 information is its own dataset (issue 15: only answers use it, so the tenants'
// value that every function parses at init does not carry it); these tests keep it one sheet per
// tenant and show the answers still carry it.
describe('the Art. 15 sheets (shared/tenants/art15-seeds.ts)', () => {
  it('are one validated sheet per seed tenant, in the tenants’ order, and the tenants no longer carry them', () => {
    expect(Object.keys(ART15_SHEETS)).toEqual(SEED_IDS);
    expect(ART15_SHEETS).toEqual(validateArt15Sheets(ART15_CONFIGS, SEED_IDS));
    for (const tenant of SEED_TENANTS) expect(tenant).not.toHaveProperty('art15');
  });

  it('refuse a seed tenant without a sheet, a sheet without a tenant, and an invalid sheet, naming the tenant', () => {
    const withoutGautora = Object.fromEntries(Object.entries(ART15_CONFIGS).filter(([id]) => id !== 'gautora'));
    expect(() => validateArt15Sheets(withoutGautora, SEED_IDS)).toThrow(TenantConfigurationError);
    expect(() => validateArt15Sheets(withoutGautora, SEED_IDS)).toThrow(/No Art\. 15 information for tenant "gautora"/);
    expect(() => validateArt15Sheets({ ...ART15_CONFIGS, gone: ART15_CONFIGS.softera! }, SEED_IDS)).toThrow(/Art\. 15 information for "gone", which is no tenant/);
    const invalid = { ...ART15_CONFIGS.bajtel!, purposes: [] } satisfies Art15Info;
    expect(() => validateArt15Sheets({ ...ART15_CONFIGS, bajtel: invalid }, SEED_IDS)).toThrow(/Tenant "bajtel" has invalid Art\. 15 information: purposes/);
  });

  it('art15Of hands out a tenant’s sheet frozen, and refuses a tenant without one', () => {
    const gautora = art15Of('gautora');
    expect(gautora).toEqual(ART15_SHEETS.gautora);
    expect(gautora.recipientsWindow).toEqual({ months: 12, source: '003 §13.1' });
    expect(Object.isFrozen(gautora.purposes[0]!.purpose)).toBe(true);
    expect(() => art15Of('nosuch')).toThrow(/No Art\. 15 information for tenant "nosuch"/);
    // A valid tenant id that is also a key of Object.prototype.
    expect(() => art15Of('constructor')).toThrow(TenantConfigurationError);
  });

  it.each(SEED_IDS.flatMap((id) => (['lt', 'en'] as const).map((language) => [id, language] as const)))('an access answer of %s (%s) carries every Art. 15 purpose of its controller and none of another\'s', (tenantId, language) => {
    const tenant = tenantRegistry.get(tenantId);
    const c = openCase({
      tenant,
      id: 'c1',
      referenceNumber: 7,
      channel: 'email',
      receivedAt: new Date('2026-12-10T10:00:00Z'),
      request: { rights: [{ type: 'access' }], subject: { name: 'Ona Žemaitė', email: 'ona@example.lt' }, language },
      actor: { kind: 'subject', id: 'ona@example.lt' },
      earlierRequests: [],
      now: new Date('2026-12-10T10:00:00Z'),
    }).case;
    const { text } = renderNotice(tenant, c, { kind: 'answer', body: 'See below.' });
    const { purposes } = art15Of(tenantId);
    for (const p of purposes) {
      expect(text).toContain(p.purpose[language]);
      expect(text).toContain(p.legalBasis[language]);
    }
    // And no other controller's: a mix-up of sheets would tell a subject someone else's processing.
    const own = new Set(purposes.map((p) => p.purpose[language]));
    const others = SEED_IDS.filter((id) => id !== tenantId).flatMap((id) => art15Of(id).purposes.map((p) => p.purpose[language]))
      // Distinctive ones only: short purposes ("Direct marketing") recur in every controller's wording.
      .filter((purpose) => purpose.length >= 40 && !own.has(purpose));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((purpose) => text.includes(purpose))).toEqual([]);
  });
});
