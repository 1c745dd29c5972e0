import { randomBytes } from 'node:crypto';
import { loadConsoleConfig } from '#config/console-config.ts';
import type { ConsoleUiDeps } from '#http/console/deps.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { AwsClients } from '#wiring/clients.ts';
import { buildConsoleUi } from '#wiring/console.ts';
import { STAFF_ROLES, type LocalIssuer } from './tokens.ts';

/**
 * The console on the local stack: the development identity provider offers each tenant's seeded
 * staff (the identities of `.local/dev.json`'s staffTokens, minted by the same issuer), sessions
 * are signed with a key made at start-up (signing in again after a restart is the price of not
 * keeping one more secret on disk), and aggregates come from DynamoDB Local's indexes.
 */
export function localConsole(input: { issuer: LocalIssuer; tenants: TenantRegistry; aws: AwsClients; tableName: string }): ConsoleUiDeps {
  const config = loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: randomBytes(32).toString('base64url') });
  return buildConsoleUi(config, input.aws, input.tableName, {
    staff: input.tenants.list().flatMap((t) => STAFF_ROLES.map((role) => ({ tenantId: t.id, tenantName: t.controller.name, role, userId: `${role}@${t.id}.local` }))),
    mint: (tenantId, role) => input.issuer.mintStaffToken({ tenant: tenantId, role, ttlSeconds: config.sessionTtlSeconds }),
  });
}
