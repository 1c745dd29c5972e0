import type { TenantConfig } from '#domain/tenant-policy.ts';
import { bajtelTenant } from './bajtel.ts';
import { gautoraTenant } from './gautora.ts';
import { legalbalanceTenant } from './legalbalance.ts';
import { lytagraTenant } from './lytagra.ts';
import { softeraTenant } from './softera.ts';

/**
 * The controllers this desk serves, as written.
 *
 * Adding a sixth controller is one new file plus one line here and one in art15-list.ts: write
 * `shared/tenants/<id>.ts` exporting `<id>Tenant = { … } satisfies TenantConfig` (every rule with
 * its `source` clause) and its Art. 15 information `<id>Art15 = { … } satisfies Art15Info`, then
 * append the one to this list and the other to `ART15_CONFIGS`. They are validated with the
 * others in `seeds.ts` and `art15-seeds.ts`: when a Lambda bundle is built, and when the local
 * stack or a test loads them.
 */
export const TENANT_CONFIGS: readonly TenantConfig[] = [
  softeraTenant,
  legalbalanceTenant,
  bajtelTenant,
  gautoraTenant,
  lytagraTenant,
];
