/**
 * A Lambda handler whose module is imported on the first invocation, not at init: the entry
 * keeps only what must fail fast (the configuration check) and the function's composition root,
 * adapters and routes become a chunk of the split bundle that the first event loads (issue 15).
 * Together with route groups loaded per request (`mountLazy`, shared/http/lazy-routes.ts), a cold
 * start then compiles only what its first request needs; `npm run bench:cold` checks that init +
 * first request does not get slower for it. A failed import is retried by the next event.
 *
 * Example: `export const handler = lazyHandler(() => import('./app.ts'), 'handler');`
 */
export function lazyHandler<E, C, R>(load: () => Promise<Record<string, unknown>>, name = 'handler'): (event: E, context: C) => Promise<R> {
  let loaded: Promise<(event: E, context: C) => Promise<R>> | undefined;
  return async (event, context) => {
    loaded ??= load().then(
      (module) => {
        const handler = module[name];
        if (typeof handler !== 'function') throw new TypeError(`The lazily loaded module has no handler "${name}".`);
        return handler as (event: E, context: C) => Promise<R>;
      },
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    );
    return (await loaded)(event, context);
  };
}
