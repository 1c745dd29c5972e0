import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { bearerToken } from './auth.ts';
import type { AppExtension } from './app.ts';
import { createBaseApp } from './base-app.ts';
import { consoleContext } from './console/context.tsx';
import type { ConsoleUiDeps } from './console/deps.ts';
import { consoleErrorHandler } from './console/errors.tsx';
import { fulfilmentRoutes } from './console/fulfilment-routes.tsx';
import { registerPageRoutes } from './console/register-page-routes.tsx';
import type { ApiDeps, AppEnv } from './deps.ts';
import { consoleFulfilmentRoutes, fulfilmentCallbackRoutes } from './staff-api/fulfilment-routes.ts';

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
    const api = new Hono<AppEnv>();
    api.use('*', async (c, next) => {
      // Mounted beside the staff API (locally) its token check has run already; on its own it runs here.
      if (!c.get('staff')) c.set('staff', await deps.verifyStaffToken(bearerToken(c.req.header('authorization'))));
      await next();
    });
    api.route('/', consoleFulfilmentRoutes(deps));
    app.route('/console/api', api);
    app.route('/fulfilment', fulfilmentCallbackRoutes(deps));
    if (!ui) return;
    const pages = new Hono<AppEnv>();
    const cx = consoleContext(deps, ui);
    pages.use('/console/cases/*', csrf());
    pages.use('/console/records/*', csrf());
    fulfilmentRoutes(pages, cx);
    registerPageRoutes(pages, cx);
    pages.onError(consoleErrorHandler(deps, cx.ctxOf));
    app.route('/', pages);
  };

/** The fulfilment function's app: the shared base (headers, limits, problem mapper) and the routes above. */
export function createFulfilmentApp(deps: ApiDeps, ui?: ConsoleUiDeps): Hono<AppEnv> {
  const app = createBaseApp(deps);
  fulfilmentExtension(deps, ui)(app);
  return app;
}
