import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mountLazy, mountLazyPaths } from '#http/lazy-routes.ts';

// The API's staff routes are loaded on their first request (issue 15); they
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

// The console's page groups register their full paths (`/console/...`) and are loaded by the
// first request under any of theirs (issue 15).
describe('mountLazyPaths', () => {
  const onError = (error: Error) => new Response(`mapped: ${error.message}`, { status: 418 });

  it('loads a group of full paths on the first request under any of them, once, keeping earlier middleware', async () => {
    let loads = 0;
    const app = new Hono();
    app.use('/pages/*', async (c, next) => {
      await next();
      c.res.headers.set('x-outer', 'yes');
    });
    mountLazyPaths(app, ['/pages/cases/*', '/pages/bulk'], async () => {
      loads += 1;
      return new Hono()
        .get('/pages/cases/:id', (c) => c.text(`case ${c.req.param('id')}`))
        .post('/pages/bulk', (c) => c.text('bulk'))
        .get('/pages/cases/:id/boom', () => {
          throw new Error('no');
        });
    }, onError);
    app.get('/pages/cases/:id/tasks', (c) => c.text('later route'));
    app.get('/pages', (c) => c.text('eager'));
    app.notFound((c) => c.text('outer not found', 404));

    expect(await (await app.request('/pages')).text()).toBe('eager');
    expect(loads).toBe(0);
    const page = await app.request('/pages/cases/7');
    expect([await page.text(), page.headers.get('x-outer')]).toEqual(['case 7', 'yes']);
    expect(await (await app.request('/pages/bulk', { method: 'POST' })).text()).toBe('bulk');
    expect(await (await app.request('/pages/cases/7/tasks')).text()).toBe('later route');
    const boom = await app.request('/pages/cases/7/boom');
    expect([boom.status, await boom.text()]).toEqual([418, 'mapped: no']);
    const missing = await app.request('/pages/cases/7/nothing');
    expect([missing.status, await missing.text()]).toEqual([404, 'outer not found']);
    expect(loads).toBe(1);
  });
});
