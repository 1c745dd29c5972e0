import type { KMSClient } from '@aws-sdk/client-kms';
import { exportJWK, importSPKI, type JSONWebKeySet } from 'jose';

/**
 * The public half of the webhook KMS key as a JWKS, as partners see it (read once per container;
 * keys rotate by adding; its `kid`: kms-kid.ts). Apart from the signer (kms-signer.ts); the API
 * loads it with its first JWKS request, not at init (wiring/api-function.ts).
 */
export async function kmsWebhookJwks(kms: KMSClient, keyId: string, kid: string): Promise<JSONWebKeySet> {
  const { GetPublicKeyCommand } = await import('@aws-sdk/client-kms');
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!PublicKey) throw new Error('KMS returned no public key.');
  const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(PublicKey).toString('base64')}\n-----END PUBLIC KEY-----`;
  const jwk = await exportJWK(await importSPKI(pem, 'ES256', { extractable: true }));
  return { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] };
}
