import type { Art15Info } from '#domain/tenant-policy.ts';
import { bajtelArt15 } from './bajtel.ts';
import { gautoraArt15 } from './gautora.ts';
import { legalbalanceArt15 } from './legalbalance.ts';
import { lytagraArt15 } from './lytagra.ts';
import { softeraArt15 } from './softera.ts';

/**
 * Each controller's Art. 15(1)–(2) information, by tenant id, as written next to its configuration
 * in `shared/tenants/<id>.ts` (`<id>Art15`, citing the same policy). Apart from the tenants
 * (seed-list.ts) because only answers use it. A seed tenant without an entry, or an entry without
 * a seed tenant, fails validation in `art15-seeds.ts` (a second entry for an id does not compile).
 */
export const ART15_CONFIGS: Readonly<Record<string, Art15Info>> = {
  softera: softeraArt15,
  legalbalance: legalbalanceArt15,
  bajtel: bajtelArt15,
  gautora: gautoraArt15,
  lytagra: lytagraArt15,
};
