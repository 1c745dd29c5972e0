import { Hono } from 'hono';
import { consoleShell, withDeps, type ConsoleContext } from './context.tsx';
import { consoleErrorHandler } from './errors.tsx';
import { csrf } from 'hono/csrf';
import { mountLazyPaths } from '../lazy-routes.ts';
import { loadOnce } from '#domain/load-once.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import type { ConsoleUiDeps } from './deps.ts';

/** A page group's routes, registered on the app it is given (each route file's export). */
type PageRoutes = (app: Hono<AppEnv>, cx: ConsoleContext) => void;

/**
 * The staff console under `/console`: server-rendered Hono JSX pages and plain HTML forms that
 * call the same use cases as the JSON staff API. The browser holds a signed session cookie;
 * every POST passes Hono's Origin check and a per-session CSRF token.
 */
export function consoleUi(deps: ApiDeps, ui: ConsoleUiDeps): Hono<AppEnv> {
  return consoleUiDeferred(deps, () => Promise.resolve(deps), ui);
}

/**
 * The console with the API's deps made by the first request that needs them (`loadDeps`, the
 * console function's wiring: its own chunk; called by every request that needs them, so pass a
 * loader made with `loadOnce`), and `logError` known at once for the error pages.
 *
 * Only the session check and the error pages are loaded at init; sign-in and each group of pages (the
 * inbox, a case, postal intake, the print batch, the unprocessed mail) is a chunk of its own,
 * loaded with the deps by the first request under its paths (issue 15: every page module and the
 * whole composition root were compiled and run at each cold start, ~800 KB). The groups answer
 * exactly as if registered at init (shared/http/lazy-routes.ts).
 */
export function consoleUiDeferred(base: Pick<ApiDeps, 'logError'>, loadDeps: () => Promise<ApiDeps>, ui: ConsoleUiDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const shell = consoleShell(ui);
  const onError = consoleErrorHandler(base, shell.ctxOf);
  // Made once; a failure (a configuration error) is retried by the next request, like a failed load.
  const contextOnce = loadOnce(() => loadDeps().then((d) => withDeps(shell, d)));

  // Every state-changing request must come from this origin (Origin header), on top of the token.
  app.use('/console/login/*', csrf());
  app.use('/console/logout', csrf());
  app.use('/console/cases/*', csrf());
  app.use('/console/register', csrf());
  app.use('/console/print-queue/*', csrf());
  app.use('/console/print-batch/*', csrf());
  app.use('/console/unprocessed/*', csrf());
  app.use('/console/bulk', csrf());

  // Sign-in and sign-out, the assets and the language switch load with their first request: a
  // signed-in page view, the console's usual first request, checks the cookie only (context.tsx),
  // and these routes and the sign-in views were ~4 KB of each init (issue 15; jose stays: the session check uses it).
  mountLazyPaths(
    app,
    ['/console/assets/*', '/console/lang/*', '/console/login', '/console/login/*', '/console/callback', '/console/logout'],
    () =>
      import('./session-routes.tsx').then(({ sessionRoutes }) => {
        const group = new Hono<AppEnv>();
        sessionRoutes(group, shell, loadDeps);
        return group;
      }),
    onError,
  );
  const pages = (paths: readonly string[], ...groups: ReadonlyArray<() => Promise<PageRoutes>>) =>
    mountLazyPaths(app, paths, async () => {
      const [cx, ...loaded] = await Promise.all([contextOnce(), ...groups.map((load) => load())]);
      const group = new Hono<AppEnv>();
      for (const routes of loaded as PageRoutes[]) routes(group, cx as ConsoleContext);
      return group;
    }, onError);
  pages(['/console', '/console/fragments/counts', '/console/dashboard'], () => import('./inbox-routes.tsx').then((m) => m.inboxRoutes));
  pages(
    ['/console/cases/*', '/console/bulk'],
    () => import('./case-routes.tsx').then((m) => m.caseRoutes),
    () => import('./identity-routes.tsx').then((m) => m.identityRoutes),
    () => import('./handling-routes.tsx').then((m) => m.handlingRoutes),
  );
  pages(['/console/register', '/console/print-queue', '/console/print-queue/*'], () => import('./intake-routes.tsx').then((m) => m.intakeRoutes));
  pages(['/console/print-batch', '/console/print-batch/*'], () => import('./print-batch-routes.tsx').then((m) => m.printBatchRoutes));
  pages(['/console/unprocessed', '/console/unprocessed/*'], () => import('./unprocessed-routes.tsx').then((m) => m.unprocessedRoutes));

  app.onError(onError);

  return app;
}
