import type { Hono } from 'hono';
import type { AppExtension } from '../app.ts';
import { createBaseApp } from '../base-app.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import type { ConsoleUiDeps } from './deps.ts';
import { consoleUi } from './routes.tsx';

/** Mounts the console pages on an app (the local server serves API and console together). */
export const consoleUiExtension =
  (deps: ApiDeps, ui: ConsoleUiDeps): AppExtension =>
  (app) => {
    app.route('/', consoleUi(deps, ui));
  };

/**
 * The console pages as their own app: on AWS they are their own Lambda behind the same HTTP API
 * (`/console/*`; `/console/api/*` stays on the API function), so neither bundle carries the other.
 */
export function createConsoleApp(deps: ApiDeps, ui: ConsoleUiDeps): Hono<AppEnv> {
  const app = createBaseApp(deps);
  consoleUiExtension(deps, ui)(app);
  return app;
}
