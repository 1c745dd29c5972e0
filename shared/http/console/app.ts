import type { Hono } from 'hono';
import type { AppExtension } from '../app.ts';
import { loadOnce } from '#domain/load-once.ts';
import { createBaseAppDeferred } from '../base-app.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import type { ConsoleUiDeps } from './deps.ts';
import { consoleUi, consoleUiDeferred } from './routes.tsx';

/** Mounts the console pages on an app (the local server serves API and console together). */
export const consoleUiExtension =
  (deps: ApiDeps, ui: ConsoleUiDeps): AppExtension =>
  (app) => {
    app.route('/', consoleUi(deps, ui));
  };

/**
 * The console pages as their own app: on AWS they are their own Lambda behind the same HTTP API
 * (`/console/*`; `/console/api/*` stays on the API function), so neither bundle carries the other.
 * `loadDeps` makes the API's deps on the first request that needs them (the session check and the
 * sign-in pages do not); `base` is what the app needs from its first request on.
 */
export function createConsoleApp(base: Pick<ApiDeps, 'limits' | 'logError'>, loadDeps: () => Promise<ApiDeps>, ui: ConsoleUiDeps): Hono<AppEnv> {
  // One set of deps for the pages and /readyz, made once (a failure is retried by the next request).
  const deps = loadOnce(loadDeps);
  const app = createBaseAppDeferred(base, deps);
  app.route('/', consoleUiDeferred(base, deps, ui));
  return app;
}
