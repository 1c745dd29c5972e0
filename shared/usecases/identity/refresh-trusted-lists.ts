import * as z from 'zod/mini';
import type { Certificate } from '#signatures/certificate.ts';
import { TrustedListError } from '#signatures/errors.ts';
import { lotlPointers } from '#signatures/lotl.ts';
import { loadTrustedList, type TrustedList } from '#signatures/trusted-list.ts';
import type { HttpFetcher } from '#ports/identity.ts';
import type { BlobStore } from '#ports/mail.ts';
import type { Clock } from '#ports/cases.ts';

export const TL_CACHE_PREFIX = 'trusted-lists/';
export const TL_INDEX_KEY = `${TL_CACHE_PREFIX}index.json`;

const CacheIndexSchema = z.object({
  fetchedAt: z.string(),
  lotl: z.object({ location: z.string(), sha256: z.string(), sequenceNumber: z.number() }),
  lists: z.array(z.object({ territory: z.string(), key: z.string(), sha256: z.string(), sequenceNumber: z.number(), fetchedAt: z.string(), signerPem: z.string() })),
});
export type CacheIndex = z.infer<typeof CacheIndexSchema>;

export interface RefreshDeps {
  readonly http: HttpFetcher;
  readonly cache: BlobStore;
  readonly clock: Clock;
}

export interface RefreshConfig {
  readonly lotlUrl: string;
  /** Pinned LOTL signer certificates (published in the Official Journal of the EU). */
  readonly lotlSigners: readonly Certificate[];
  /** Only these territories (e.g. ["LT", "LV", "EE"]); all when empty. */
  readonly territories: readonly string[];
}

export interface RefreshResult {
  readonly refreshed: readonly string[];
  /** Territory → why its list was not refreshed (the previous cached copy stays in use). */
  readonly failed: Readonly<Record<string, string>>;
}

/**
 * Refreshes the trusted-list cache (scheduled; never on a request path).
 *
 * Primary course: fetch the LOTL → verify it with a pinned signer → for each national list it
 * points to (optionally only some territories): fetch → verify with a certificate the LOTL
 * publishes for it → store the exact bytes with digest, sequence number and time, and the
 * index the validators read. A list that fails keeps its previous cached copy; a LOTL that
 * fails stops the run (its pointers cannot be trusted).
 * Example: `await refreshTrustedLists(deps, { lotlUrl, lotlSigners, territories: ['LT'] })`.
 */
export async function refreshTrustedLists(deps: RefreshDeps, config: RefreshConfig): Promise<RefreshResult> {
  // The cache index is read while the LOTL downloads (readIndex never rejects: no index is null).
  const [lotlBytes, previous] = await Promise.all([deps.http.get(config.lotlUrl), readIndex(deps.cache)]);
  const lotl = verifiedWithAny(lotlBytes, config.lotlSigners, 'the list of trusted lists');
  const now = deps.clock.now().toISOString();
  const wanted = new Set(config.territories);
  const lists = new Map((previous?.lists ?? []).map((l) => [l.territory, l]));
  const refreshed: string[] = [];
  const failed: Record<string, string> = {};
  for (const pointer of lotlPointers(lotlBytes)) {
    if (wanted.size > 0 && !wanted.has(pointer.territory)) continue;
    try {
      const bytes = await deps.http.get(pointer.location);
      const list = verifiedWithAny(bytes, pointer.signers, `the ${pointer.territory} trusted list`);
      if (list.territory !== pointer.territory) throw new TrustedListError(`The list at ${pointer.location} is for ${list.territory}, not ${pointer.territory}.`);
      const key = `${TL_CACHE_PREFIX}${pointer.territory}-${list.sha256.slice(0, 16)}.xml`;
      await deps.cache.put(key, bytes, 'application/vnd.etsi.tsl+xml');
      lists.set(pointer.territory, { territory: pointer.territory, key, sha256: list.sha256, sequenceNumber: list.sequenceNumber, fetchedAt: now, signerPem: list.signer!.node.toString() });
      refreshed.push(pointer.territory);
    } catch (error) {
      failed[pointer.territory] = error instanceof Error ? error.message : String(error);
    }
  }
  const index: CacheIndex = { fetchedAt: now, lotl: { location: config.lotlUrl, sha256: lotl.sha256, sequenceNumber: lotl.sequenceNumber }, lists: [...lists.values()] };
  await deps.cache.put(TL_INDEX_KEY, new TextEncoder().encode(JSON.stringify(index, null, 2)), 'application/json');
  return { refreshed, failed };
}

function verifiedWithAny(bytes: Uint8Array, signers: readonly Certificate[], what: string): TrustedList {
  let last: unknown;
  for (const signer of signers) {
    try {
      return loadTrustedList(bytes, signer);
    } catch (error) {
      last = error;
    }
  }
  throw new TrustedListError(`${what} does not verify with any of its ${signers.length} published signer certificate(s): ${last instanceof Error ? last.message : 'no certificate'}`);
}

/** The cache index, or null when there is none yet (or it is unreadable: then the next refresh rewrites it). */
export async function readIndex(cache: BlobStore): Promise<CacheIndex | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await cache.get(TL_INDEX_KEY)));
  } catch {
    return null;
  }
  const parsed = CacheIndexSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
