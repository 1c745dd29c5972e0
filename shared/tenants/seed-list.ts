import type { TenantConfig } from '#domain/tenant-policy.ts';
import { bajtelTenant } from './bajtel.ts';
import { gautoraTenant } from './gautora.ts';
import { legalbalanceTenant } from './legalbalance.ts';
import { lytagraTenant } from './lytagra.ts';
import { softeraTenant } from './softera.ts';

/**
 * The controllers this desk serves, as written.
 *
 * Adding a sixth controller is one new file plus one line here: write
 * `shared/tenants/<id>.ts` exporting `<id>Tenant = { … } satisfies TenantConfig` (every rule with
 * its `source` clause), then append it to this list. It is validated with the others in
 * `seeds.ts`: when a Lambda bundle is built, and when the local stack or a test loads it.
 */
export const TENANT_CONFIGS: readonly TenantConfig[] = [
  softeraTenant,
  legalbalanceTenant,
  bajtelTenant,
  gautoraTenant,
  lytagraTenant,
];
