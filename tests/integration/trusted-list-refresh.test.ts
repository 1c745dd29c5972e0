import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FetchHttpFetcher } from '#adapters/identity/http-fetcher.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';
import { SignedS3BlobStore } from '#adapters/s3/signed-blob-store.ts';
import { SignedS3Client } from '#adapters/s3/signed-s3-client.ts';
import { CachedTrustedLists } from '#usecases/identity/cached-trusted-lists.ts';
import { refreshTrustedLists, TL_INDEX_KEY } from '#usecases/identity/refresh-trusted-lists.ts';
import { trustedListsFromEnv } from '#wiring/trusted-lists.ts';
import { asFunction, localIamStats } from '../../local/iam/enforce.ts';
import { ensureBuckets } from '../../local/provision.ts';
import { S3_LOCAL_CREDENTIALS } from '../../local/services/s3-local.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../support/identity-fixtures.ts';
import { s3ClientFor } from './helpers.ts';

/**
 * The trusted-list refresh as deployed (wiring/trusted-lists.ts), against s3rver and under its
 * synthesized role: its cache goes through the light signed S3 client (no AWS SDK), which local
 * IAM enforcement checks exactly as it checks SDK commands, and what it writes is what the SDK
 * client of the validators reads back.
 */
const endpoint = inject('s3Endpoint');
const BUCKET = 'tlr-test-evidence';
const sdk = s3ClientFor(endpoint);
let fx: Awaited<ReturnType<typeof identityFixtures>>;
let server: Server;
let base: string;

beforeAll(async () => {
  fx = await identityFixtures();
  await ensureBuckets(sdk, [BUCKET]);
  const served = new Map([
    ['/LOTL.xml', readBytes(fx.lotl)],
    ['/TL-LT.xml', readBytes(fx.trustedList)],
  ]);
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    res.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: S3_LOCAL_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3_LOCAL_CREDENTIALS.secretAccessKey });
});
afterAll(async () => {
  sdk.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function wired() {
  const { deps, input } = trustedListsFromEnv({ AWS_REGION: 'eu-central-1', S3_ENDPOINT: endpoint, EVIDENCE_BUCKET: BUCKET, TL_LOTL_URL: `${base}/LOTL.xml`, TL_LOTL_SIGNERS_FILE: fx.lotlSigner });
  // The test LOTL points at http://127.0.0.1/TL-LT.xml (no port): mapped to the loopback server.
  const real = new FetchHttpFetcher();
  return { deps: { ...deps, http: { get: (url: string) => real.get(url.replace('http://127.0.0.1/', `${base}/`)) }, clock: { now: () => new Date(fx.at) } }, input };
}

describe('trusted-list refresh against the S3 stand-in, under its role', () => {
  it('caches the verified list in the evidence bucket, where the SDK-based reader finds it', async () => {
    const { deps, input } = wired();
    const checkedBefore = localIamStats().checked;
    const result = await asFunction('trusted-list-refresh', () => refreshTrustedLists(deps, input));
    expect(result).toEqual({ refreshed: ['LT'], failed: {} });
    // The index read, the list written, the index written: each authorised against the role.
    expect(localIamStats().checked - checkedBefore).toBeGreaterThanOrEqual(3);
    const reader = new S3BlobStore(sdk, BUCKET);
    const index = JSON.parse(new TextDecoder().decode(await reader.get(TL_INDEX_KEY))) as { lists: { key: string }[] };
    expect(await reader.get(index.lists[0]!.key)).toEqual(readBytes(fx.trustedList));
    const source = await new CachedTrustedLists(reader, { now: () => new Date(fx.at) }).current();
    expect(source?.lists.map((l) => [l.territory, l.sequenceNumber, l.sha256])).toEqual([['LT', 7, fixtureTrustedList(fx).sha256]]);
    // A second run reads the index the first wrote (through the light client) and keeps it whole.
    expect(await asFunction('trusted-list-refresh', () => refreshTrustedLists(deps, input))).toEqual({ refreshed: ['LT'], failed: {} });
  });

  it('is held to its role: objects outside trusted-lists/ and other functions are refused before the request leaves', async () => {
    const { deps, input } = wired();
    const deniedBefore = localIamStats().denied.length;
    await expect(asFunction('trusted-list-refresh', () => deps.cache.put('identity/scan.jpg', new Uint8Array([1]), 'image/jpeg'))).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(asFunction('trusted-list-refresh', () => deps.cache.get('identity/scan.jpg'))).rejects.toMatchObject({ name: 'AccessDenied' });
    // Another function's role grants nothing in trusted-lists/: the refresh cannot write its index.
    await expect(asFunction('overdue-gauge', () => refreshTrustedLists(deps, input))).rejects.toMatchObject({ name: 'AccessDenied' });
    const denied = localIamStats().denied.slice(deniedBefore);
    expect(denied.map((d) => [d.fn, d.action, d.resource])).toEqual(
      expect.arrayContaining([
        ['trusted-list-refresh', 's3:PutObject', expect.stringMatching(/:s3:::rightsdesk-evidence-\d+-[a-z0-9-]+\/identity\/scan\.jpg$/)],
        ['trusted-list-refresh', 's3:GetObject', expect.stringMatching(/\/identity\/scan\.jpg$/)],
        ['overdue-gauge', 's3:PutObject', expect.stringMatching(/\/trusted-lists\/index\.json$/)],
      ]),
    );
  });

  it("surfaces S3's own refusals by their code: a missing key, an unknown access key", async () => {
    const store = new SignedS3BlobStore(new SignedS3Client({ region: 'eu-central-1', endpoint }), BUCKET);
    await expect(store.get('trusted-lists/absent.json')).rejects.toMatchObject({ name: 'NoSuchKey', status: 404 });
    const stranger = new SignedS3BlobStore(new SignedS3Client({ region: 'eu-central-1', endpoint }, () => ({ accessKeyId: 'AKIASTRANGER', secretAccessKey: 'x' })), BUCKET);
    await expect(stranger.put('trusted-lists/x.json', new Uint8Array([1]), 'application/json')).rejects.toMatchObject({ name: 'InvalidAccessKeyId', status: 403 });
  });
});
