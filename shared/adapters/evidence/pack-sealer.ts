import type { KMSClient } from '@aws-sdk/client-kms';
import { resolveClient, type ClientSource } from '../client-source.ts';
import { CompactSign, importJWK, type CryptoKey } from 'jose';
import type { PackSealer } from '#ports/accountability.ts';
import type { TenantWebhookKey } from '#ports/channels.ts';

/** Kept in sync with usecases/accountability/verify-evidence-pack.ts (the verifier checks it). */
const PACK_JWS_TYPE = 'rightsdesk-evidence-pack+jws';
const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
/** RFC 7515 Appendix F: the payload part of a detached JWS is empty; the verifier puts the manifest back. */
const detach = (compact: string) => {
  const [header, , signature] = compact.split('.');
  return `${header}..${signature}`;
};

/**
 * KMS's DER ECDSA signature (`SEQUENCE { INTEGER r, INTEGER s }`) as JOSE's fixed-size `r || s`
 * (RFC 7518 §3.4). The webhook signer does this with asn1js; the API function seals packs and
 * cannot carry asn1js's 52 KB within its 450 KB budget, and a P-256 signature is two short integers.
 */
export function derToJoseSignature(der: Uint8Array, size = 32): Uint8Array {
  let at = 0;
  const byte = () => {
    if (at >= der.length) throw new Error('KMS returned a truncated DER signature.');
    return der[at++]!;
  };
  const length = () => {
    const first = byte();
    if (first < 0x80) return first;
    let n = 0;
    for (let k = first & 0x7f; k > 0; k--) n = (n << 8) | byte();
    return n;
  };
  if (byte() !== 0x30) throw new Error('KMS returned a signature that is not a DER SEQUENCE.');
  length();
  const integer = () => {
    if (byte() !== 0x02) throw new Error('KMS returned a signature without DER INTEGERs.');
    const n = length();
    const value = der.subarray(at, at + n);
    at += n;
    const trimmed = value.subarray(Math.max(0, value.length - size));
    const out = new Uint8Array(size);
    out.set(trimmed, size - trimmed.length);
    return out;
  };
  const r = integer();
  const s = integer();
  const out = new Uint8Array(2 * size);
  out.set(r, 0);
  out.set(s, size);
  return out;
}

/**
 * Evidence packs sealed by the webhook signing key in KMS (the same key and JWKS partners already
 * verify webhooks with: `/.well-known/jwks.json`); the private half never leaves KMS.
 */
export class KmsPackSealer implements PackSealer {
  constructor(
    private readonly kms: ClientSource<KMSClient>,
    private readonly keyId: string,
    private readonly kid: string,
  ) {}

  async seal(_tenantId: string, payload: Uint8Array): Promise<string> {
    const input = `${b64url(JSON.stringify({ alg: 'ES256', kid: this.kid, typ: PACK_JWS_TYPE, cty: 'application/json' }))}.${b64url(payload)}`;
    // Sealing a pack is rare: the KMS package loads on first use (client-source.ts).
    const { SignCommand } = await import('@aws-sdk/client-kms');
    const { Signature } = await (await resolveClient(this.kms)).send(new SignCommand({ KeyId: this.keyId, Message: new TextEncoder().encode(input), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    if (!Signature) throw new Error('KMS returned no signature.');
    return detach(`${input}.${b64url(derToJoseSignature(Signature, 32))}`);
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
