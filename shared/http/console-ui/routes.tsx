import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { jwtVerify, SignJWT } from 'jose';
import * as z from 'zod/mini';
import { OPEN_STATUSES, type CaseStatus } from '#domain/case.ts';
import { CHANNELS, type Language } from '#domain/channels.ts';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '#domain/errors.ts';
import { IDENTITY_METHODS } from '#domain/identity.ts';
import { DECISIONS, WAIT_STEPS } from '#domain/workflow.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { daysLeft } from '#deadlines/engine.ts';
import { answerTemplate } from '#console/answer-template.ts';
import { COUNT_CAP, dashboardStats } from '#console/dashboard.ts';
import { inboxPage } from '#console/inbox.ts';
import { mimeText } from '#console/mime-text.ts';
import { repositoryReadModel } from '#console/repository-read-model.ts';
import type { ConsoleReadModel } from '#console/ports.ts';
import { listCaseMessages } from '#usecases/staff-cases.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { STAFF_ROLES } from '../auth.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.ts';
import type { ConsoleUiDeps } from './deps.ts';
import { authorizeUrl, exchangeCode, pkcePair, poolKeys, verifyIdToken } from './oidc.ts';
import { randomToken, readSession, sameToken, SESSION_COOKIE, signSession, type Session } from './session.ts';
import { CasePage, CognitoSignIn, Counts, Dashboard, DevSignIn, ErrorPage, Inbox, type PageContext } from './views.tsx';
import { translator } from './labels.ts';

const LANG_COOKIE = 'rd_lang';
const LOGIN_CSRF_COOKIE = 'rd_login';
const OIDC_COOKIE = 'rd_oidc';
const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;
const COUNTS_TTL_MS = 30_000;

const InboxQuerySchema = z.object({
  status: z.optional(z.union([z.literal(''), z.enum(OPEN_STATUSES as readonly CaseStatus[] as [CaseStatus, ...CaseStatus[]])])),
  channel: z.optional(z.union([z.literal(''), z.enum(CHANNELS)])),
  q: z.optional(z.string().check(z.maxLength(254))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

const DecisionForm = z.object({
  _csrf: z.string(),
  step: z.enum(WAIT_STEPS),
  decision: z.enum(DECISIONS),
  reasons: z.optional(z.string().check(z.maxLength(20_000))),
  body: z.optional(z.string().check(z.maxLength(200_000))),
  method: z.optional(z.enum(IDENTITY_METHODS)),
  docType: z.optional(z.enum(['passport', 'id_card', 'residence_permit'])),
  docLast4: z.optional(z.string().check(z.regex(/^([A-Za-z0-9]{4})?$/))),
});

const DevLoginForm = z.object({ _csrf: z.string(), tenant: z.string(), role: z.enum(STAFF_ROLES), next: z.optional(z.string()) });
const OidcState = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), next: z.string() });

/** Only our own console paths are followed after sign-in (no open redirect). */
const safeNext = (next: string | undefined) => (next && /^\/console(\/[\w\-/?=&%.]*)?$/.test(next) && !next.startsWith('//') ? next : '/console');

function languageOf(c: Context): Language {
  const chosen = getCookie(c, LANG_COOKIE);
  if (chosen === 'lt' || chosen === 'en') return chosen;
  return /^\s*en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'lt';
}

/**
 * The staff console under `/console`: server-rendered Hono JSX pages and plain HTML forms that
 * call the same use cases as the JSON staff API. The browser holds a signed session cookie;
 * every POST passes Hono's Origin check and a per-session CSRF token.
 */
