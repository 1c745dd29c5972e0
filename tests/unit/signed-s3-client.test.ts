import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SignedS3BlobStore } from '#adapters/s3/signed-blob-store.ts';
import { SignedS3Client } from '#adapters/s3/signed-s3-client.ts';

/**
 * The light S3 client of the trusted-list refresh against a recording HTTP server: each request's
 * SigV4 signature is recomputed with the AWS SDK's own signer (@smithy/signature-v4, as the S3
 * client configures it) and must be the same; retries and errors follow the SDK's standard mode.
 */
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-example' };

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (data: SourceData): string | Uint8Array => (typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

/** SHA-256 (HMAC with a secret) on node:crypto, the shape the SDK signer takes. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}
const sdkSigner = new SignatureV4({ service: 's3', region: 'eu-central-1', credentials: CREDENTIALS, sha256: NodeSha256, uriEscapePath: false, applyChecksum: true });

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly sdkSignature: string;
}
let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let answers: Array<{ status: number; body?: string }> = [];

/** What the SDK's signer says the request's signature must be, for the headers the request signed. */
async function sdkSignatureOf(req: IncomingMessage, port: number): Promise<string> {
  const auth = String(req.headers.authorization ?? '');
  const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedNames) headers[name] = String(req.headers[name]);
  const [path = '/', query = ''] = (req.url ?? '/').split('?');
  const amzDate = String(req.headers['x-amz-date']);
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const signed = await sdkSigner.sign(
    { method: req.method ?? 'GET', protocol: 'http:', hostname: '127.0.0.1', port, path, query: Object.fromEntries(new URLSearchParams(query)), headers },
    { signingDate },
  );
  return /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void sdkSignatureOf(req, (server.address() as AddressInfo).port).then((sdkSignature) => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), sdkSignature });
        const answer = answers.shift() ?? { status: 200, body: 'stored bytes' };
        res.writeHead(answer.status, { 'content-type': answer.status === 200 ? 'application/octet-stream' : 'application/xml' }).end(answer.body ?? '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  answers = [];
});

const store = () => new SignedS3BlobStore(new SignedS3Client({ region: 'eu-central-1', endpoint }, () => CREDENTIALS), 'rightsdesk-evidence');
const s3Error = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code} happened</Message></Error>`;

describe('the light S3 client', () => {
  it('signs PutObject as the SDK signer does: path-style, payload hash, session token, content type', async () => {
    const body = new TextEncoder().encode('{"lists":[]}');
    await store().put('trusted-lists/index.json', body, 'application/json');
    expect(seen).toHaveLength(1);
    const [put] = seen;
    expect(put!.method).toBe('PUT');
    expect(put!.url).toBe('/rightsdesk-evidence/trusted-lists/index.json');
    expect(put!.body.toString()).toBe('{"lists":[]}');
    expect(put!.headers['content-type']).toBe('application/json');
    expect(put!.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(body).digest('hex'));
    expect(put!.headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
    const auth = String(put!.headers.authorization);
    expect(auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
    for (const name of ['host', 'content-type', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token']) expect(auth).toContain(name);
    expect(/Signature=([0-9a-f]+)/.exec(auth)?.[1]).toBe(put!.sdkSignature);
  });

  it('signs GetObject (empty payload hash, an escaped key) as the SDK signer does and returns the bytes', async () => {
    expect(new TextDecoder().decode(await store().get('trusted-lists/LT list+1.xml'))).toBe('stored bytes');
    const [get] = seen;
    expect(get!.url).toBe('/rightsdesk-evidence/trusted-lists/LT%20list%2B1.xml');
    expect(get!.headers['x-amz-content-sha256']).toBe(createHash('sha256').update('').digest('hex'));
    expect(/Signature=([0-9a-f]+)/.exec(String(get!.headers.authorization))?.[1]).toBe(get!.sdkSignature);
  });

  it('retries what the SDK retries (5xx, SlowDown) within 3 attempts, each signed anew', async () => {
    answers = [{ status: 503, body: s3Error('SlowDown') }, { status: 500, body: s3Error('InternalError') }];
    expect(new TextDecoder().decode(await store().get('trusted-lists/index.json'))).toBe('stored bytes');
    expect(seen).toHaveLength(3);
    for (const request of seen) expect(/Signature=([0-9a-f]+)/.exec(String(request.headers.authorization))?.[1]).toBe(request.sdkSignature);
    answers = [{ status: 503, body: s3Error('SlowDown') }, { status: 503, body: s3Error('SlowDown') }, { status: 503, body: s3Error('SlowDown') }, { status: 200 }];
    await expect(store().get('trusted-lists/index.json')).rejects.toMatchObject({ name: 'SlowDown', status: 503 });
    expect(seen).toHaveLength(6);
  });

  it('does not retry a refusal, and names it by S3 code', async () => {
    answers = [{ status: 403, body: s3Error('AccessDenied') }];
    await expect(store().put('identity/scan.jpg', new Uint8Array([1]), 'image/jpeg')).rejects.toMatchObject({ name: 'AccessDenied', status: 403, message: expect.stringContaining('AccessDenied happened') });
    answers = [{ status: 404, body: s3Error('NoSuchKey') }];
    await expect(store().get('trusted-lists/absent.json')).rejects.toMatchObject({ name: 'NoSuchKey', status: 404 });
    expect(seen).toHaveLength(2);
  });

  it('uses virtual-hosted addressing on AWS and refuses to sign without credentials', async () => {
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: URL) => {
      fetched.push(String(input));
      return Promise.resolve(new Response('ok'));
    }) as typeof fetch;
    try {
      await new SignedS3Client({ region: 'eu-central-1' }, () => CREDENTIALS).sendS3Command('GetObjectCommand', { Bucket: 'rightsdesk-evidence-123456789012-eu-central-1', Key: 'trusted-lists/index.json' });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual(['https://rightsdesk-evidence-123456789012-eu-central-1.s3.eu-central-1.amazonaws.com/trusted-lists/index.json']);
    const noKeys = new SignedS3Client({ region: 'eu-central-1', endpoint }, () => {
      throw new Error('Unable to find environment variable credentials');
    });
    await expect(noKeys.sendS3Command('GetObjectCommand', { Bucket: 'b', Key: 'k' })).rejects.toThrow(/credentials/);
    expect(seen).toHaveLength(0);
  });
});
