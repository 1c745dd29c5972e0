import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mountLazyPaths } from '#http/lazy-routes.ts';

// The fulfilment function's console pages load with their first request (issue 15); they must
// answer exactly as if they had been mounted from the start.
describe('mountLazyPaths without an outer error handler', () => {
  it('loads the app once, on the first request under its paths, and answers with its full-path routes', async () => {
    let loads = 0;
    const app = new Hono();
    app.use('*', async (c, next) => {
      await next();
      c.res.headers.set('x-outer', 'yes');
    });
    mountLazyPaths(app, ['/console/records', '/console/records/*'], async () => {
      loads += 1;
      return new Hono().get('/console/records', (c) => c.text('register')).get('/console/records/download', (c) => c.text('csv'));
    });
    app.get('/healthz', (c) => c.text('ok'));

    expect(await (await app.request('/healthz')).text()).toBe('ok');
    expect(loads).toBe(0);
    const page = await app.request('/console/records');
    expect([await page.text(), page.headers.get('x-outer')]).toEqual(['register', 'yes']);
    expect(await (await app.request('/console/records/download')).text()).toBe('csv');
    expect(loads).toBe(1);
  });

  it('keeps the app’s own error handler, lets unmatched paths fall through to later routes and the outer notFound', async () => {
    const app = new Hono();
    app.onError((error, c) => c.text(`outer: ${error.message}`, 500));
    const pages = new Hono().get('/console/cases/:id/tasks', () => {
      throw new Error('no');
    });
    pages.onError((error, c) => c.text(`page: ${error.message}`, 418));
    mountLazyPaths(app, ['/console/cases/*'], async () => pages);
    app.get('/console/cases/:id', (c) => c.text(`case ${c.req.param('id')}`));
    app.notFound((c) => c.text('outer not found', 404));

    const boom = await app.request('/console/cases/7/tasks');
    expect([boom.status, await boom.text()]).toEqual([418, 'page: no']);
    expect(await (await app.request('/console/cases/7')).text()).toBe('case 7');
    const missing = await app.request('/console/cases/7/nothing');
    expect([missing.status, await missing.text()]).toEqual([404, 'outer not found']);
  });

  it('retries a load that failed', async () => {
    let attempt = 0;
    const app = new Hono();
    app.onError((error, c) => c.text(`outer: ${error.message}`, 500));
    mountLazyPaths(app, ['/g'], async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('chunk missing');
      return new Hono().get('/g', (c) => c.text('loaded'));
    });

    expect(await (await app.request('/g')).text()).toBe('outer: chunk missing');
    expect(await (await app.request('/g')).text()).toBe('loaded');
  });
});
