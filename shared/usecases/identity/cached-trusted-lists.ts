import type { TrustedList } from '#signatures/trusted-list.ts';
import type { TrustedListSource } from '#ports/identity.ts';
import type { BlobStore } from '#ports/mail.ts';
import type { Clock } from '#ports/cases.ts';

/**
 * The trusted lists validation uses, read only from the refresh job's cache (S3 through the
 * BlobStore port). Each list is checked against the digest the job recorded and re-verified
 * with the signer the LOTL named, then kept in memory for `ttlMs` (a warm Lambda does not
 * re-read S3 per request).
 */
export class CachedTrustedLists implements TrustedListSource<TrustedList> {
  private loaded: { readonly until: number; readonly value: { lists: TrustedList[]; fetchedAt: string } | null } | null = null;

  constructor(
    private readonly cache: BlobStore,
    private readonly clock: Clock,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  async current(): Promise<{ lists: TrustedList[]; fetchedAt: string } | null> {
    const now = this.clock.now().getTime();
    if (this.loaded && this.loaded.until > now) return this.loaded.value;
    // The signature stack (xmldom, asn1js) loads with the first read: the intake step makes this
    // source at init but reads it only for a case that carries a signed file (qes-identity-verifier.ts).
    const [{ digest }, { Certificate }, { loadTrustedList }, { readIndex }] = await Promise.all([
      import('#signatures/algorithms.ts'),
      import('#signatures/certificate.ts'),
      import('#signatures/trusted-list.ts'),
      import('#usecases/identity/refresh-trusted-lists.ts'),
    ]);
    const index = await readIndex(this.cache);
    let value: { lists: TrustedList[]; fetchedAt: string } | null = null;
    if (index) {
      const lists: TrustedList[] = [];
      for (const entry of index.lists) {
        const bytes = await this.cache.get(entry.key);
        if (digest('sha256', bytes).toString('hex') !== entry.sha256) continue; // a cache object that changed is not used
        lists.push(loadTrustedList(bytes, Certificate.fromPemOrDer(new TextEncoder().encode(entry.signerPem))));
      }
      value = { lists, fetchedAt: index.fetchedAt };
    }
    this.loaded = { until: now + this.ttlMs, value };
    return value;
  }
}

/** Fixed lists (tests, the CLI). */
export class StaticTrustedLists implements TrustedListSource<TrustedList> {
  constructor(
    private readonly lists: readonly TrustedList[],
    private readonly fetchedAt: string,
  ) {}

  async current(): Promise<{ lists: readonly TrustedList[]; fetchedAt: string }> {
    return { lists: this.lists, fetchedAt: this.fetchedAt };
  }
}
