import { Art15InfoSchema, type Art15Info } from '#domain/tenant-policy.ts';
import { issueText } from './issue-text.ts';
import { TenantConfigurationError } from './tenant-index.ts';

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

function parseSheet(tenantId: string, sheet: Art15Info): Art15Info {
  const result = Art15InfoSchema.safeParse(sheet);
  if (result.success) return result.data;
  const issues = issueText(result.error);
  throw new TenantConfigurationError(`Tenant "${tenantId}" has invalid Art. 15 information: ${issues}`, { cause: result.error });
}

/**
 * One Art. 15 sheet per tenant, each validated with `Art15InfoSchema`, in the tenants' order.
 * Throws `TenantConfigurationError` naming the tenants when one has no sheet, when a sheet belongs
 * to no tenant, or when a sheet is invalid.
 * Example: `validateArt15Sheets(ART15_CONFIGS, ['softera', 'gautora']).gautora.recipientsWindow`.
 */
export function validateArt15Sheets(sheets: Readonly<Record<string, Art15Info>>, tenantIds: readonly string[]): Readonly<Record<string, Art15Info>> {
  const missing = tenantIds.filter((id) => !Object.hasOwn(sheets, id));
  if (missing.length > 0) throw new TenantConfigurationError(`No Art. 15 information for tenant ${quoted(missing)} (shared/tenants/art15-list.ts).`);
  const known = new Set(tenantIds);
  const orphans = Object.keys(sheets).filter((id) => !known.has(id));
  if (orphans.length > 0) throw new TenantConfigurationError(`Art. 15 information for ${quoted(orphans)}, which is no tenant (shared/tenants/art15-list.ts).`);
  return Object.fromEntries(tenantIds.map((id) => [id, parseSheet(id, sheets[id]!)]));
}
