/**
 * The `kid` of a KMS key: stable per key, so partners can cache the JWKS. A module of its own:
 * every signer's wiring names the key with it at init, and kms-jwks.ts (the PEM import, jose's ASN.1
 * code) loads only with the first JWKS request (issue 15).
 * Example: `kmsKid('arn:aws:kms:eu-central-1:1:key/1234abcd-…')` → `'rightsdesk-webhook-1234abcd'`.
 */
export function kmsKid(keyId: string): string {
  return `rightsdesk-webhook-${keyId.split('/').pop()!.slice(0, 8)}`;
}
