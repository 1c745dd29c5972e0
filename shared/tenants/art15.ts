import type { Art15Info } from '#domain/tenant-policy.ts';
import { ART15_SHEETS } from './art15-seeds.ts';
import { deepFreeze } from './deep-freeze.ts';
import { TenantConfigurationError } from './tenant-index.ts';

/**
 * The tenant's Art. 15(1)–(2) information (art15-seeds.ts), for the answers. Throws
 * `TenantConfigurationError` for a tenant without one; every seed tenant has one (checked when
 * the bundle is built). Example: `art15Of('gautora').recipientsWindow?.months === 12`.
 */
export function art15Of(tenantId: string): Art15Info {
  // Own keys only: a tenant id such as "constructor" must not find Object.prototype's.
  if (!Object.hasOwn(ART15_SHEETS, tenantId)) throw new TenantConfigurationError(`No Art. 15 information for tenant "${tenantId}" (shared/tenants/art15-list.ts).`);
  return deepFreeze(ART15_SHEETS[tenantId]!);
}
