import { refreshTrustedLists, type RefreshResult } from '#usecases/identity/refresh-trusted-lists.ts';
import { trustedListsFromEnv } from '#wiring/trusted-lists.ts';

/**
 * Scheduled Lambda (e.g. every 6 hours): refreshes the trusted-list cache that QES validation
 * reads (`trusted-lists/` in the evidence bucket). Wiring: wiring/trusted-lists.ts.
 */
const { deps, input } = trustedListsFromEnv();

export async function handler(): Promise<RefreshResult> {
  const result = await refreshTrustedLists(deps, input);
  // A failed national list is logged (and alarms on the log metric); its old cached copy stays in use.
  if (Object.keys(result.failed).length > 0) console.error(JSON.stringify({ message: 'trusted lists not refreshed', failed: result.failed }));
  return result;
}
