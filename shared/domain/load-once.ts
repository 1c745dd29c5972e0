/**
 * A loader run at most once at a time and shared: the first call starts `load`, later calls get
 * the same promise, and a load that fails is forgotten so the next call tries again (a missing
 * chunk or a passing configuration error must not poison a warm container). This is how code and
 * deps are loaded on first need rather than at a Lambda's init (issue 15; docs/performance.md).
 *
 * Example: `const notifier = loadOnce(() => import('./notify.ts').then((m) => m.create(deps)));`
 * then `(await notifier()).notify(…)` in every request that sends a notice.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
