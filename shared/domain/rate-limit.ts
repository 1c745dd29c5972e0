/** How many times a key may act in a fixed window: the public web form's per-address limit. */
export interface RateLimit {
  readonly max: number;
  readonly windowSeconds: number;
}

/** The window `now` falls in, and the seconds until it ends (fixed windows from the epoch). */
export function rateWindow(limit: RateLimit, now: Date): { readonly start: number; readonly retryAfterSeconds: number } {
  const seconds = Math.floor(now.getTime() / 1000);
  const start = seconds - (seconds % limit.windowSeconds);
  return { start, retryAfterSeconds: start + limit.windowSeconds - seconds };
}
