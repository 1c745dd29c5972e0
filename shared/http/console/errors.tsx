import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, UnauthenticatedError } from '#domain/errors.ts';
import type { ApiDeps } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import type { ConsoleContext } from './context.tsx';
import { ErrorPage } from './layout.tsx';
import { errorText, PAGE_ERROR_TEXT } from './error-text.ts';

/**
 * The console's one error handler (pages, not problem+json): sign-in redirect for a GET without a
 * session, the domain error's page, Hono's own refusals, and a correlation id for our faults.
 * Shared by the console function and the fulfilment function's pages.
 */
export function consoleErrorHandler(deps: Pick<ApiDeps, 'logError'>, ctxOf: ConsoleContext['ctxOf']) {
  return (error: Error, c: Context) => {
    const ctx = ctxOf(c, null);
    if (error instanceof UnauthenticatedError && c.req.method === 'GET' && !c.req.path.startsWith('/console/callback')) {
      const url = new URL(c.req.url);
      return c.redirect(`/console/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    if (error instanceof DomainError) {
      const title = error.code === 'not_found' ? ctx.t('notFound') : error.code === 'unauthenticated' ? ctx.t('signInNeeded') : error.code === 'forbidden' ? ctx.t('forbidden') : ctx.t('errorTitle');
      return c.html(<ErrorPage ctx={ctx} title={title} detail={errorText(error, ctx.lang)} />, PROBLEM_KINDS[error.code].status as 400);
    }
    // Hono's own refusals (the Origin check, body limits) keep their status.
    if (error instanceof HTTPException && error.status < 500) return c.html(<ErrorPage ctx={ctx} title={ctx.t('forbidden')} detail={PAGE_ERROR_TEXT.refused[ctx.lang]} />, error.status);
    // Our fault: a correlation id to quote, the detail only in the log (as the JSON API does).
    const correlationId = crypto.randomUUID();
    (deps.logError ?? ((id, e) => console.error(JSON.stringify({ level: 'error', correlationId: id, error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }))))(correlationId, error);
    return c.html(<ErrorPage ctx={ctx} title={PAGE_ERROR_TEXT.internalTitle[ctx.lang]} detail={PAGE_ERROR_TEXT.internal[ctx.lang].replace('{id}', correlationId)} />, 500);
  };
}
