import type { Env, Hono, MiddlewareHandler } from 'hono';

/**
 * Serves the requests under `paths` with an app made on the first of them: `load` is typically a
 * dynamic `import()`, which the split Lambda bundle turns into a chunk of its own, so a cold start
 * whose first request is elsewhere never compiles it (issue 15). Unlike `mountLazy`
 * (lazy-routes.ts) the app's routes keep their full paths and it keeps its own `onError`. A request
 * none of its routes matches falls through to what is registered after (then the app's
 * `notFound`); the outer middleware (headers, body limit) wraps its responses. A failed load is
 * retried by the next request.
 * Example: `mountLazyApp(app, ['/console/records'], () => import('./pages.tsx').then((m) => m.pages(deps)))`.
 */
export function mountLazyApp<E extends Env>(app: Hono<E>, paths: readonly string[], load: () => Promise<Hono<E>>): void {
  const unmatched = new WeakSet<Response>();
  let loaded: Promise<Hono<E>> | undefined;
  const inner = () =>
    (loaded ??= load().then(
      (routes) => {
        routes.notFound((c) => {
          const response = c.body(null, 404);
          unmatched.add(response);
          return response;
        });
        return routes;
      },
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    ));
  const dispatch: MiddlewareHandler<E> = async (c, next) => {
    const response = await (await inner()).fetch(c.req.raw, c.env);
    if (unmatched.has(response)) {
      await next();
      return;
    }
    return response;
  };
  for (const path of paths) app.use(path, dispatch);
}
