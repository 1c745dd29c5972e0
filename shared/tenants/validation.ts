import { TenantSchema, type TenantConfig } from '#domain/tenant-policy.ts';
import { issueText } from './issue-text.ts';
import { indexTenants, TenantConfigurationError, type TenantRegistry } from './tenant-index.ts';

export { TenantConfigurationError };

function parseTenant(config: TenantConfig, index: number): TenantConfig {
  const result = TenantSchema.safeParse(config);
  if (result.success) return result.data;
  const name = typeof config.id === 'string' && config.id !== '' ? `"${config.id}"` : `#${index}`;
  const issues = issueText(result.error);
  throw new TenantConfigurationError(`Tenant ${name} has an invalid configuration: ${issues}`, { cause: result.error });
}

/**
 * Every config validated with `TenantSchema`, in order. Throws `TenantConfigurationError` naming
 * the offending tenant when one is invalid, or when two share an id, a mailbox or a reference
 * prefix. Example: `validateTenants(TENANT_CONFIGS)[0].id === 'softera'`.
 */
export function validateTenants(configs: readonly TenantConfig[]): readonly TenantConfig[] {
  const tenants = configs.map(parseTenant);
  indexTenants(tenants); // the clash check
  return tenants;
}

/** A registry over a list of configs, each validated first (`validateTenants`); tests build their own with it. */
export function createTenantRegistry(configs: readonly TenantConfig[]): TenantRegistry {
  return indexTenants(configs.map(parseTenant));
}
