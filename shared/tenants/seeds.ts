import type { TenantConfig } from '#domain/tenant-policy.ts';
import { TENANT_CONFIGS } from './seed-list.ts';
import { validateTenants } from './validation.ts';

/**
 * The seed controllers, validated with `TenantSchema` and checked for clashes (validation.ts).
 *
 * A Lambda bundle holds this module's value, not its code: the deploy's esbuild plugin
 * (infra/build-time-modules.mjs) runs the validation when the bundle is built, so an invalid seed
 * fails the build and no function builds or runs the zod schema at a cold start (issue 15: ~3 ms
 * at init and ~3 ms more on the first request, for data that cannot change after the build).
 * The local stack and the tests load this file as written and validate here, once per process.
 */
export const SEED_TENANTS: readonly TenantConfig[] = validateTenants(TENANT_CONFIGS);
