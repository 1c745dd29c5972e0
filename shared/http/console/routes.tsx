import { Hono } from 'hono';
import { consoleContext } from './context.tsx';
import { consoleErrorHandler } from './errors.tsx';
import { sessionRoutes } from './session-routes.tsx';
import { inboxRoutes } from './inbox-routes.tsx';
import { caseRoutes } from './case-routes.tsx';
import { identityRoutes } from './identity-routes.tsx';
import { intakeRoutes } from './intake-routes.tsx';
import { printBatchRoutes } from './print-batch-routes.tsx';
import { unprocessedRoutes } from './unprocessed-routes.tsx';
import { handlingRoutes } from './handling-routes.tsx';
import { csrf } from 'hono/csrf';
import type { ApiDeps, AppEnv } from '../deps.ts';
import type { ConsoleUiDeps } from './deps.ts';

/**
 * The staff console under `/console`: server-rendered Hono JSX pages and plain HTML forms that
 * call the same use cases as the JSON staff API. The browser holds a signed session cookie;
 * every POST passes Hono's Origin check and a per-session CSRF token.
 */
export function consoleUi(deps: ApiDeps, ui: ConsoleUiDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cx = consoleContext(deps, ui);
  const { ctxOf } = cx;

  // Every state-changing request must come from this origin (Origin header), on top of the token.
  app.use('/console/login/*', csrf());
  app.use('/console/logout', csrf());
  app.use('/console/cases/*', csrf());
  app.use('/console/register', csrf());
  app.use('/console/print-queue/*', csrf());
  app.use('/console/print-batch/*', csrf());
  app.use('/console/unprocessed/*', csrf());
  app.use('/console/bulk', csrf());

  sessionRoutes(app, cx);
  inboxRoutes(app, cx);
  caseRoutes(app, cx);
  identityRoutes(app, cx);
  intakeRoutes(app, cx);
  printBatchRoutes(app, cx);
  unprocessedRoutes(app, cx);
  handlingRoutes(app, cx);

  app.onError(consoleErrorHandler(deps, ctxOf));

  return app;
}
