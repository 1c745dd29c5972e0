import { UnknownTenantError } from '#domain/errors.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { deepFreeze } from './deep-freeze.ts';

/**
 * Read access to validated tenant configuration. Use cases take this port rather than the module
 * singleton so tests can pass a registry built from their own list.
 * Example: `tenants.findByMailbox('Duomenys@LegalBalance.lt')?.id === 'legalbalance'`.
 */
export interface TenantRegistry {
  /** The tenant, or `undefined` when the id is unknown. */
  find(id: string): TenantConfig | undefined;
  /** The tenant; throws `UnknownTenantError` when the id is unknown. */
  get(id: string): TenantConfig;
  /** The tenant whose privacy mailbox this is (case-insensitive), e.g. the To of inbound mail. */
  findByMailbox(address: string): TenantConfig | undefined;
  list(): readonly TenantConfig[];
}

/** A tenant list that must not start: invalid configuration or a clash between two tenants. */
export class TenantConfigurationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TenantConfigurationError';
  }
}

function claim(index: Map<string, TenantConfig>, key: string, tenant: TenantConfig, what: string): void {
  const holder = index.get(key);
  if (holder) {
    throw new TenantConfigurationError(`Tenants "${holder.id}" and "${tenant.id}" have the same ${what} "${key}".`);
  }
  index.set(key, tenant);
}

/** Mail headers may carry `<addr>` and any letter case; the mailbox is matched on the bare address. */
function normaliseAddress(address: string): string {
  return address.trim().replace(/^<(.*)>$/, '$1').trim().toLowerCase();
}

/**
 * The registry over tenants already validated with `TenantSchema` (validation.ts, or the seeds as
 * validated when the bundle was built): indexed by id, mailbox and reference prefix, refusing any
 * two that share one (mail routing and case references must be unambiguous), and deep-frozen.
 * This module imports no schema, so a Lambda holding pre-validated seeds never loads one.
 */
export function indexTenants(tenants: readonly TenantConfig[]): TenantRegistry {
  const byId = new Map<string, TenantConfig>();
  const byMailbox = new Map<string, TenantConfig>();
  const byPrefix = new Map<string, TenantConfig>();
  for (const tenant of tenants) {
    claim(byId, tenant.id, tenant, 'id');
    claim(byMailbox, normaliseAddress(tenant.mailbox), tenant, 'mailbox');
    claim(byPrefix, tenant.referencePrefix, tenant, 'reference prefix');
  }
  // Frozen when first handed out, not here: most invocations use one tenant (issue 15).
  const handOut = (tenant: TenantConfig | undefined) => (tenant ? deepFreeze(tenant) : undefined);
  let all: readonly TenantConfig[] | undefined;
  return {
    find: (id) => handOut(byId.get(id)),
    get: (id) => {
      const tenant = handOut(byId.get(id));
      if (!tenant) throw new UnknownTenantError(`Unknown tenant "${id}".`);
      return tenant;
    },
    findByMailbox: (address) => handOut(byMailbox.get(normaliseAddress(address))),
    list: () => (all ??= Object.freeze(tenants.map((tenant) => deepFreeze(tenant)))),
  };
}
