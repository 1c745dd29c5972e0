/**
 * `@aws-sdk/endpoint-cache` for the Lambda bundles (infra/bundling.ts, LAMBDA_SDK_ALIAS): the same
 * class over a `Map` in place of mnemonist's LRU cache. Every DynamoDB client makes one at
 * construction (endpoint discovery), but DynamoDB only reads it when discovery is turned on, which
 * no function does; mnemonist and obliterator, CommonJS evaluated at load, were ~7 KB of every
 * init (issue 15, docs/performance.md). Same contract as the SDK's: least recently read or
 * written key evicted at capacity, `has`/peek without touching recency, expired endpoints dropped
 * on read, `delete` stores an empty list. `tests/unit/endpoint-cache.test.ts` runs both on the same
 * operations. Locally and in tests the SDK's own module runs (nothing is aliased outside the bundles).
 */
export interface Endpoint {
  Address: string;
  CachePeriodInMinutes: number;
}

export interface EndpointWithExpiry extends Pick<Endpoint, 'Address'> {
  Expires: number;
}

export class EndpointCache {
  private readonly cache = new Map<string, EndpointWithExpiry[]>();

  constructor(private readonly capacity: number) {
    // As mnemonist refuses it.
    if (typeof capacity !== 'number' || capacity <= 0) throw new Error('mnemonist/lru-cache: capacity should be positive number.');
  }

  getEndpoint(key: string): string | undefined {
    const endpointsWithExpiry = this.get(key);
    if (!endpointsWithExpiry || endpointsWithExpiry.length === 0) return undefined;
    const endpoints = endpointsWithExpiry.map((endpoint) => endpoint.Address);
    return endpoints[Math.floor(Math.random() * endpoints.length)];
  }

  get(key: string): EndpointWithExpiry[] | undefined {
    if (!this.has(key)) return undefined;
    const value = this.touch(key);
    if (!value) return undefined;
    const now = Date.now();
    const endpointsWithExpiry = value.filter((endpoint) => now < endpoint.Expires);
    if (endpointsWithExpiry.length === 0) {
      this.delete(key);
      return undefined;
    }
    return endpointsWithExpiry;
  }

  set(key: string, endpoints: Endpoint[]): void {
    const now = Date.now();
    this.store(
      key,
      endpoints.map(({ Address, CachePeriodInMinutes }) => ({ Address, Expires: now + CachePeriodInMinutes * 60 * 1000 })),
    );
  }

  delete(key: string): void {
    this.store(key, []);
  }

  has(key: string): boolean {
    const endpoints = this.cache.get(key);
    return endpoints !== undefined && endpoints.length > 0;
  }

  clear(): void {
    this.cache.clear();
  }

  /** A read makes the key the most recently used (a Map iterates in insertion order). */
  private touch(key: string): EndpointWithExpiry[] | undefined {
    const value = this.cache.get(key);
    if (value !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, value);
    }
    return value;
  }

  /** A write makes the key the most recently used; a new key at capacity evicts the least recently used. */
  private store(key: string, value: EndpointWithExpiry[]): void {
    if (this.cache.has(key)) this.cache.delete(key);
    else if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, value);
  }
}
