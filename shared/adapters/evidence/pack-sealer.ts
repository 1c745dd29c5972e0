import { SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { CompactSign, importJWK, type CryptoKey } from 'jose';
import type { PackSealer } from '#ports/accountability.ts';
import type { TenantWebhookKey } from '#ports/channels.ts';
import { joseSignature } from '#adapters/webhooks/kms-signer.ts';

/** Kept in sync with usecases/accountability/verify-evidence-pack.ts (the verifier checks it). */
const PACK_JWS_TYPE = 'rightsdesk-evidence-pack+jws';
const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
/** RFC 7515 Appendix F: the payload part of a detached JWS is empty; the verifier puts the manifest back. */
const detach = (compact: string) => {
  const [header, , signature] = compact.split('.');
  return `${header}..${signature}`;
};

/**
 * Evidence packs sealed by the webhook signing key in KMS (the same key and JWKS partners already
 * verify webhooks with: `/.well-known/jwks.json`); the private half never leaves KMS.
 */
export class KmsPackSealer implements PackSealer {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
    private readonly kid: string,
  ) {}

  async seal(_tenantId: string, payload: Uint8Array): Promise<string> {
    const input = `${b64url(JSON.stringify({ alg: 'ES256', kid: this.kid, typ: PACK_JWS_TYPE, cty: 'application/json' }))}.${b64url(payload)}`;
    const { Signature } = await this.kms.send(new SignCommand({ KeyId: this.keyId, Message: new TextEncoder().encode(input), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    if (!Signature) throw new Error('KMS returned no signature.');
    return detach(`${input}.${b64url(joseSignature(Signature, 32))}`);
  }
}

/** Evidence packs sealed by the tenant's local webhook key (`npm start`, tests): its JWKS is served the same way. */
export class JosePackSealer implements PackSealer {
  private readonly keys = new Map<string, Promise<{ key: CryptoKey; kid: string }>>();

  constructor(private readonly source: Readonly<Record<string, TenantWebhookKey>>) {}

  async seal(tenantId: string, payload: Uint8Array): Promise<string> {
    let loaded = this.keys.get(tenantId);
    if (!loaded) {
      const entry = this.source[tenantId];
      if (!entry) throw new Error(`No signing key for tenant "${tenantId}".`);
      loaded = importJWK(entry.privateJwk, 'ES256').then((key) => {
        if (key instanceof Uint8Array) throw new Error(`The key of "${tenantId}" is not an EC private key.`);
        return { key, kid: entry.publicJwk.kid ?? `${tenantId}-webhook` };
      });
      this.keys.set(tenantId, loaded);
    }
    const { key, kid } = await loaded;
    return detach(await new CompactSign(payload).setProtectedHeader({ alg: 'ES256', kid, typ: PACK_JWS_TYPE, cty: 'application/json' }).sign(key));
  }
}
