import { Hono, type Context } from 'hono';
import { bearerToken } from './auth.ts';
import type { AppExtension } from './app.ts';
import { createBaseApp, errorResponse } from './base-app.ts';
import type { ConsoleUiDeps } from './console/deps.ts';
import type { ApiDeps, AppEnv } from './deps.ts';
import { FULFILMENT_PAGE_PATHS } from './console/fulfilment-page-paths.ts';
import { mountLazy, mountLazyPaths } from './lazy-routes.ts';

/** The staff API's fulfilment routes and the connector callbacks: a chunk of their own, loaded on their first request. */
const routes = () => import('./staff-api/fulfilment-routes.ts');

/**
 * Fulfilment over HTTP (docs/fulfilment.md), its own deployable: the staff fulfilment API
 * (`/console/api/cases/{id}/tasks…`, `/fulfilment`, `/notices`, `/answer/assemble`, `/tasks`), the
 * HTTP connector's signed callbacks (`/fulfilment/callbacks/{tenant}`), and the console's task
 * pages and register download (`/console/cases/{id}/tasks`, `/console/records`). On AWS API
 * Gateway routes these paths to the fulfilment function, which alone carries the connectors
 * (PostgreSQL through `pg`, the signed HTTP requests), so neither the API's nor the console's
 * bundle does; locally the one server mounts it beside them.
 */
export const fulfilmentExtension =
  (deps: ApiDeps, ui?: ConsoleUiDeps): AppExtension =>
  (app) => {
    // The JSON routes (their use cases: tasks, notices, answer assembly, the workflow's decision)
    // load with their first request, not at every cold start: the function's usual first request
    // is a handler opening a task page (issue 15). Errors map as the app's own (one RFC 9457 mapper).
    const onError = (error: unknown, c: Context<AppEnv>) => errorResponse(deps, c, error);
    mountLazy(
      app,
      '/console/api',
      () =>
        routes().then(({ consoleFulfilmentRoutes }) => {
          const api = new Hono<AppEnv>();
          api.use('*', async (c, next) => {
            // Mounted beside the staff API (locally) its token check has run already; on its own it runs here.
            if (!c.get('staff')) c.set('staff', await deps.verifyStaffToken(bearerToken(c.req.header('authorization'))));
            await next();
          });
          return api.route('/', consoleFulfilmentRoutes(deps));
        }),
      onError,
    );
    mountLazy(app, '/fulfilment', () => routes().then(({ fulfilmentCallbackRoutes }) => fulfilmentCallbackRoutes(deps)), onError);
    if (!ui) return;
    // The pages (~170 KB: JSX views, labels, the console's session and error pages) load with the
    // first page request, a chunk of their own: a cold start for the API or a callback skips them.
    mountLazyPaths(app, FULFILMENT_PAGE_PATHS, () => import('./console/fulfilment-pages.tsx').then((m) => m.fulfilmentPages(deps, ui)));
  };

/** The fulfilment function's app: the shared base (headers, limits, problem mapper) and the routes above. */
export function createFulfilmentApp(deps: ApiDeps, ui?: ConsoleUiDeps): Hono<AppEnv> {
  const app = createBaseApp(deps);
  fulfilmentExtension(deps, ui)(app);
  return app;
}
