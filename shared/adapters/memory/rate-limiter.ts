import type { RateLimiter } from '#ports/cases.ts';
import { rateWindow, type RateLimit } from '#domain/rate-limit.ts';

/** One process's counts, for tests and single-process use; Lambda uses the shared DynamoDB limiter. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, { start: number; hits: number }>();

  async take(key: string, limit: RateLimit, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const { start, retryAfterSeconds } = rateWindow(limit, now);
    const current = this.counts.get(key);
    const hits = current && current.start === start ? current.hits : 0;
    if (hits >= limit.max) return { allowed: false, retryAfterSeconds };
    if (this.counts.size > 10_000) this.counts.clear();
    this.counts.set(key, { start, hits: hits + 1 });
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
