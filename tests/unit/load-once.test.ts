import { describe, expect, it } from 'vitest';
import { loadOnce } from '#domain/load-once.ts';

describe('loadOnce', () => {
  it('runs the load once and gives every caller, concurrent or later, the same result', async () => {
    let loads = 0;
    const get = loadOnce(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([get(), get()]);
    const c = await get();
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('forgets a failed load, so the next call tries again and then keeps the success', async () => {
    let attempt = 0;
    const get = loadOnce(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('chunk missing');
      return attempt;
    });
    await expect(get()).rejects.toThrow('chunk missing');
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
    expect(attempt).toBe(2);
  });
});
