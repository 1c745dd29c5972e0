import * as z from 'zod/mini';
import { jsonVariable, optionalUrl } from './env-fields.ts';
import type { JSONWebKeySet } from 'jose';

/**
 * The fulfilment function's configuration (docs/fulfilment.md), read once and validated.
 *
 * - `FULFILMENT_DATABASE_URLS`: JSON `{ "<database>": "postgres://…" }`, the PostgreSQL
 *   connector's connection URLs by the register's `database` name. On AWS a CloudFormation dynamic
 *   reference to an operator-held Secrets Manager secret (never in the template); locally
 *   `dev.json` `databaseUrls`. Absent: no PostgreSQL connector here (such tasks answer 409).
 * - `FULFILMENT_CALLBACK_JWKS`: JSON `{ "<tenant>": { "keys": [...] } }`, the public keys of each
 *   controller's services (and recipients' APIs) whose signed callbacks are accepted.
 * - `CONSOLE_BASE_URL`: where the daily digest's links point.
 */
const EnvSchema = z.object({
  FULFILMENT_DATABASE_URLS: z.optional(z.string().check(z.startsWith('{'))),
  FULFILMENT_CALLBACK_JWKS: z.optional(z.string().check(z.startsWith('{'))),
  CONSOLE_BASE_URL: optionalUrl,
});
// Built when their variable is set (z.lazy); an absent one is an empty map without them (issue 15).
const UrlsSchema = z.lazy(() => z.record(z.string().check(z.regex(/^[a-z_][a-z0-9_]{0,62}$/)), z.string().check(z.regex(/^postgres(ql)?:\/\//))));
const JwksSchema = z.lazy(() => z.record(z.string(), z.object({ keys: z.array(z.record(z.string(), z.unknown())) })));

export interface FulfilmentConfig {
  readonly databaseUrls: Readonly<Record<string, string>>;
  readonly callbackJwks: Readonly<Record<string, JSONWebKeySet>>;
  readonly consoleUrl?: string;
}

export function loadFulfilmentConfig(env: Record<string, string | undefined> = process.env): FulfilmentConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid fulfilment configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { FULFILMENT_DATABASE_URLS: rawUrls, FULFILMENT_CALLBACK_JWKS: rawJwks } = parsed.data;
  const urls = rawUrls === undefined ? null : UrlsSchema.safeParse(jsonVariable('fulfilment', 'FULFILMENT_DATABASE_URLS', rawUrls));
  if (urls && !urls.success) throw new Error('Invalid fulfilment configuration: FULFILMENT_DATABASE_URLS must map database names to postgres:// URLs.');
  const jwks = rawJwks === undefined ? null : JwksSchema.safeParse(jsonVariable('fulfilment', 'FULFILMENT_CALLBACK_JWKS', rawJwks));
  if (jwks && !jwks.success) throw new Error('Invalid fulfilment configuration: FULFILMENT_CALLBACK_JWKS must map tenant ids to JSON Web Key Sets.');
  return {
    databaseUrls: urls?.data ?? {},
    callbackJwks: (jwks?.data ?? {}) as unknown as Record<string, JSONWebKeySet>,
    ...(parsed.data.CONSOLE_BASE_URL ? { consoleUrl: parsed.data.CONSOLE_BASE_URL } : {}),
  };
}
