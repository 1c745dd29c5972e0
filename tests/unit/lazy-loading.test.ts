import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mountLazy } from '#http/lazy-routes.ts';
import { lazyHandler } from '#wiring/lazy-handler.ts';

// The API's staff routes and the HTTP functions' apps are loaded on first use (issue 15); they
// must answer exactly as if they had been there from the start.
describe('mountLazy', () => {
  const onError = (error: Error) => new Response(`mapped: ${error.message}`, { status: 418 });

  it('loads the group once, on its first request, and answers with its routes under the prefix', async () => {
    let loads = 0;
    const app = new Hono();
    mountLazy(app, '/staff', async () => {
      loads += 1;
      return new Hono().get('/me', (c) => c.json({ me: true }));
    }, onError);
    app.get('/healthz', (c) => c.text('ok'));

    expect(await (await app.request('/healthz')).text()).toBe('ok');
    expect(loads).toBe(0);
    expect(await (await app.request('/staff/me')).json()).toEqual({ me: true });
    expect(await (await app.request('/staff/me')).json()).toEqual({ me: true });
    expect(loads).toBe(1);
  });

  it('maps the group’s errors with the given handler and lets unmatched paths fall through to later routes', async () => {
    const app = new Hono();
    mountLazy(app, '/staff', async () => new Hono().get('/boom', () => { throw new Error('no'); }), onError);
    app.get('/staff/tasks', (c) => c.text('later route'));
    app.notFound((c) => c.text('outer not found', 404));

    const boom = await app.request('/staff/boom');
    expect([boom.status, await boom.text()]).toEqual([418, 'mapped: no']);
    expect(await (await app.request('/staff/tasks')).text()).toBe('later route');
    const missing = await app.request('/staff/nothing');
    expect([missing.status, await missing.text()]).toEqual([404, 'outer not found']);
  });

  it('retries a load that failed', async () => {
    let attempt = 0;
    const app = new Hono();
    app.onError((error, c) => c.text(`outer: ${error.message}`, 500));
    mountLazy(app, '/g', async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('chunk missing');
      return new Hono().get('/', (c) => c.text('loaded'));
    }, onError);

    expect(await (await app.request('/g')).text()).toBe('outer: chunk missing');
    expect(await (await app.request('/g')).text()).toBe('loaded');
  });
});

describe('lazyHandler', () => {
  it('imports the module on the first event only, and again after a failed import', async () => {
    let imports = 0;
    const handler = lazyHandler<number, string, string>(async () => {
      imports += 1;
      if (imports === 1) throw new Error('not yet');
      return { handler: async (event: number, context: string) => `${context}:${event * 2}` };
    });

    expect(imports).toBe(0);
    await expect(handler(1, 'a')).rejects.toThrow('not yet');
    expect(await handler(2, 'b')).toBe('b:4');
    expect(await handler(3, 'c')).toBe('c:6');
    expect(imports).toBe(2);
  });

  it('refuses a module without the handler', async () => {
    await expect(lazyHandler(async () => ({ other: () => 1 }))(null, null)).rejects.toThrow(/no handler "handler"/);
  });
});
