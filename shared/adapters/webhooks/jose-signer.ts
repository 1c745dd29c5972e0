import { CompactSign, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet } from 'jose';
import type { TenantWebhookKey, WebhookSigner } from '#ports/channels.ts';

/**
 * Webhook signatures: a compact JWS (ES256) over the JSON event, with the tenant's key; the
 * `kid` names the key in `GET /.well-known/jwks.json`. Keys come from `.local/keys/webhook.json`
 * locally, and on AWS from configuration (WEBHOOK_SIGNING_KEYS, a secret) only when the operator
 * holds the keys; by default KMS signs there (kms-signer.ts, the same port).
 */
export const WEBHOOK_JWS_TYPE = 'rightsdesk-webhook+jws';

export class JoseWebhookSigner implements WebhookSigner {
  private readonly keys = new Map<string, Promise<{ key: CryptoKey; kid: string }>>();

  constructor(private readonly source: Readonly<Record<string, TenantWebhookKey>>) {}

  async sign(tenantId: string, payload: Uint8Array): Promise<string> {
    let loaded = this.keys.get(tenantId);
    if (!loaded) {
      const entry = this.source[tenantId];
      if (!entry) throw new Error(`No webhook signing key for tenant "${tenantId}".`);
      loaded = importJWK(entry.privateJwk, 'ES256').then((key) => {
        if (key instanceof Uint8Array) throw new Error(`The webhook key of "${tenantId}" is not an EC private key.`);
        return { key, kid: entry.publicJwk.kid ?? `${tenantId}-webhook` };
      });
      this.keys.set(tenantId, loaded);
    }
    const { key, kid } = await loaded;
    return new CompactSign(payload).setProtectedHeader({ alg: 'ES256', kid, typ: WEBHOOK_JWS_TYPE, cty: 'application/json' }).sign(key);
  }
}

/** The public half of every tenant's webhook key, as served at `/.well-known/jwks.json`. */
export function webhookJwks(keys: Readonly<Record<string, TenantWebhookKey>>): JSONWebKeySet {
  return { keys: Object.values(keys).map((k) => ({ ...k.publicJwk, alg: 'ES256', use: 'sig' })) };
}

/** A new ES256 key pair for a tenant (local stack, tests). */
export async function newTenantWebhookKey(tenantId: string, now = Date.now()): Promise<TenantWebhookKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `${tenantId}-webhook-${now.toString(36)}`;
  return { privateJwk: { ...(await exportJWK(privateKey)), kid }, publicJwk: { ...(await exportJWK(publicKey)), kid } };
}
