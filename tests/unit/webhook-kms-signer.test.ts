import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand, type SignCommandInput } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { kmsWebhookJwks } from '#adapters/webhooks/kms-jwks.ts';
import { kmsKid } from '#adapters/webhooks/kms-kid.ts';
import { joseSignature, KmsWebhookSigner } from '#adapters/webhooks/kms-signer.ts';
import { WEBHOOK_JWS_TYPE } from '#adapters/webhooks/jose-signer.ts';
import { harness } from '../support/harness.ts';

/** KMS in memory: a real P-256 key; Sign answers DER ECDSA as KMS does, GetPublicKey the SPKI DER. */
function fakeKms() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kms = mockClient(KMSClient);
  kms.on(SignCommand).callsFake((input: SignCommandInput) => ({ Signature: new Uint8Array(nodeSign('sha256', Buffer.from(input.Message!), privateKey)), KeyId: input.KeyId, SigningAlgorithm: 'ECDSA_SHA_256' }));
  kms.on(GetPublicKeyCommand).resolves({ PublicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })), KeySpec: 'ECC_NIST_P256' });
  return kms;
}

const KEY = 'arn:aws:kms:eu-central-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

describe('KMS webhook signer', () => {
  let kms: ReturnType<typeof fakeKms> | undefined;
  afterEach(() => kms?.restore());

  it('signs with kms:Sign (ECDSA_SHA_256 over the JWS signing input) and verifies with the served JWKS', async () => {
    kms = fakeKms();
    const client = new KMSClient({ region: 'eu-central-1' });
    const kid = kmsKid(KEY);
    expect(kid).toBe('rightsdesk-webhook-0f1e2d3c');
    const payload = new TextEncoder().encode(JSON.stringify({ type: 'case.status_changed', caseId: 'c1' }));
    const jws = await new KmsWebhookSigner(client, KEY, kid).sign('softera', payload);

    const call = kms.commandCalls(SignCommand)[0]!.args[0].input;
    expect(call).toMatchObject({ KeyId: KEY, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' });
    expect(Buffer.from(call.Message!).toString()).toBe(jws.split('.').slice(0, 2).join('.'));
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'ES256', kid, typ: WEBHOOK_JWS_TYPE, cty: 'application/json' });

    const jwks = await kmsWebhookJwks(client, KEY, kid);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid, alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const verified = await compactVerify(jws, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
    expect(new TextDecoder().decode(verified.payload)).toBe(new TextDecoder().decode(payload));
  });

  it('turns DER signatures into fixed-size r || s, short integers padded and sign bytes dropped', () => {
    // SEQUENCE { INTEGER 0x00ff…(33 bytes, sign byte), INTEGER 0x01 }
    const r = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(32, 0xff)]);
    const der = Buffer.concat([Buffer.from([0x30, 2 + r.length + 3, 0x02, r.length]), r, Buffer.from([0x02, 0x01, 0x01])]);
    const jose = joseSignature(new Uint8Array(der), 32);
    expect(jose).toHaveLength(64);
    expect(Buffer.from(jose.subarray(0, 32)).equals(Buffer.alloc(32, 0xff))).toBe(true);
    expect(Buffer.from(jose.subarray(32)).equals(Buffer.concat([Buffer.alloc(31), Buffer.from([1])]))).toBe(true);
    expect(() => joseSignature(new Uint8Array([0x04, 0x00]), 32)).toThrow('not DER ECDSA');
  });

  it('serves the KMS key\'s public half at /.well-known/jwks.json, cacheable', async () => {
    kms = fakeKms();
    const client = new KMSClient({ region: 'eu-central-1' });
    let fetched = 0;
    const h = await harness({ webhookJwks: () => (fetched++, kmsWebhookJwks(client, KEY, kmsKid(KEY))) });
    const response = await h.app.request('/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(((await response.json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid)).toEqual(['rightsdesk-webhook-0f1e2d3c']);
    expect(fetched).toBe(1);
  });
});
