import type { JWTVerifyGetKey } from 'jose';
import type { ConsoleConfig } from '#config/console-config.ts';
import type { ConsoleReadModel, ConsoleSessions } from '#ports/console.ts';
import type { ReceiptIndex, StatisticsStore } from '#ports/accountability.ts';
import type { LetterRenderer } from '#ports/channels.ts';
import type { StaffRole } from '../auth.ts';

/** One seeded staff member the development identity provider offers (local stack only). */
export interface DevStaff {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly role: StaffRole;
  readonly userId: string;
}

/**
 * What the browser console needs beyond the API's ports. Absent on a deployment that has not
 * configured the console: `/console` is then not served (the JSON `/console/api` still is).
 */
export interface ConsoleUiDeps {
  readonly config: ConsoleConfig;
  /** Server-side session records: a cookie is honoured only while its record is active. */
  readonly sessions: ConsoleSessions;
  /** Aggregates (counts, closed-case window); defaults to the repository-only read model. */
  readonly readModel?: ConsoleReadModel;
  /** The register's statistics, as the accountability sweep last computed them (docs/accountability.md). */
  readonly statistics?: Pick<StatisticsStore, 'get'>;
  /** The register's download page (`/console/records`, admin): the receipt index and the PDF renderer; the API's accountability deps when absent. */
  readonly register?: { readonly receipts: ReceiptIndex; readonly letters?: LetterRenderer };
  /** The local stack's identity provider: mints the same staff tokens as `.local/dev.json`. */
  readonly devIdp?: { readonly staff: readonly DevStaff[]; mint(tenantId: string, role: StaffRole): Promise<string> };
  /** Cognito: the pool's keys (default: its JWKS URL) and the token endpoint's fetch (tests). */
  readonly poolKeys?: JWTVerifyGetKey;
  readonly fetch?: typeof fetch;
}
