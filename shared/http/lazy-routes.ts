import { Hono, type Env, type ErrorHandler } from 'hono';
import { loadOnce } from '#domain/load-once.ts';

/**
 * Mounts a route group that is loaded on the first request under `prefix`, not when the app is
 * made: `load` is typically a dynamic `import()` of the group's module, which the split Lambda
 * bundle turns into a chunk of its own, so a cold start compiles and runs only what its first
 * request needs (issue 15: the staff API's ~350 KB were compiled at every API init although a
 * partner's POST /v1/requests never uses them).
 *
 * The group answers exactly as if it had been mounted with `app.route(prefix, group)`: its
 * errors go through the same `onError` (one RFC 9457 mapper), the outer middleware (headers,
 * body limit) wraps its responses, and a request none of its routes matches falls through to the
 * routes registered after it (locally, fulfilment's own `/console/api` routes) and then to the
 * app's `notFound`. A failed load is retried by the next request.
 *
 * Example: `mountLazy(app, '/v1', () => import('./partner-routes.ts').then((m) => m.partnerRoutes(deps)), onError)`.
 */
export function mountLazy<E extends Env>(app: Hono<E>, prefix: string, load: () => Promise<Hono<E>>, onError: ErrorHandler<E>): void {
  dispatchLazily(app, [prefix, `${prefix}/*`], () => load().then((routes) => new Hono<E>().route(prefix, routes)), onError);
}

/**
 * Like `mountLazy`, for a group whose routes carry their full paths (the console's pages, each
 * file registering `/console/...` on the app it is given): the group is loaded on the first
 * request matching one of `paths` (Hono patterns such as `/console/cases/*`), and answers as if
 * its routes had been registered on `app` at that point.
 *
 * Without `onError` the group keeps its own error handler (the fulfilment function's pages answer
 * errors with the console's error page).
 *
 * Example: `mountLazyPaths(app, ['/console/unprocessed', '/console/unprocessed/*'], () => import('./unprocessed-pages.ts').then((m) => m.pages(cx)), onError)`.
 */
export function mountLazyPaths<E extends Env>(app: Hono<E>, paths: readonly string[], load: () => Promise<Hono<E>>, onError?: ErrorHandler<E>): void {
  dispatchLazily(app, paths, () => load().then((routes) => new Hono<E>().route('/', routes)), onError);
}

function dispatchLazily<E extends Env>(app: Hono<E>, paths: readonly string[], load: () => Promise<Hono<E>>, onError: ErrorHandler<E> | undefined): void {
  const unmatched = new WeakSet<Response>();
  const mounted = loadOnce(() =>
    load().then((inner) => {
      if (onError) inner.onError(onError);
      inner.notFound((c) => {
        const response = c.body(null, 404);
        unmatched.add(response);
        return response;
      });
      return inner;
    }),
  );
  const dispatch = async (c: Parameters<Parameters<Hono<E>['use']>[1]>[0], next: () => Promise<void>) => {
    const inner = await mounted();
    const response = await inner.fetch(c.req.raw, c.env);
    if (unmatched.has(response)) {
      await next();
      return;
    }
    return response;
  };
  for (const path of paths) app.use(path, dispatch);
}
