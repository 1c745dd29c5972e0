import { Hono } from 'hono';
import { consoleContext } from './context.tsx';
import { sessionRoutes } from './session-routes.tsx';
import { inboxRoutes } from './inbox-routes.tsx';
import { caseRoutes } from './case-routes.tsx';
import { identityRoutes } from './identity-routes.tsx';
import { intakeRoutes } from './intake-routes.tsx';
import { unprocessedRoutes } from './unprocessed-routes.tsx';
import { fulfilmentRoutes } from './fulfilment-routes.tsx';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { DomainError, UnauthenticatedError } from '#domain/errors.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import type { ConsoleUiDeps } from './deps.ts';
import { ErrorPage } from './layout.tsx';

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
  app.use('/console/unprocessed/*', csrf());

  sessionRoutes(app, cx);
  inboxRoutes(app, cx);
  caseRoutes(app, cx);
  identityRoutes(app, cx);
  intakeRoutes(app, cx);
  unprocessedRoutes(app, cx);
  fulfilmentRoutes(app, cx);

  app.onError((error, c) => {
    const ctx = ctxOf(c, null);
    if (error instanceof UnauthenticatedError && c.req.method === 'GET' && !c.req.path.startsWith('/console/callback')) {
      const url = new URL(c.req.url);
      return c.redirect(`/console/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    if (error instanceof DomainError) {
      const title = error.code === 'not_found' ? ctx.t('notFound') : error.code === 'unauthenticated' ? ctx.t('signInNeeded') : ctx.t('forbidden');
      return c.html(<ErrorPage ctx={ctx} title={title} detail={error.message} />, PROBLEM_KINDS[error.code].status as 400);
    }
    // Hono's own refusals (the Origin check, body limits) keep their status.
    if (error instanceof HTTPException && error.status < 500) return c.html(<ErrorPage ctx={ctx} title={ctx.t('forbidden')} detail={error.message || 'Refused.'} />, error.status);
    // Our fault: a correlation id to quote, the detail only in the log (as the JSON API does).
    const correlationId = crypto.randomUUID();
    (deps.logError ?? ((id, e) => console.error(JSON.stringify({ level: 'error', correlationId: id, error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }))))(correlationId, error);
    return c.html(<ErrorPage ctx={ctx} title={PROBLEM_KINDS.internal.title} detail={`Something went wrong on our side (correlation id ${correlationId}).`} />, 500);
  });

  return app;
}
