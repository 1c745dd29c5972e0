import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { WebhookTransport } from '#ports/channels.ts';

/**
 * A partner's webhook receiver on the loopback, over real TLS: the partner API takes `https://`
 * callback URLs only, so the test partner serves `https://localhost:<port>/…` with the test
 * certificate (tests/fixtures/tls, see its ORIGIN.md), and the stack's webhook sweep is given a
 * transport that trusts exactly that certificate (the runtime's fetch trusts the system store only).
 */
const cert = readFileSync(new URL('../fixtures/tls/localhost.crt', import.meta.url));
const key = readFileSync(new URL('../fixtures/tls/localhost.key', import.meta.url));

export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface HttpsPartner {
  readonly url: (path: string) => string;
  readonly received: ReceivedWebhook[];
  readonly transport: WebhookTransport;
  stop(): Promise<void>;
}

export async function startHttpsPartner(): Promise<HttpsPartner> {
  const received: ReceivedWebhook[] = [];
  const server = createServer({ cert, key }, (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const transport: WebhookTransport = {
    post: (url, body, headers) =>
      new Promise((resolve, reject) => {
        // "localhost" on the IPv4 loopback, where the receiver listens; the certificate is checked against the name.
        const r = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, ca: cert, family: 4, timeout: 5_000 }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        });
        r.on('timeout', () => r.destroy(new Error('timeout')));
        r.on('error', reject);
        r.end(body);
      }),
  };
  return {
    url: (path) => `https://localhost:${port}${path}`,
    received,
    transport,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The payload of a received webhook, after checking its compact JWS against the stack's published keys. */
export async function verifiedWebhook(apiUrl: string, webhook: ReceivedWebhook): Promise<{ header: Record<string, unknown>; payload: { type: string; caseId: string; status: string; data: Record<string, unknown> } }> {
  const jwks = (await (await fetch(`${apiUrl}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  const { payload, protectedHeader } = await compactVerify(webhook.body, createLocalJWKSet(jwks));
  return { header: protectedHeader as Record<string, unknown>, payload: JSON.parse(new TextDecoder().decode(payload)) as { type: string; caseId: string; status: string; data: Record<string, unknown> } };
}
