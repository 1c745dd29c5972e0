import { UnknownTenantError } from '#domain/errors.ts';
import { TenantSchema, type TenantConfig } from '#domain/tenant-policy.ts';
import { bajtelTenant } from './bajtel.ts';
import { gautoraTenant } from './gautora.ts';
import { legalbalanceTenant } from './legalbalance.ts';
import { lytagraTenant } from './lytagra.ts';
import { softeraTenant } from './softera.ts';

/**
 * The controllers this desk serves.
 *
 * Adding a sixth controller is one new file plus one line here: write
 * `shared/tenants/<id>.ts` exporting `<id>Tenant = { … } satisfies TenantConfig` (every rule with
 * its `source` clause), then append it to this list. The unit tests validate it with the others;
 * at run time it is validated on first use (createLazyTenantRegistry).
 */
export const TENANT_CONFIGS: readonly TenantConfig[] = [
  softeraTenant,
  legalbalanceTenant,
  bajtelTenant,
  gautoraTenant,
  lytagraTenant,
];

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

/**
 * Validates every config with `TenantSchema` and builds a registry. Throws
 * `TenantConfigurationError` naming the offending tenant when one is invalid, or when two share
 * an id, a mailbox or a reference prefix (mail routing and case references must be unambiguous).
 */
export function createTenantRegistry(configs: readonly TenantConfig[]): TenantRegistry {
  const registry = createLazyTenantRegistry(configs);
  registry.list(); // validates every tenant now
  return registry;
}

function parseTenant(config: TenantConfig, index: number): TenantConfig {
  const result = TenantSchema.safeParse(config);
  if (result.success) return result.data;
  const name = typeof config.id === 'string' && config.id !== '' ? `"${config.id}"` : `#${index}`;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new TenantConfigurationError(`Tenant ${name} has an invalid configuration: ${issues}`, { cause: result.error });
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

// Configuration is shared by every request in a process; freezing stops one caller's edit from
// leaking into another tenant's case.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Like `createTenantRegistry`, but each tenant is validated with `TenantSchema` on its first use
 * (`find`, `get`, `findByMailbox`; `list` validates all), not when the registry is made: the
 * parse of five policies was ~5 ms of every cold start, and most invocations serve one tenant.
 * What stays eager is cheap and keeps routing unambiguous: every config must carry a string id,
 * mailbox and reference prefix, and no two may share one. The seed list is also validated in
 * full by the unit tests (tests/unit/tenants.test.ts), so a broken seed fails the build first.
 */
export function createLazyTenantRegistry(configs: readonly TenantConfig[]): TenantRegistry {
  const validated = new Map<TenantConfig, TenantConfig>();
  const valid = (config: TenantConfig): TenantConfig => {
    let tenant = validated.get(config);
    if (!tenant) {
      tenant = deepFreeze(parseTenant(config, configs.indexOf(config)));
      validated.set(config, tenant);
    }
    return tenant;
  };
  const byId = new Map<string, TenantConfig>();
  const byMailbox = new Map<string, TenantConfig>();
  const byPrefix = new Map<string, TenantConfig>();
  configs.forEach((config, index) => {
    const raw = config as Partial<Record<'id' | 'mailbox' | 'referencePrefix', unknown>>;
    if (typeof raw.id !== 'string' || typeof raw.mailbox !== 'string' || typeof raw.referencePrefix !== 'string') {
      // Without these three a tenant cannot be routed to at all: fail now, naming it as the full check would.
      parseTenant(config, index);
      throw new TenantConfigurationError(`Tenant #${index} has no id, mailbox or reference prefix.`);
    }
    claim(byId, raw.id, config, 'id');
    claim(byMailbox, normaliseAddress(raw.mailbox), config, 'mailbox');
    claim(byPrefix, raw.referencePrefix, config, 'reference prefix');
  });
  const found = (config: TenantConfig | undefined) => (config ? valid(config) : undefined);
  let all: readonly TenantConfig[] | undefined;
  return {
    find: (id) => found(byId.get(id)),
    get: (id) => {
      const config = byId.get(id);
      if (!config) throw new UnknownTenantError(`Unknown tenant "${id}".`);
      return valid(config);
    },
    findByMailbox: (address) => found(byMailbox.get(normaliseAddress(address))),
    list: () => (all ??= Object.freeze(configs.map(valid))),
  };
}

/** The seed controllers, each validated on first use (createLazyTenantRegistry; in full by the unit tests). */
export const tenantRegistry: TenantRegistry = createLazyTenantRegistry(TENANT_CONFIGS);

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
