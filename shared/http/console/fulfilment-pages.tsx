import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { consoleContext } from './context.tsx';
import type { ConsoleUiDeps } from './deps.ts';
import { consoleErrorHandler } from './errors.tsx';
import { fulfilmentRoutes } from './fulfilment-routes.tsx';
import { registerPageRoutes } from './register-page-routes.tsx';

/**
 * The console's task pages and register download as the fulfilment function serves them: routes
 * at their full paths (under FULFILMENT_PAGE_PATHS), their own CSRF check and their own error pages.
 * Example: `fulfilmentPages(deps, ui).request('/console/records')` renders the register page.
 */
export function fulfilmentPages(deps: ApiDeps, ui: ConsoleUiDeps): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  const cx = consoleContext(deps, ui);
  pages.use('/console/cases/*', csrf());
  pages.use('/console/records/*', csrf());
  fulfilmentRoutes(pages, cx);
  registerPageRoutes(pages, cx);
  pages.onError(consoleErrorHandler(deps, cx.ctxOf));
  return pages;
}
