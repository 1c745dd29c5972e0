import type { RetentionRule } from '#domain/retention.ts';
import { CASE_RETENTION } from './retention-rules.ts';

export { CASE_RETENTION };

/** The tenant's retention rule; throws for a tenant without one (a test keeps every tenant covered). */
export function retentionRuleFor(tenantId: string): RetentionRule {
  const rule = CASE_RETENTION[tenantId];
  if (!rule) throw new Error(`No retention rule for tenant "${tenantId}".`);
  return rule;
}
