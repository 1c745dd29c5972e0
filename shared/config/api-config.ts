import * as z from 'zod/mini';
import { awsRegion, jsonVariable, nonEmptyString, optionalString, optionalUrl, positiveInt, tableName } from './env-fields.ts';
import type { JSONWebKeySet } from 'jose';

/**
 * The API's configuration, read once from the environment and validated at start-up (fail
 * fast). Nothing else reads process.env. Endpoints are only set locally (stand-ins); on AWS the
 * SDK's defaults apply.
 */
const EnvSchema = z.object({
  RIGHTSDESK_TABLE: tableName,
  AWS_REGION: awsRegion,
  DYNAMODB_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  SES_CONFIGURATION_SET: optionalString,
  AUTH_ISSUER: nonEmptyString,
  AUTH_AUDIENCE: nonEmptyString,
  /** Inline JWKS (JSON) for the partner token issuer's public keys… */
  AUTH_JWKS: optionalString,
  /** …or where to fetch them (cached by jose). */
  AUTH_JWKS_URL: optionalUrl,
  /** Longest partner token lifetime (`exp` − `iat`) accepted, in seconds (default 7 days). */
  PARTNER_TOKEN_MAX_LIFETIME_SECONDS: z.optional(positiveInt),
  MAX_BODY_BYTES: z._default(positiveInt, 64 * 1024),
  /**
   * Partners' identity-assertion keys: `{ "<tenant>": { "<partner id>": { "keys": [<public JWK>…] } } }`
   * (a JWKS per partner per tenant). Locally generated into `.local/keys/partner-assertion.json`.
   * Absent: no partner's assertions are accepted.
   */
  PARTNER_ASSERTION_KEYS: optionalString,
});

// Built when parsed (z.lazy): an inline JWKS is the local stack's, and only a deployment with
// partner assertion keys reads them (issue 15).
const JwksSchema = z.lazy(() => z.object({ keys: z.array(z.record(z.string(), z.unknown())).check(z.minLength(1)) }));
const AssertionKeysSchema = z.lazy(() => z.record(z.string(), z.record(z.string(), JwksSchema)));

/** Public keys per tenant, per partner id. */
export type PartnerAssertionKeys = Readonly<Record<string, Readonly<Record<string, JSONWebKeySet>>>>;

export interface ApiConfig {
  readonly tableName: string;
  readonly region: string;
  readonly dynamodbEndpoint?: string;
  readonly sesEndpoint?: string;
  readonly sesConfigurationSet?: string;
  readonly auth: { readonly issuer: string; readonly audience: string; readonly jwks: JSONWebKeySet | URL; readonly maxLifetimeSeconds?: number };
  readonly maxBodyBytes: number;
  readonly partnerAssertionKeys: PartnerAssertionKeys;
}

export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid API configuration: ${fields}`);
  }
  const e = parsed.data;
  let jwks: JSONWebKeySet | URL;
  if (e.AUTH_JWKS_URL) jwks = new URL(e.AUTH_JWKS_URL);
  else if (e.AUTH_JWKS) {
    const keys = JwksSchema.safeParse(jsonVariable('API', 'AUTH_JWKS', e.AUTH_JWKS));
    if (!keys.success) throw new Error('Invalid API configuration: AUTH_JWKS is not a JSON Web Key Set.');
    // jose validates each key's fields when it imports them.
    jwks = keys.data as unknown as JSONWebKeySet;
  } else throw new Error('Invalid API configuration: set AUTH_JWKS or AUTH_JWKS_URL.');
  return {
    tableName: e.RIGHTSDESK_TABLE,
    region: e.AWS_REGION,
    ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}),
    ...(e.SES_ENDPOINT ? { sesEndpoint: e.SES_ENDPOINT } : {}),
    ...(e.SES_CONFIGURATION_SET ? { sesConfigurationSet: e.SES_CONFIGURATION_SET } : {}),
    auth: { issuer: e.AUTH_ISSUER, audience: e.AUTH_AUDIENCE, jwks, ...(e.PARTNER_TOKEN_MAX_LIFETIME_SECONDS ? { maxLifetimeSeconds: e.PARTNER_TOKEN_MAX_LIFETIME_SECONDS } : {}) },
    maxBodyBytes: e.MAX_BODY_BYTES,
    partnerAssertionKeys: e.PARTNER_ASSERTION_KEYS === undefined ? {} : assertionKeysOf(e.PARTNER_ASSERTION_KEYS),
  };
}

function assertionKeysOf(raw: string): PartnerAssertionKeys {
  const assertionKeys = AssertionKeysSchema.safeParse(jsonVariable('API', 'PARTNER_ASSERTION_KEYS', raw));
  if (!assertionKeys.success) throw new Error('Invalid API configuration: PARTNER_ASSERTION_KEYS must map tenant ids to partner ids to JSON Web Key Sets.');
  // jose validates each key's fields when it imports them.
  return assertionKeys.data as unknown as PartnerAssertionKeys;
}
