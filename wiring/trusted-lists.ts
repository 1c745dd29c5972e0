import type { S3Client } from '@aws-sdk/client-s3';
import { FetchHttpFetcher } from '#adapters/identity/http-fetcher.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';
import { systemClock } from '#adapters/system.ts';
import { loadTrustedListConfig } from '#config/trusted-list-config.ts';
import type { ClientSource } from '#adapters/client-source.ts';
import type { RefreshResult } from '#usecases/identity/refresh-trusted-lists.ts';
import { awsClients } from './clients.ts';

/**
 * The trusted-list refresh: the EU list of lists over HTTPS, the cache in the evidence bucket.
 * The configuration is read and checked at init (fail fast); the verifying stack (the use case
 * with its XML-signature and certificate code, ~150 KB) and the S3 client (~300 KB) are loaded
 * by the run, which needs every one of them: only the module load moves out of init, none of it
 * is skipped (docs/performance.md, "trusted-list-refresh, fulfilment, inbound-email").
 * Example: `const refresh = trustedListsFromEnv(); await refresh()`.
 */
export function trustedListsFromEnv(): () => Promise<RefreshResult> {
  const config = loadTrustedListConfig();
  const aws = awsClients({ region: config.region, s3Endpoint: config.s3Endpoint });
  const s3: ClientSource<S3Client> = () => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3'));
  const deps = { http: new FetchHttpFetcher(), cache: new S3BlobStore(s3, config.cacheBucket), clock: systemClock };
  return async () => {
    const [{ refreshTrustedLists }, { Certificate }] = await Promise.all([import('#usecases/identity/refresh-trusted-lists.ts'), import('#signatures/certificate.ts')]);
    const lotlSigners = config.lotlSignersPem.map((pem) => Certificate.fromPemOrDer(new TextEncoder().encode(pem)));
    return refreshTrustedLists(deps, { lotlUrl: config.lotlUrl, lotlSigners, territories: config.territories });
  };
}
