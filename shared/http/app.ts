import type { Hono, Context } from 'hono';
import type { ApiDeps, AppEnv } from './deps.ts';
import { loadOnce } from '#domain/load-once.ts';
import { createBaseApp, errorResponse } from './base-app.ts';
import { mountLazy } from './lazy-routes.ts';
import { partnerRoutes } from './partner-routes.ts';
import { PROBLEM_KINDS, problemFor, problemResponse, type ProblemCode } from './problem.ts';

export { createBaseApp } from './base-app.ts';

/** Adds routes to an app (the console UI is one: its own Lambda on AWS, mounted locally). */
export type AppExtension = (app: Hono<AppEnv>) => void;

/**
 * The HTTP API: the same Hono app runs on Lambda (functions/api) and on the local Node server.
 * One error handler maps every failure to RFC 9457; nothing internal reaches a client.
 * `extensions` add routes (locally: the console pages and fulfilment, which on AWS are their own functions).
 */
export function createApp(deps: ApiDeps, extensions: readonly AppExtension[] = []): Hono<AppEnv> {
  const app = createBaseApp(deps);
  // Loaded and built on the first request for the documents, not at init: converting every zod
  // schema to JSON Schema took ~55 ms of each cold start, and few containers are ever asked for them;
  // the HTML page's renderer (~2 KB) comes with them (issue 15).
  const documents = loadOnce(() =>
    Promise.all([import('./openapi.ts'), import('./docs-page.ts')]).then(([{ buildOpenApi }, { renderDocsPage }]) => {
      const openApi = buildOpenApi();
      return { openApi, html: renderDocsPage(openApi) };
    }),
  );

  // Partners verify webhook JWS signatures with these (kid per tenant key); cacheable, keys rotate by adding.
  app.get('/.well-known/jwks.json', async (c) => {
    c.header('cache-control', 'public, max-age=300');
    const jwks = typeof deps.webhookJwks === 'function' ? await deps.webhookJwks() : deps.webhookJwks;
    return c.json(jwks ?? { keys: [] });
  });
  app.get('/openapi.json', async (c) => c.json((await documents()).openApi));
  app.get('/docs', async (c) => c.html((await documents()).html));
  app.get('/problems/:slug', (c) => {
    const code = c.req.param('slug').replaceAll('-', '_');
    if (!(code in PROBLEM_KINDS)) return problemResponse(c, problemFor('not_found', 'No such problem type.'));
    const kind = PROBLEM_KINDS[code as ProblemCode];
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${kind.title}</title></head><body><h1>${kind.title}</h1><p>HTTP ${kind.status}. See <a href="/docs">the API reference</a>.</p></body></html>`);
  });

  app.route('/v1', partnerRoutes(deps));
  // The staff API is loaded on its first request (a chunk of its own in the Lambda bundle): a cold
  // partner intake, the API's usual first request, never compiles it (~115 KB, issue 15).
  const onError = (error: unknown, c: Context) => errorResponse(deps, c, error);
  mountLazy(app, '/console/api', () => import('./staff-api/routes.ts').then((m) => m.consoleRoutes(deps)), onError);
  for (const extend of extensions) extend(app);
  return app;
}
