import { S3Client } from '@aws-sdk/client-s3';
import { FetchHttpFetcher } from '#adapters/identity/http-fetcher.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';
import { systemClock } from '#adapters/system.ts';
import { loadTrustedListConfig } from '#config/trusted-list-config.ts';
import { Certificate } from '#signatures/certificate.ts';
import type { refreshTrustedLists } from '#usecases/identity/refresh-trusted-lists.ts';
import { clientConfig } from './clients.ts';

type Refresh = Parameters<typeof refreshTrustedLists>;

/** The trusted-list refresh: the EU list of lists over HTTPS, the cache in the evidence bucket. */
export function trustedListsFromEnv(): { deps: Refresh[0]; input: Refresh[1] } {
  const config = loadTrustedListConfig();
  const cache = new S3BlobStore(new S3Client(clientConfig('s3', config)), config.cacheBucket);
  const lotlSigners = config.lotlSignersPem.map((pem) => Certificate.fromPemOrDer(new TextEncoder().encode(pem)));
  return { deps: { http: new FetchHttpFetcher(), cache, clock: systemClock }, input: { lotlUrl: config.lotlUrl, lotlSigners, territories: config.territories } };
}
