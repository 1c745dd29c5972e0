import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError } from '#domain/errors.ts';
import { MalformedJsonError } from './body.ts';
import type { ApiDeps, AppEnv } from './deps.ts';
import { PAGE_CSP } from './csp-policies.ts';
import { isDependencyOutage, OUTAGE_RETRY_AFTER_SECONDS } from './outage.ts';
import { notFoundPage, wantsHtml } from './not-found-page.ts';
import { problemFor, problemFromDomainError, problemResponse } from './problem.ts';

// A module apart from app.ts, so the console and fulfilment bundles, which use only this, do not
// see app.ts's lazily loaded staff API (esbuild makes a chunk for every dynamic import it sees).

/**
 * What every deployable HTTP app shares: security headers, the body limit, `/healthz`, and the
 * one error mapper (RFC 9457).
 */
export function createBaseApp(deps: ApiDeps): Hono<AppEnv> {
  return createBaseAppDeferred(deps, () => Promise.resolve(deps));
}

/**
 * The same with the deps beyond `limits` and `logError` made when first needed (`/readyz`): the
 * console function makes its composition root on the first request that needs it, not at init.
 */
export function createBaseAppDeferred(deps: Pick<ApiDeps, 'limits' | 'logError'>, full: () => Promise<ApiDeps>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // CSP on every response (HTML pages: console, /docs, problem pages, 404s; harmless on JSON).
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', PAGE_CSP);
  });
  const limit = bodyLimit({
    maxSize: deps.limits.maxBodyBytes,
    onError: (c) => problemResponse(c, problemFor('payload_too_large', `The body may be at most ${deps.limits.maxBodyBytes} bytes.`)),
  });
  // Registering a postal request carries its scan: those routes set their own, larger limit
  // (staff-api/intake-routes.ts, and the console's register form in console/intake-routes.tsx).
  const ownLimit = new Set(['/console/api/cases', '/console/register']);
  app.use('*', (c, next) => (c.req.method === 'POST' && ownLimit.has(c.req.path) ? next() : limit(c, next)));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = await readiness(await full());
    const ready = Object.values(checks).every((v) => v !== 'down');
    if (ready) return c.json({ status: 'ready', checks });
    const body = { ...problemFor('unavailable', 'Not ready: a dependency does not answer.'), checks };
    return problemResponse(c, body, { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });
  });
  app.notFound((c) => (wantsHtml(c) ? notFoundPage(c) : problemResponse(c, problemFor('not_found', `No route for ${c.req.method} ${c.req.path}.`))));
  app.onError((error, c) => errorResponse(deps, c, error));
  return app;
}

export function errorResponse(deps: Pick<ApiDeps, 'logError'>, c: Context, error: unknown): Response {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = error.code === 'unauthenticated' ? { 'www-authenticate': 'Bearer realm="rightsdesk"' } : {};
    return problemResponse(c, problemFromDomainError(error), headers);
  }
  if (error instanceof MalformedJsonError) return problemResponse(c, problemFor('malformed_json', error.message));
  if (error instanceof HTTPException && error.status < 500) {
    return problemResponse(c, { type: 'about:blank', title: error.message || 'Bad request', status: error.status });
  }
  const correlationId = crypto.randomUUID();
  (deps.logError ?? defaultLog)(correlationId, error);
  if (isDependencyOutage(error)) {
    return problemResponse(c, problemFor('unavailable', 'A storage or mail service did not answer in time. Nothing was lost; retry after the given delay.', { correlationId }), {
      'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS),
    });
  }
  return problemResponse(c, problemFor('internal', 'Something went wrong on our side. Quote the correlation id if you contact us.', { correlationId }));
}

const READINESS_TIMEOUT_MS = 3_000;

/**
 * `/readyz`: the table, the mail sender and the workflow service each answer within a few
 * seconds (`/healthz` stays liveness only: the process runs). A dependency this deployment does
 * not use is `not_configured`.
 */
async function readiness(deps: ApiDeps): Promise<Record<'table' | 'mailSender' | 'workflows', 'ok' | 'down' | 'not_configured'>> {
  const probe = async (check: (() => Promise<unknown>) | undefined) => {
    if (!check) return 'not_configured' as const;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), READINESS_TIMEOUT_MS);
    });
    try {
      await Promise.race([check(), timeout]);
      return 'ok' as const;
    } catch {
      return 'down' as const;
    } finally {
      clearTimeout(timer);
    }
  };
  const [table, mailSender, workflows] = await Promise.all([
    probe(() => deps.repo.getCase('readyz', 'readyz')),
    probe(deps.readiness?.mailSender ?? (deps.mailer.ping ? () => deps.mailer.ping!() : undefined)),
    probe(deps.readiness?.workflows ?? (deps.workflows?.ping ? () => deps.workflows!.ping!() : undefined)),
  ]);
  return { table, mailSender, workflows };
}

function defaultLog(correlationId: string, error: unknown): void {
  console.error(JSON.stringify({ level: 'error', correlationId, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }));
}
