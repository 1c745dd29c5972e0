import { describe, expect, it } from 'vitest';
import { UnknownTenantError } from '#domain/errors.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { bajtelTenant } from '#tenants/bajtel.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { TENANT_CONFIGS } from '#tenants/seed-list.ts';
import { SEED_TENANTS } from '#tenants/seeds.ts';
import { softeraTenant } from '#tenants/softera.ts';
import { indexTenants, TenantConfigurationError } from '#tenants/tenant-index.ts';
import { createTenantRegistry, validateTenants } from '#tenants/validation.ts';

/** A copy of a seed tenant with some fields replaced (possibly invalid ones). */
const withChanges = (tenant: TenantConfig, changes: Record<string, unknown>): TenantConfig => ({ ...structuredClone(tenant), ...changes }) as TenantConfig;

// The module's registry serves the seeds as validated (in a Lambda bundle: when it was built,
// infra/build-time-modules.mjs); it must answer exactly as a registry that validates them now.
describe('the seed tenants (shared/tenants/seeds.ts) and their registry', () => {
  it('are the seed list validated with TenantSchema, in order', () => {
    const validatedNow = createTenantRegistry(TENANT_CONFIGS).list();
    expect(SEED_TENANTS).toEqual(validatedNow);
    expect(SEED_TENANTS.map((t) => t.id)).toEqual(['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra']);
    expect(SEED_TENANTS[0]).not.toBe(softeraTenant); // zod's output, not the source object
  });

  it('the module registry answers like a registry built now, and hands out frozen configuration', () => {
    const eager = createTenantRegistry(TENANT_CONFIGS);
    expect(tenantRegistry.list()).toEqual(eager.list());
    for (const tenant of eager.list()) {
      expect(tenantRegistry.get(tenant.id)).toEqual(tenant);
      expect(tenantRegistry.findByMailbox(` <${tenant.mailbox.toUpperCase()}> `)?.id).toBe(tenant.id);
    }
    const softera = tenantRegistry.get('softera');
    expect(Object.isFrozen(softera.deadlines.answer)).toBe(true);
    expect(tenantRegistry.find('softera')).toBe(softera);
    expect(() => tenantRegistry.get('nosuch')).toThrow(UnknownTenantError);
    expect(tenantRegistry.find('nosuch')).toBeUndefined();
    expect(tenantRegistry.findByMailbox('nobody@example.lt')).toBeUndefined();
  });

  it('validateTenants refuses an invalid tenant, naming it, and clashes between tenants', () => {
    expect(() => validateTenants([withChanges(softeraTenant, { mailbox: 'not an address' }), bajtelTenant])).toThrow(/Tenant "softera" .*mailbox/);
    expect(() => validateTenants([withChanges(softeraTenant, { mailbox: 42 })])).toThrow(TenantConfigurationError);
    expect(() => validateTenants([bajtelTenant, withChanges(bajtelTenant, { mailbox: 'other@eleme.lt', referencePrefix: 'BAX' })])).toThrow(/same id "bajtel"/);
  });

  it('indexTenants (the registry over validated tenants) refuses shared mailboxes and prefixes', () => {
    const [bajtel] = validateTenants([bajtelTenant]);
    const clone = (changes: Record<string, unknown>) => validateTenants([withChanges(bajtelTenant, changes)])[0]!;
    expect(() => indexTenants([bajtel!, clone({ id: 'bajtel2', referencePrefix: 'BAX', mailbox: bajtelTenant.mailbox.toUpperCase() })])).toThrow(/same mailbox/);
    expect(() => indexTenants([bajtel!, clone({ id: 'bajtel2', mailbox: 'other@eleme.lt' })])).toThrow(/same reference prefix/);
  });
});