export function consoleUi(deps: ApiDeps, ui: ConsoleUiDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const key = ui.config.sessionSecret;
  const readModel: ConsoleReadModel = ui.readModel ?? repositoryReadModel(deps.repo);
  const countsCache = new Map<string, { at: number; html: Promise<string> }>();

  const cookieOptions = { httpOnly: true, secure: ui.config.secureCookies, sameSite: 'Lax' as const, path: '/console' };
  const ctxOf = (c: Context, session: Session | null): PageContext => {
    const lang = languageOf(c);
    const url = new URL(c.req.url);
    return { lang, t: translator(lang), staff: session?.staff ?? null, csrf: session?.csrf ?? '', here: url.pathname + url.search };
  };
  const session = async (c: Context) => readSession(getCookie(c, SESSION_COOKIE), key);
  const requireSession = async (c: Context): Promise<Session> => {
    const s = await session(c);
    if (!s) throw new UnauthenticatedError('Sign in to use the console.');
    return s;
  };
  const checkCsrf = (s: Session, token: string | undefined) => {
    if (!sameToken(token, s.csrf)) throw new ForbiddenError('The form has expired or did not come from this console; reload the page and try again.');
  };
  const startSession = async (c: Context, staff: Session['staff'], next: string) => {
    setCookie(c, SESSION_COOKIE, await signSession(staff, key, ui.config.sessionTtlSeconds), { ...cookieOptions, maxAge: ui.config.sessionTtlSeconds });
    return c.redirect(safeNext(next), 303);
  };

  // Every state-changing request must come from this origin (Origin header), on top of the token.
  app.use('/console/login/*', csrf());
  app.use('/console/logout', csrf());
  app.use('/console/cases/*', csrf());

  app.get('/console/assets/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=86400' }));
  app.get('/console/assets/console.js', (c) => c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' }));

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
    const staff = await deps.verifyStaffToken(await ui.devIdp.mint(form.tenant, form.role));
    return startSession(c, staff, form.next ?? '/console');
  });

  app.get('/console/login/cognito', async (c) => {
    const cfg = ui.config.cognito;
    if (!cfg) throw new NotFoundError('Cognito sign-in is not configured.');
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
    const idToken = await exchangeCode(cfg, code, pending.verifier, ui.fetch);
    const staff = await verifyIdToken(cfg, idToken, pending.nonce, ui.poolKeys ?? poolKeys(cfg));
    return startSession(c, staff, pending.next);
  });

  app.post('/console/logout', async (c) => {
    const s = await requireSession(c);
    checkCsrf(s, parseForm(z.object({ _csrf: z.string() }), await c.req.parseBody())._csrf);
    deleteCookie(c, SESSION_COOKIE, { path: '/console' });
    return c.redirect('/console/login', 303);
  });

  app.get('/console', async (c) => {
    const s = await requireSession(c);
    const q = parseForm(InboxQuerySchema, c.req.query());
    const page = await inboxPage(deps, {
      tenantId: s.staff.tenantId,
      ...(q.status ? { status: q.status } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.q?.trim() ? { q: q.q.trim() } : {}),
      cursor: q.cursor ?? null,
    });
    return c.html(<Inbox ctx={ctxOf(c, s)} page={page} filters={{ ...(q.status ? { status: q.status } : {}), ...(q.channel ? { channel: q.channel } : {}), ...(q.q ? { q: q.q } : {}) }} cursor={q.cursor ?? null} />);
  });

  app.get('/console/fragments/counts', async (c) => {
    const s = await requireSession(c);
    const tenantId = s.staff.tenantId;
    const lang = languageOf(c);
    const cacheKey = `${tenantId}:${lang}`;
    const hit = countsCache.get(cacheKey);
    // Counts read up to COUNT_CAP index entries per status: shared for a few seconds per container.
    if (!hit || Date.now() - hit.at > COUNTS_TTL_MS) {
      const html = Promise.all(OPEN_STATUSES.map(async (status) => ({ status, count: await readModel.countByStatus(tenantId, status, COUNT_CAP) }))).then((counts) =>
        (<Counts ctx={ctxOf(c, s)} counts={counts} />).toString(),
      );
      countsCache.set(cacheKey, { at: Date.now(), html });
      html.catch(() => countsCache.delete(cacheKey));
    }
    return c.html(await countsCache.get(cacheKey)!.html, 200, { 'cache-control': 'private, max-age=30' });
  });

  app.get('/console/dashboard', async (c) => {
    const s = await requireSession(c);
    const stats = await dashboardStats({ ...deps, readModel }, s.staff.tenantId);
    return c.html(<Dashboard ctx={ctxOf(c, s)} stats={stats} />);
  });

  const renderCase = async (c: Context, s: Session, id: string, extra: { error?: string; done?: string; status?: number }) => {
    if (!CASE_ID.test(id)) throw new NotFoundError('No such case.');
    const tenantId = s.staff.tenantId;
    const found = await deps.repo.getCase(tenantId, id);
    if (!found) throw new NotFoundError(`No case with id "${id}".`);
    const [events, messages] = await Promise.all([
      deps.repo.listEvents(tenantId, id),
      deps.messages ? listCaseMessages({ ...deps, messages: deps.messages }, { tenantId, caseId: id }) : Promise.resolve([]),
    ]);
    const tenant = deps.tenants.get(tenantId);
    const view = {
      case: found,
      events,
      messages: messages.map(({ raw, ...m }) => ({ ...m, text: raw === null ? null : mimeText(raw) })),
      daysLeft: daysLeft({ dueDate: found.dueDate, dueAt: found.dueAt }, deps.clock.now(), holidayCalendar(tenant.holidayCountry, tenant.timeZone)),
      draftTemplate: answerTemplate(tenant, found),
      fourEyes: tenant.approvals.fourEyes,
    };
    return c.html(<CasePage ctx={ctxOf(c, s)} view={view} {...(extra.error ? { error: extra.error } : {})} {...(extra.done ? { done: extra.done } : {})} />, (extra.status ?? 200) as 200);
  };

  app.get('/console/cases/:id', async (c) => {
    const s = await requireSession(c);
    const done = c.req.query('done');
    return renderCase(c, s, c.req.param('id'), done && /^[a-z_]{1,20}$/.test(done) ? { done } : {});
  });

  app.get('/console/cases/:id/messages/:messageId/raw', async (c) => {
    const s = await requireSession(c);
    if (!deps.messages) throw new NotFoundError('No messages here.');
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new NotFoundError('No such case.');
    const messages = await listCaseMessages({ ...deps, messages: deps.messages }, { tenantId: s.staff.tenantId, caseId: id });
    const m = messages.find((x) => x.id === c.req.param('messageId'));
    if (!m || m.raw === null) throw new NotFoundError('No such message.');
    // Shown as text, never rendered: raw mail is attacker-controlled.
    return c.body(m.raw, 200, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-disposition': 'inline' });
  });

  app.post('/console/cases/:id/decide', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const form = parseForm(DecisionForm, await c.req.parseBody());
    checkCsrf(s, form._csrf);
    const reasons = (form.reasons ?? '').split('\n').map((r) => r.trim()).filter(Boolean);
    // The ID-document review keeps only the fact, type and last characters (data minimisation).
    if (form.decision === 'approve' && form.method === 'id_document' && form.docType) {
      reasons.push(`ID document reviewed: ${form.docType}${form.docLast4 ? `, number ending ${form.docLast4.toUpperCase()}` : ''}.`);
    }
    try {
      // Same rule as the JSON staff API (console-workflow-routes.ts): approving needs the role.
      if (form.step === 'approval' && form.decision === 'approve' && s.staff.role === 'agent') throw new ForbiddenError('Approving an answer needs the approver or admin role.');
      if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
      await decide(
        { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows },
        {
          tenantId: s.staff.tenantId,
          caseId: id,
          step: form.step,
          decision: form.decision,
          ...(reasons.length ? { reasons } : {}),
          ...(form.body !== undefined && form.decision === 'draft' ? { body: form.body.replace(/\r\n/g, '\n') } : {}),
          ...(form.method && form.decision === 'approve' && form.step !== 'approval' ? { method: form.method } : {}),
          actor: { kind: 'staff', id: s.staff.userId },
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return renderCase(c, s, id, { error: error.message, status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect(`/console/cases/${id}?done=${form.decision}`, 303);
  });

  app.onError((error, c) => {
    const ctx = ctxOf(c, null);
    if (error instanceof UnauthenticatedError && c.req.method === 'GET' && !c.req.path.startsWith('/console/callback')) {
      const url = new URL(c.req.url);
      return c.redirect(`/console/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    if (error instanceof DomainError) {
      const title = error.code === 'not_found' ? ctx.t('notFound') : error.code === 'unauthenticated' ? ctx.t('signInNeeded') : ctx.t('forbidden');
      return c.html(<ErrorPage ctx={ctx} title={title} detail={error.message} />, PROBLEM_KINDS[error.code].status as 400);
    }
    // Hono's own refusals (the Origin check, body limits) keep their status.
    if (error instanceof HTTPException && error.status < 500) return c.html(<ErrorPage ctx={ctx} title={ctx.t('forbidden')} detail={error.message || 'Refused.'} />, error.status);
    // Our fault: a correlation id to quote, the detail only in the log (as the JSON API does).
    const correlationId = crypto.randomUUID();
    (deps.logError ?? ((id, e) => console.error(JSON.stringify({ level: 'error', correlationId: id, error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }))))(correlationId, error);
    return c.html(<ErrorPage ctx={ctx} title={PROBLEM_KINDS.internal.title} detail={`Something went wrong on our side (correlation id ${correlationId}).`} />, 500);
  });

  return app;
}

function parseForm<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError('The form is not valid.', result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
  return result.data as z.infer<S>;
}
