import type { TenantConfig } from '#domain/tenant-policy.ts';
import type { CaseIdentity } from './case.ts';
import type { Channel } from './channels.ts';
import type { RightType } from './rights.ts';

/**
 * What identity a new case needs under the controller's policy for its channel (docs/design.md §1.3).
 * Requests made only for general information (Art. 13/14) need none (003 §21.3–21.4).
 */
export function identityRequirement(
  tenant: Pick<TenantConfig, 'identity'>,
  channel: Channel,
  rights: readonly RightType[],
  assertionSupplied: boolean,
): CaseIdentity {
  const { identity } = tenant;
  if (rights.every((right) => identity.notRequiredFor.includes(right))) {
    return { status: 'not_required', method: 'not_required', acceptedMethods: ['not_required'], rule: 'GDPR Art. 13–14', assertionSupplied };
  }
  const rule = identity.byChannel[channel];
  return { status: 'pending', method: null, acceptedMethods: rule.acceptedMethods, rule: rule.source, assertionSupplied };
}
