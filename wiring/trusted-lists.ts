import { FetchHttpFetcher } from '#adapters/identity/http-fetcher.ts';
import { SignedS3BlobStore } from '#adapters/s3/signed-blob-store.ts';
import { SignedS3Client } from '#adapters/s3/signed-s3-client.ts';
import { systemClock } from '#adapters/system.ts';
import { s3EndpointFromEnv } from '#config/aws-request-env.ts';
import { loadTrustedListConfig } from '#config/trusted-list-config.ts';
import { Certificate } from '#signatures/certificate.ts';
import type { refreshTrustedLists } from '#usecases/identity/refresh-trusted-lists.ts';

type Refresh = Parameters<typeof refreshTrustedLists>;

/**
 * The trusted-list refresh: the EU list of lists over HTTPS, the cache in the evidence bucket.
 * Its two S3 calls (read and write the cache) go through the light signed client, not the SDK's
 * S3 client, whose code was a third of this function's cold start (docs/performance.md).
 */
/** `env`: the process environment unless given (tests). */
export function trustedListsFromEnv(env?: Record<string, string | undefined>): { deps: Refresh[0]; input: Refresh[1] } {
  const config = loadTrustedListConfig(env);
  const cache = new SignedS3BlobStore(new SignedS3Client({ region: config.region, endpoint: s3EndpointFromEnv(config.s3Endpoint, env) }), config.cacheBucket);
  const lotlSigners = config.lotlSignersPem.map((pem) => Certificate.fromPemOrDer(new TextEncoder().encode(pem)));
  return { deps: { http: new FetchHttpFetcher(), cache, clock: systemClock }, input: { lotlUrl: config.lotlUrl, lotlSigners, territories: config.territories } };
}
