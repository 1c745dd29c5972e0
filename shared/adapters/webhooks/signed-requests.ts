import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { WebhookSigner } from '#ports/channels.ts';
import type { CallbackVerifier, SignedRequests } from '#ports/fulfilment.ts';

export const FULFILMENT_JWS_TYPE = 'rightsdesk-fulfilment+jws';

/** The HTTP connector's requests: signed by the webhook signer (jose or KMS), sent with fetch and a timeout. */
export class FetchSignedRequests implements SignedRequests {
  constructor(private readonly signer: WebhookSigner, private readonly timeoutMs = 10_000) {}

  async post(tenantId: string, url: string, payload: Readonly<Record<string, unknown>>) {
    const jws = await this.signer.sign(tenantId, new TextEncoder().encode(JSON.stringify(payload)));
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/jose', accept: 'application/json' }, body: jws, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    return { status: response.status, body: await response.text() };
  }
}

/** Callbacks signed with the controller service's key, from a JWKS per tenant (configuration). */
export class JwksCallbackVerifier implements CallbackVerifier {
  private readonly sets: Map<string, ReturnType<typeof createLocalJWKSet>>;
  constructor(jwks: Readonly<Record<string, JSONWebKeySet>>) {
    this.sets = new Map(Object.entries(jwks).map(([tenant, set]) => [tenant, createLocalJWKSet(set)]));
  }

  async verify(tenantId: string, jws: string) {
    const keys = this.sets.get(tenantId);
    if (!keys) throw new Error(`No callback keys for tenant "${tenantId}".`);
    const { payload } = await compactVerify(jws, keys, { algorithms: ['ES256', 'EdDSA', 'RS256'] });
    const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The callback payload is not a JSON object.');
    return parsed as Readonly<Record<string, unknown>>;
  }
}
