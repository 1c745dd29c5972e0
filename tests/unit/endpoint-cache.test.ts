import { EndpointCache as SdkEndpointCache } from '@aws-sdk/endpoint-cache';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EndpointCache } from '#adapters/aws/endpoint-cache.ts';

// The Lambda bundles' stand-in for @aws-sdk/endpoint-cache (infra/bundling.ts, LAMBDA_SDK_ALIAS)
// against the SDK's own class (mnemonist's LRU cache): the same operations, the same answers.
describe('endpoint cache stand-in', () => {
  afterEach(() => vi.useRealTimers());

  it('answers as the SDK class on 4 000 seeded random operations, evictions and expiries included', () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T00:00:00Z') });
    let seed = 15;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const ours = new EndpointCache(5);
    const sdk = new SdkEndpointCache(5);
    const keys = Array.from({ length: 9 }, (_, i) => `k${i}`);
    for (let step = 0; step < 4_000; step++) {
      const key = keys[Math.floor(random() * keys.length)]!;
      const op = Math.floor(random() * 6);
      if (op === 0) {
        const endpoints = Array.from({ length: Math.floor(random() * 3) }, (_, i) => ({ Address: `${key}-${step}-${i}.example`, CachePeriodInMinutes: 1 + Math.floor(random() * 3) }));
        ours.set(key, endpoints);
        sdk.set(key, endpoints);
      } else if (op === 1) expect(ours.get(key), `get ${key} at ${step}`).toEqual(sdk.get(key));
      else if (op === 2) expect(ours.has(key), `has ${key} at ${step}`).toBe(sdk.has(key));
      else if (op === 3) {
        ours.delete(key);
        sdk.delete(key);
      } else if (op === 4) vi.advanceTimersByTime(Math.floor(random() * 40_000));
      else if (random() < 0.01) {
        ours.clear();
        sdk.clear();
      }
      for (const k of keys) expect(ours.has(k), `has ${k} after step ${step}`).toBe(sdk.has(k));
    }
  });

  it('picks one of the unexpired addresses, and refuses a capacity the SDK refuses', () => {
    const cache = new EndpointCache(2);
    cache.set('a', [{ Address: 'a1.example', CachePeriodInMinutes: 1 }, { Address: 'a2.example', CachePeriodInMinutes: 1 }]);
    expect(['a1.example', 'a2.example']).toContain(cache.getEndpoint('a'));
    expect(cache.getEndpoint('b')).toBeUndefined();
    expect(() => new EndpointCache(0)).toThrow('capacity should be positive');
    expect(() => new SdkEndpointCache(0)).toThrow('capacity should be positive');
  });
});
