import { FetchHttpFetcher } from '#adapters/identity/http-fetcher.ts';
import { s3ClientFor } from '#adapters/email-deps.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';
import { loadTrustedListConfig } from '#config/trusted-list-config.ts';
import { systemClock } from '#adapters/system.ts';
import { Certificate } from '#identity/certificate.ts';
import { refreshTrustedLists, type RefreshResult } from '#usecases/identity/refresh-trusted-lists.ts';

/**
 * Scheduled Lambda (e.g. every 6 hours): refreshes the trusted-list cache that QES validation
 * reads (`trusted-lists/` in the evidence bucket). Config and clients are built once per container.
 */
const config = loadTrustedListConfig();
const cache = new S3BlobStore(s3ClientFor({ region: config.region, ...(config.s3Endpoint ? { s3Endpoint: config.s3Endpoint } : {}) }), config.cacheBucket);
const lotlSigners = config.lotlSignersPem.map((pem) => Certificate.fromPemOrDer(new TextEncoder().encode(pem)));

export async function handler(): Promise<RefreshResult> {
  const result = await refreshTrustedLists({ http: new FetchHttpFetcher(), cache, clock: systemClock }, { lotlUrl: config.lotlUrl, lotlSigners, territories: config.territories });
  // A failed national list is logged (and alarms on the log metric); its old cached copy stays in use.
  if (Object.keys(result.failed).length > 0) console.error(JSON.stringify({ message: 'trusted lists not refreshed', failed: result.failed }));
  return result;
}
