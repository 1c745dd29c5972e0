import type { TenantConfig } from '#domain/tenant-policy.ts';
import { SEED_TENANTS } from './seeds.ts';
import { indexTenants, type TenantRegistry } from './tenant-index.ts';

export type { TenantRegistry } from './tenant-index.ts';

/**
 * The seed controllers (seed-list.ts), validated (seeds.ts: when a Lambda bundle is built, or
 * when this process loaded it). Registries over other lists: `createTenantRegistry` (validation.ts).
 */
export const tenantRegistry: TenantRegistry = indexTenants(SEED_TENANTS);

/** The tenant with this id; throws `UnknownTenantError` when there is none. */
export function getTenant(id: string): TenantConfig {
  return tenantRegistry.get(id);
}

/** The tenant receiving mail at this address (case-insensitive), or `undefined`. */
export function findTenantByMailbox(address: string): TenantConfig | undefined {
  return tenantRegistry.findByMailbox(address);
}

export function listTenants(): readonly TenantConfig[] {
  return tenantRegistry.list();
}
