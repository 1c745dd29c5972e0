import type { Art15Info } from '#domain/tenant-policy.ts';
import { ART15_CONFIGS } from './art15-list.ts';
import { validateArt15Sheets } from './art15-validation.ts';
import { TENANT_CONFIGS } from './seed-list.ts';

/**
 * The seed tenants' Art. 15 information (art15-list.ts), one sheet per seed tenant, validated
 * (art15-validation.ts).
 *
 * A Lambda bundle holds this module's value, not its code (infra/build-time-modules.mjs), as for
 * the tenants (seeds.ts), so an invalid or missing sheet fails the build. It is a module of its
 * own so that only the code that renders answers (art15.ts) loads these ~48 KB: the tenants'
 * value is parsed at the init of every function that knows tenants, and no init renders an
 * answer (issue 15).
 * The local stack and the tests validate here, once per process.
 */
export const ART15_SHEETS: Readonly<Record<string, Art15Info>> = validateArt15Sheets(ART15_CONFIGS, TENANT_CONFIGS.map((tenant) => tenant.id));
