import * as z from 'zod/mini';
import { optionalNonEmptyString, optionalUrl, positiveInt } from './env-fields.ts';

/**
 * The staff console's configuration, read once and validated (fail fast). Two ways to sign in:
 * `dev` (the local stack's built-in identity provider, never on AWS) and `cognito` (the hosted
 * UI, OIDC authorization code flow with PKCE). Both end in the same signed session cookie.
 *
 * AWS environment: CONSOLE_AUTH=cognito, CONSOLE_SESSION_SECRET (≥ 32 bytes, base64url; from
 * Secrets Manager), COGNITO_REGION, COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID,
 * COGNITO_CLIENT_SECRET (optional: public clients rely on PKCE alone), COGNITO_DOMAIN
 * (https://<prefix>.auth.<region>.amazoncognito.com), CONSOLE_BASE_URL (https://…, where
 * `/console/callback` is registered as the redirect URI).
 */
const EnvSchema = z.object({
  CONSOLE_AUTH: z._default(z.enum(['dev', 'cognito']), 'cognito'),
  CONSOLE_SESSION_SECRET: z.string().check(z.regex(/^[A-Za-z0-9_-]{43,}$/, 'at least 32 bytes, base64url')),
  // At most 8 h (a working day; issue 11): a stolen cookie is worth less, and sign-out ends it anyway.
  CONSOLE_SESSION_HOURS: z._default(positiveInt.check(z.lte(8)), 8),
  CONSOLE_BASE_URL: optionalUrl,
  COGNITO_REGION: z.optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/))),
  COGNITO_USER_POOL_ID: z.optional(z.string().check(z.regex(/^[\w-]+_[0-9A-Za-z]+$/))),
  COGNITO_CLIENT_ID: optionalNonEmptyString,
  COGNITO_CLIENT_SECRET: optionalNonEmptyString,
  COGNITO_DOMAIN: optionalUrl,
});

export interface CognitoConfig {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Hosted UI origin, e.g. https://rightsdesk.auth.eu-central-1.amazoncognito.com. */
  readonly domain: string;
  /** `iss` of the pool's tokens; its JWKS is at `${issuer}/.well-known/jwks.json`. */
  readonly issuer: string;
  readonly redirectUri: string;
}

export interface ConsoleConfig {
  readonly auth: 'dev' | 'cognito';
  /** HS256 key of the session token: only this API signs and reads it. */
  readonly sessionSecret: Uint8Array;
  readonly sessionTtlSeconds: number;
  /** `Secure` cookies; off only for a plain-http dev server that is not on loopback. */
  readonly secureCookies: boolean;
  readonly cognito?: CognitoConfig;
}

function fromBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

export function loadConsoleConfig(env: Record<string, string | undefined> = process.env): ConsoleConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid console configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const base = { auth: e.CONSOLE_AUTH, sessionSecret: fromBase64Url(e.CONSOLE_SESSION_SECRET), sessionTtlSeconds: e.CONSOLE_SESSION_HOURS * 3600, secureCookies: true };
  if (e.CONSOLE_AUTH === 'dev') return base;
  const missing = (['COGNITO_REGION', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'COGNITO_DOMAIN', 'CONSOLE_BASE_URL'] as const).filter((k) => !e[k]);
  if (missing.length > 0) throw new Error(`Invalid console configuration: CONSOLE_AUTH=cognito needs ${missing.join(', ')}.`);
  const region = e.COGNITO_REGION!;
  const userPoolId = e.COGNITO_USER_POOL_ID!;
  if (!userPoolId.startsWith(`${region}_`)) throw new Error('Invalid console configuration: COGNITO_USER_POOL_ID is not in COGNITO_REGION.');
  return {
    ...base,
    cognito: {
      region,
      userPoolId,
      clientId: e.COGNITO_CLIENT_ID!,
      ...(e.COGNITO_CLIENT_SECRET ? { clientSecret: e.COGNITO_CLIENT_SECRET } : {}),
      domain: e.COGNITO_DOMAIN!.replace(/\/+$/, ''),
      issuer: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
      redirectUri: `${e.CONSOLE_BASE_URL!.replace(/\/+$/, '')}/console/callback`,
    },
  };
}

