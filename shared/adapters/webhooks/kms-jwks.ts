import type { KMSClient } from '@aws-sdk/client-kms';
import { exportJWK, importSPKI, type JSONWebKeySet } from 'jose';

/**
 * The webhook KMS key as partners see it: its public half and its `kid`. Apart from the signer
 * (kms-signer.ts), so the API, which only serves the JWKS, bundles no ASN.1 code.
 */
/** The public half of the KMS key as a JWKS (read once per container; keys rotate by adding). */
export async function kmsWebhookJwks(kms: KMSClient, keyId: string, kid: string): Promise<JSONWebKeySet> {
  const { GetPublicKeyCommand } = await import('@aws-sdk/client-kms');
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!PublicKey) throw new Error('KMS returned no public key.');
  const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(PublicKey).toString('base64')}\n-----END PUBLIC KEY-----`;
  const jwk = await exportJWK(await importSPKI(pem, 'ES256', { extractable: true }));
  return { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] };
}
