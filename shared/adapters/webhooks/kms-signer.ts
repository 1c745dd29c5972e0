import type { KMSClient } from '@aws-sdk/client-kms';
import { resolveClient, type ClientSource } from '../client-source.ts';
import type { WebhookSigner } from '#ports/channels.ts';
import { derToJoseSignature } from '../evidence/pack-sealer.ts';
import { WEBHOOK_JWS_TYPE } from './jose-signer.ts';

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/**
 * Webhook signatures made by AWS KMS: an asymmetric ECC_NIST_P256 key whose private half never
 * leaves KMS (nothing to leak from a Lambda's environment), `kms:Sign` over the JWS signing
 * input with ECDSA_SHA_256, the DER signature turned into JOSE's `r || s`. Every tenant's
 * webhooks are signed with the platform key; the `kid` names it in `/.well-known/jwks.json`.
 */
export class KmsWebhookSigner implements WebhookSigner {
  constructor(
    /** The client, or its maker: KMS loads on the first signature, not at init (client-source.ts). */
    private readonly kms: ClientSource<KMSClient>,
    private readonly keyId: string,
    private readonly kid: string,
  ) {}

  async sign(_tenantId: string, payload: Uint8Array): Promise<string> {
    const input = `${b64url(JSON.stringify({ alg: 'ES256', kid: this.kid, typ: WEBHOOK_JWS_TYPE, cty: 'application/json' }))}.${b64url(payload)}`;
    const { SignCommand } = await import('@aws-sdk/client-kms');
    const { Signature } = await (await resolveClient(this.kms)).send(new SignCommand({ KeyId: this.keyId, Message: new TextEncoder().encode(input), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    if (!Signature) throw new Error('KMS returned no signature.');
    return `${input}.${b64url(joseSignature(Signature, 32))}`;
  }
}

/**
 * An ECDSA signature from DER (`SEQUENCE { r INTEGER, s INTEGER }`) to JOSE's fixed-size `r || s`
 * (RFC 7518 §3.4): the evidence seal's small reader, so no bundle carries asn1js for two integers.
 */
export function joseSignature(der: Uint8Array, size: number): Uint8Array {
  try {
    return derToJoseSignature(der, size);
  } catch {
    throw new Error('KMS returned a signature that is not DER ECDSA.');
  }
}
