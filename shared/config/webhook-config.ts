import * as z from 'zod/mini';
import { jsonVariable, optionalNonEmptyString, optionalString, positiveInt } from './env-fields.ts';
import type { JSONWebKeySet } from 'jose';
import type { TenantWebhookKey } from '#ports/channels.ts';

/**
 * Webhook keys on AWS. By default an asymmetric KMS key signs (`WEBHOOK_KMS_KEY_ID`: the sender
 * calls kms:Sign, the API serves its public key); otherwise the sender reads private keys from
 * `WEBHOOK_SIGNING_KEYS` (JSON `{ "<tenant>": { "privateJwk": {…}, "publicJwk": {…} } }`, injected
 * from a Secrets Manager secret); the API serves the public halves from `WEBHOOK_JWKS` (a JWKS).
 * Locally both come from `.local/keys/webhook.json` (local/webhook-keys.ts). Their schemas are
 * built when a variable is set (z.lazy): on AWS a KMS key signs by default (issue 15).
 */
const jwk = () => z.record(z.string(), z.unknown());
const KeysSchema = z.lazy(() => z.record(z.string(), z.object({ privateJwk: jwk(), publicJwk: jwk() })));
const JwksSchema = z.lazy(() => z.object({ keys: z.array(jwk()) }));

const EnvSchema = z.object({
  WEBHOOK_SIGNING_KEYS: optionalString,
  WEBHOOK_KMS_KEY_ID: optionalNonEmptyString,
  WEBHOOK_JWKS: optionalString,
  WEBHOOK_BATCH: z._default(positiveInt.check(z.maximum(100)), 25),
});

export interface WebhookConfig {
  /** An asymmetric KMS key (ECC_NIST_P256) that signs every webhook; preferred over `signingKeys`. */
  readonly kmsKeyId?: string;
  readonly signingKeys: Readonly<Record<string, TenantWebhookKey>>;
  readonly jwks: JSONWebKeySet;
  readonly batch: number;
}

export function loadWebhookConfig(env: Record<string, string | undefined> = process.env): WebhookConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid webhook configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const keys = e.WEBHOOK_SIGNING_KEYS ? KeysSchema.safeParse(jsonVariable('webhook', 'WEBHOOK_SIGNING_KEYS', e.WEBHOOK_SIGNING_KEYS)) : null;
  if (keys && !keys.success) throw new Error('Invalid webhook configuration: WEBHOOK_SIGNING_KEYS must map tenant ids to { privateJwk, publicJwk }.');
  const jwks = e.WEBHOOK_JWKS ? JwksSchema.safeParse(jsonVariable('webhook', 'WEBHOOK_JWKS', e.WEBHOOK_JWKS)) : null;
  if (jwks && !jwks.success) throw new Error('Invalid webhook configuration: WEBHOOK_JWKS is not a JSON Web Key Set.');
  // jose validates each key's members when it imports them.
  return {
    ...(e.WEBHOOK_KMS_KEY_ID ? { kmsKeyId: e.WEBHOOK_KMS_KEY_ID } : {}),
    signingKeys: (keys?.data ?? {}) as unknown as Record<string, TenantWebhookKey>,
    jwks: (jwks?.data ?? { keys: [] }) as unknown as JSONWebKeySet,
    batch: e.WEBHOOK_BATCH,
  };
}
