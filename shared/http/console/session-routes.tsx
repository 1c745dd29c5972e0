import type { Hono } from 'hono';
import { LANG_COOKIE, LOGIN_CSRF_COOKIE, OIDC_COOKIE, parseForm, safeNext, type ConsoleShell } from './context.tsx';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { jwtVerify, SignJWT } from 'jose';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '#domain/errors.ts';
import { STAFF_ROLES } from '../staff-roles.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { loadOnce } from '#domain/load-once.ts';
import { randomToken, sameToken, SESSION_COOKIE } from './session.ts';
import { CognitoSignIn, DevSignIn } from './sign-in-views.tsx';
import * as z from 'zod/mini';

const DevLoginForm = z.lazy(() => z.object({ _csrf: z.string(), tenant: z.string(), role: z.enum(STAFF_ROLES), next: z.optional(z.string()) }));
const OidcState = z.lazy(() => z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), next: z.string() }));
// Cognito's sign-in (PKCE, the code exchange, the ID token and the pool's remote key set) only runs on
// /console/login/cognito and /console/callback: a chunk of its own, not compiled at each cold start (issue 15).
const oidc = loadOnce(() => import('./oidc.ts'));

/**
 * Assets, the language switch, sign-in (development and Cognito OIDC) and sign-out. `deps` gives
 * the API's deps (the console function makes them on the first request that needs them).
 */
export function sessionRoutes(app: Hono<AppEnv>, cx: ConsoleShell, deps: () => Promise<Pick<ApiDeps, 'verifyStaffToken'>>): void {
  const { ui, key, cookieOptions, ctxOf, requireSession, checkCsrf, startSession } = cx;

  // The style sheet and script load with their own first request (browsers cache them a day), not at init.
  app.get('/console/assets/console.css', async (c) => c.body((await import('./assets.ts')).CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=86400' }));
  app.get('/console/assets/console.js', async (c) => c.body((await import('./assets.ts')).CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' }));

  app.get('/console/lang/:lang', (c) => {
    const lang = c.req.param('lang');
    if (lang === 'lt' || lang === 'en') setCookie(c, LANG_COOKIE, lang, { ...cookieOptions, maxAge: 365 * 86400 });
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

  app.get('/console/login', async (c) => {
    const next = safeNext(c.req.query('next'));
    const ctx = ctxOf(c, null);
    if (ui.devIdp) {
      const loginCsrf = randomToken();
      setCookie(c, LOGIN_CSRF_COOKIE, loginCsrf, { ...cookieOptions, maxAge: 600 });
      return c.html(<DevSignIn ctx={ctx} staff={ui.devIdp.staff} loginCsrf={loginCsrf} next={next} />);
    }
    return c.html(<CognitoSignIn ctx={ctx} next={next} />);
  });

  app.post('/console/login/dev', async (c) => {
    if (!ui.devIdp) throw new NotFoundError('The development identity provider is not enabled.');
    const form = parseForm(DevLoginForm, await c.req.parseBody());
    // Double submit: the token in the form must match the one in this browser's cookie.
    const cookie = getCookie(c, LOGIN_CSRF_COOKIE);
    if (!cookie || !sameToken(form._csrf, cookie)) throw new ForbiddenError('The sign-in form has expired; reload it.');
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/console' });
    const staff = await (await deps()).verifyStaffToken(await ui.devIdp.mint(form.tenant, form.role));
    return startSession(c, staff, form.next ?? '/console');
  });

  app.get('/console/login/cognito', async (c) => {
    const cfg = ui.config.cognito;
    if (!cfg) throw new NotFoundError('Cognito sign-in is not configured.');
    const { authorizeUrl, pkcePair } = await oidc();
    const { verifier, challenge } = await pkcePair();
    const state = randomToken();
    const nonce = randomToken();
    const pending = await new SignJWT({ state, nonce, verifier, next: safeNext(c.req.query('next')) })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('rightsdesk-console-oidc')
      .setExpirationTime('10m')
      .sign(key);
    setCookie(c, OIDC_COOKIE, pending, { ...cookieOptions, maxAge: 600 });
    return c.redirect(authorizeUrl(cfg, { state, nonce, challenge }), 302);
  });

  app.get('/console/callback', async (c) => {
    const cfg = ui.config.cognito;
    if (!cfg) throw new NotFoundError('Cognito sign-in is not configured.');
    let pending: z.infer<typeof OidcState>;
    try {
      const { payload } = await jwtVerify(getCookie(c, OIDC_COOKIE) ?? '', key, { algorithms: ['HS256'], audience: 'rightsdesk-console-oidc' });
      pending = OidcState.parse(payload);
    } catch (error) {
      throw new UnauthenticatedError('The sign-in took too long or was started elsewhere; start again.', { cause: error });
    }
    deleteCookie(c, OIDC_COOKIE, { path: '/console' });
    const code = c.req.query('code');
    if (!code || !sameToken(c.req.query('state'), pending.state)) throw new UnauthenticatedError('The sign-in response does not match this browser’s sign-in (state).');
    const { exchangeCode, poolKeys, verifyIdToken } = await oidc();
    const idToken = await exchangeCode(cfg, code, pending.verifier, ui.fetch);
    const staff = await verifyIdToken(cfg, idToken, pending.nonce, ui.poolKeys ?? poolKeys(cfg));
    return startSession(c, staff, pending.next);
  });

  app.post('/console/logout', async (c) => {
    const s = await requireSession(c);
    checkCsrf(s, parseForm(z.object({ _csrf: z.string() }), await c.req.parseBody())._csrf);
    // Ended on the server: the cookie, replayed from a copy, no longer signs anyone in.
    await ui.sessions.end(s.id, new Date());
    deleteCookie(c, SESSION_COOKIE, { path: '/console' });
    return c.redirect('/console/login', 303);
  });
}
