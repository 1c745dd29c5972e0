import { describe, expect, it } from 'vitest';
import { UnknownTenantError } from '#domain/errors.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { bajtelTenant } from '#tenants/bajtel.ts';
import { createLazyTenantRegistry, createTenantRegistry, TENANT_CONFIGS, TenantConfigurationError } from '#tenants/registry.ts';
import { softeraTenant } from '#tenants/softera.ts';

/** A copy of a seed tenant with some fields replaced (possibly invalid ones). */
const withChanges = (tenant: TenantConfig, changes: Record<string, unknown>): TenantConfig => ({ ...structuredClone(tenant), ...changes }) as TenantConfig;

// The module's registry validates each tenant on first use (cold starts, issue 15); it must
// answer exactly as the eager registry does, and refuse the same broken configurations.
describe('createLazyTenantRegistry', () => {
  it('answers like the eager registry for every seed tenant', () => {
    const lazy = createLazyTenantRegistry(TENANT_CONFIGS);
    const eager = createTenantRegistry(TENANT_CONFIGS);

    expect(lazy.list()).toEqual(eager.list());
    for (const tenant of eager.list()) {
      expect(lazy.get(tenant.id)).toEqual(tenant);
      expect(lazy.findByMailbox(` <${tenant.mailbox.toUpperCase()}> `)?.id).toBe(tenant.id);
    }
    expect(() => lazy.get('nosuch')).toThrow(UnknownTenantError);
    expect(lazy.find('nosuch')).toBeUndefined();
    expect(lazy.findByMailbox('nobody@example.lt')).toBeUndefined();
  });

  it('hands out the validated, frozen configuration, the same object on every call', () => {
    const lazy = createLazyTenantRegistry(TENANT_CONFIGS);
    const softera = lazy.get('softera');

    expect(softera).not.toBe(softeraTenant);
    expect(Object.isFrozen(softera.deadlines.answer)).toBe(true);
    expect(lazy.find('softera')).toBe(softera);
    expect(lazy.list()).toContain(softera);
  });

  it('refuses an invalid tenant on its first use, naming it, and still serves the valid ones', () => {
    const broken = withChanges(softeraTenant, { referencePrefix: 'SOX', mailbox: 'not an address' });
    const lazy = createLazyTenantRegistry([broken, bajtelTenant]);

    expect(lazy.get('bajtel').id).toBe('bajtel');
    expect(() => lazy.get('softera')).toThrow(TenantConfigurationError);
    expect(() => lazy.findByMailbox('not an address')).toThrow(/Tenant "softera" .*mailbox/);
    expect(() => lazy.list()).toThrow(TenantConfigurationError);
  });

  it('refuses clashes and tenants without an id, mailbox or prefix at once, as the eager registry does', () => {
    expect(() => createLazyTenantRegistry([bajtelTenant, withChanges(bajtelTenant, { mailbox: 'other@eleme.lt', referencePrefix: 'BAX' })])).toThrow(/same id "bajtel"/);
    expect(() => createLazyTenantRegistry([bajtelTenant, withChanges(bajtelTenant, { id: 'bajtel2', referencePrefix: 'BAX', mailbox: bajtelTenant.mailbox.toUpperCase() })])).toThrow(/same mailbox/);
    expect(() => createLazyTenantRegistry([bajtelTenant, withChanges(bajtelTenant, { id: 'bajtel2', mailbox: 'other@eleme.lt' })])).toThrow(/same reference prefix/);
    expect(() => createLazyTenantRegistry([withChanges(softeraTenant, { mailbox: 42 })])).toThrow(/Tenant "softera" .*mailbox/);
  });
});
