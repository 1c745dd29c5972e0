import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { jwtVerify, SignJWT } from 'jose';
import { OPEN_STATUSES, type CaseStatus } from '#domain/case.ts';
import { CHANNELS, type Language } from '#domain/channels.ts';
import { DomainError, ForbiddenError, NotFoundError, PayloadTooLargeError, UnauthenticatedError, ValidationError } from '#domain/errors.ts';
import { IDENTITY_METHODS } from '#domain/identity.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { DECISIONS, WAIT_STEPS } from '#domain/workflow.ts';
import { holidayCalendar, localDateOf } from '#deadlines/calendar.ts';
import { daysLeft } from '#deadlines/engine.ts';
import { answerTemplate } from '#templates/answer-draft.ts';
import { COUNT_CAP, dashboardStats, type DashboardStats } from '#usecases/console/dashboard.ts';
import { inboxPage } from '#usecases/console/inbox.ts';
import { mimeText } from '#domain/mime-text.ts';
import { repositoryReadModel } from '#adapters/memory/console-read-model.ts';
import type { ConsoleReadModel } from '#ports/console.ts';
import { correctRights } from '#usecases/correct-rights.ts';
import { reviewIdDocument } from '#usecases/identity/review-id-document.ts';
import { listPrintQueue, printFile, recordDispatch, registerPaperRequest } from '#usecases/paper-requests.ts';
import { listCaseMessages } from '#usecases/staff-cases.ts';
import type { AnswerFileRef } from '#domain/answer.ts';
import { storeAnswerFile } from '#usecases/answer-files.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { STAFF_ROLES } from '../auth.ts';
import { IdDocumentReviewSchema } from '../console-identity-routes.ts';
import { attachment, INTAKE_MAX_BODY_BYTES, requirePaperDeps, SCAN_CONTENT_TYPES, SCAN_MAX_BYTES } from '../console-intake-routes.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { SubjectSchema } from '../schemas.ts';
import { answerFromForm } from './answer-form.ts';
import { CONSOLE_CSS, CONSOLE_JS } from './assets.ts';
import type { ConsoleUiDeps } from './deps.ts';
import { authorizeUrl, exchangeCode, pkcePair, poolKeys, verifyIdToken } from './oidc.ts';
import { randomToken, readSession, sameToken, SESSION_COOKIE, signSession, type Session } from './session.ts';
import { PrintQueuePage, RegisterPage, type RegisterValues } from './intake-views.tsx';
import { Dashboard } from './dashboard-views.tsx';
import { CasePage } from './case-views.tsx';
import type { IdReviewState } from './case-model.ts';
import { Counts, Inbox } from './inbox-views.tsx';
import { CognitoSignIn, DevSignIn } from './sign-in-views.tsx';
import { ErrorPage, type PageContext } from './layout.tsx';
import { translator } from './labels.ts';
import * as z from 'zod/mini';

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
});

const ITEM_ID = CASE_ID;

/** Files attached in the console's draft form: within a Lambda request once base64-encoded. */
const CONSOLE_FILES_MAX_BYTES = 4 * 1024 * 1024;
const CONSOLE_DECISION_MAX_BYTES = CONSOLE_FILES_MAX_BYTES + 512 * 1024;

/** A multipart field as a list (one value or several). */
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** The form with one value per field (the last, as `parseBody()` without `all` gives it). */
const single = (body: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]));
const localDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const optionalText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const RegisterForm = z.object({
  channel: z.enum(['post', 'in_person']),
  receivedAt: localDate,
  rights: z.array(z.enum(RIGHT_TYPES)).check(z.minLength(1, 'Tick at least one right.')),
  language: z.enum(['lt', 'en']),
  note: optionalText(2000),
});
const DispatchForm = z.object({ _csrf: z.string(), at: localDate, trackingNumber: optionalText(64), handedTo: optionalText(200) });
const ID_REVIEW_FIELDS = ['documentType', 'issuingCountry', 'documentNumber', 'surname', 'givenNames', 'birthDate', 'expiresOn', 'mrz', 'imageKey'] as const;

/** A form field as trimmed text ('' when absent or a file). */
const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const all = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(str).filter(Boolean);
/** A validation error with its fields, in one sentence for the page. */
const explain = (error: DomainError) =>
  error instanceof ValidationError && error.issues.length ? `${error.message} ${error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}` : error.message;

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
  const statsCache = new Map<string, { at: number; stats: Promise<DashboardStats> }>();

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
  app.use('/console/register', csrf());
  app.use('/console/print-queue/*', csrf());

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
    const tenantId = s.staff.tenantId;
    const hit = statsCache.get(tenantId);
    // Like the counts: computed at most once per tenant and container every COUNTS_TTL_MS (it reads up to ~12 000 index entries).
    if (!hit || Date.now() - hit.at > COUNTS_TTL_MS) {
      const computing = dashboardStats({ ...deps, readModel }, tenantId);
      statsCache.set(tenantId, { at: Date.now(), stats: computing });
      computing.catch(() => statsCache.delete(tenantId));
    }
    const stats = await statsCache.get(tenantId)!.stats;
    return c.html(<Dashboard ctx={ctxOf(c, s)} stats={stats} />);
  });

  const renderCase = async (c: Context, s: Session, id: string, extra: { error?: string; done?: string; status?: number; review?: IdReviewState }) => {
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
      scans: scansOf(messages),
    };
    return c.html(
      <CasePage ctx={ctxOf(c, s)} view={view} {...(extra.error ? { error: extra.error } : {})} {...(extra.done ? { done: extra.done } : {})} {...(extra.review ? { review: extra.review } : {})} />,
      (extra.status ?? 200) as 200,
    );
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

  app.post(
    '/console/cases/:id/decide',
    // The draft form may carry answer files: the console's share of a Lambda request (6 MB, base64).
    bodyLimit({ maxSize: CONSOLE_DECISION_MAX_BYTES, onError: (c) => c.html(<ErrorPage ctx={ctxOf(c, null)} title={PROBLEM_KINDS.payload_too_large.title} detail={`At most ${CONSOLE_FILES_MAX_BYTES} bytes of files; larger files through the API.`} />, 413) }),
    async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const form = parseForm(DecisionForm, single(body));
    checkCsrf(s, form._csrf);
    const reasons = all((form.reasons ?? '').split('\n'));
    try {
      if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
      const answer = form.decision === 'draft' ? await draftAnswer(s, id, single(body)) : undefined;
      const files = form.decision === 'draft' ? await draftFiles(s, id, body) : undefined;
      await decide(
        { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows },
        {
          tenantId: s.staff.tenantId,
          caseId: id,
          step: form.step,
          decision: form.decision,
          ...(reasons.length ? { reasons } : {}),
          ...(form.body !== undefined && form.decision === 'draft' ? { body: form.body.replace(/\r\n/g, '\n') } : {}),
          ...(answer ? { answer } : {}),
          ...(files?.length ? { files } : {}),
          ...(form.method && form.decision === 'approve' && form.step !== 'approval' ? { method: form.method } : {}),
          actor: { kind: 'staff', id: s.staff.userId },
          role: s.staff.role,
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return renderCase(c, s, id, { error: error.message, status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect(`/console/cases/${id}?done=${form.decision}`, 303);
    },
  );

  const draftAnswer = async (s: Session, id: string, body: Record<string, unknown>) => {
    const found = CASE_ID.test(id) ? await deps.repo.getCase(s.staff.tenantId, id) : null;
    if (!found) throw new NotFoundError(`No case with id "${id}".`);
    return answerFromForm(body, found);
  };

  // The draft's files: those already attached that stay ticked, plus the ones uploaded with the form.
  const draftFiles = async (s: Session, id: string, body: Record<string, unknown>): Promise<AnswerFileRef[]> => {
    const found = await deps.repo.getCase(s.staff.tenantId, id);
    if (!found) throw new NotFoundError(`No case with id "${id}".`);
    const keep = new Set(list(body.keepFiles).filter((v): v is string => typeof v === 'string'));
    const kept = (found.draft?.files ?? []).filter((f) => keep.has(f.id));
    const uploads = list(body.files).filter((v): v is File => v instanceof File && v.size > 0);
    if (uploads.length === 0) return kept;
    if (!deps.answerFiles) throw new Error('No answer file store is configured for the console.');
    if (uploads.reduce((sum, f) => sum + f.size, 0) > CONSOLE_FILES_MAX_BYTES) throw new PayloadTooLargeError(`At most ${CONSOLE_FILES_MAX_BYTES} bytes of files here; larger files through the API.`);
    const store = { repo: deps.repo, files: deps.answerFiles };
    const added: AnswerFileRef[] = [];
    for (const file of uploads) {
      const content = new Uint8Array(await file.arrayBuffer());
      added.push(await storeAnswerFile(store, { tenantId: s.staff.tenantId, caseId: id, filename: file.name, contentType: file.type || 'application/octet-stream', content }));
    }
    return [...kept, ...added];
  };

  const caseScans = async (s: Session, caseId: string) =>
    deps.messages ? scansOf(await listCaseMessages({ ...deps, messages: deps.messages }, { tenantId: s.staff.tenantId, caseId })) : [];

  // ID-document review: the identity use case checks the MRZ and the holder, decides, deletes the scan.
  app.post('/console/cases/:id/identity', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    checkCsrf(s, str(body._csrf));
    const values = Object.fromEntries(ID_REVIEW_FIELDS.map((k) => [k, str(body[k])]));
    try {
      const { imageKey, mrz, ...typed } = values;
      const input = parseForm(IdDocumentReviewSchema, { ...typed, ...(mrz ? { mrz } : {}) });
      if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
      // Only a file of this very case may be named for deletion (the key comes from the browser).
      if (imageKey && !(await caseScans(s, id)).some((f) => f.key === imageKey)) throw new ValidationError('The scan is not one of this case’s files.', [{ field: 'imageKey', message: 'unknown' }]);
      const result = await reviewIdDocument(
        { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows, ...(deps.evidenceEraser ? { eraser: deps.evidenceEraser } : {}) },
        { tenantId: s.staff.tenantId, caseId: id, review: input, ...(imageKey ? { imageKey } : {}), ...(str(body.inPerson) ? { inPerson: true } : {}), actor: { kind: 'staff', id: s.staff.userId } },
      );
      // A failed check decides nothing (200, as the JSON API): the reasons go beside the form.
      if (!result.resumed) return renderCase(c, s, id, { review: { values, reasons: result.evidence.reasons } });
      return c.redirect(`/console/cases/${id}?done=${result.imageDeleted ? 'identity_scan_deleted' : 'identity'}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return renderCase(c, s, id, { error: explain(error), status: PROBLEM_KINDS[error.code].status });
    }
  });

  app.post('/console/cases/:id/rights', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    checkCsrf(s, str(body._csrf));
    try {
      const types = parseForm(z.array(z.enum(RIGHT_TYPES)).check(z.minLength(1, 'Tick at least one right.')), all(body.rights));
      const found = CASE_ID.test(id) ? await deps.repo.getCase(s.staff.tenantId, id) : null;
      if (!found) throw new NotFoundError(`No case with id "${id}".`);
      // Rights that stay keep their details (what to rectify, …); only the set changes here.
      const rights = types.map((type) => {
        const details = found.rights.find((r) => r.type === type)?.details;
        return { type, ...(details ? { details } : {}) };
      });
      await correctRights(deps, { tenantId: s.staff.tenantId, caseId: id, rights, reasons: all(str(body.reasons).split('\n')), actor: { kind: 'staff', id: s.staff.userId } });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return renderCase(c, s, id, { error: explain(error), status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect(`/console/cases/${id}?done=rights`, 303);
  });

  const today = (tenantId: string) => localDateOf(deps.clock.now(), deps.tenants.get(tenantId).timeZone);

  app.get('/console/register', async (c) => {
    const s = await requireSession(c);
    return c.html(<RegisterPage ctx={ctxOf(c, s)} values={{ language: deps.tenants.get(s.staff.tenantId).languages.official }} today={today(s.staff.tenantId)} />);
  });

  // Same use case as POST /console/api/cases; the scan arrives as a multipart file, not base64.
  app.post(
    '/console/register',
    bodyLimit({ maxSize: INTAKE_MAX_BODY_BYTES, onError: (c) => c.html(<ErrorPage ctx={ctxOf(c, null)} title={PROBLEM_KINDS.payload_too_large.title} detail={`At most ${SCAN_MAX_BYTES} bytes.`} />, 413) }),
    async (c) => {
      const s = await requireSession(c);
      const body = await c.req.parseBody({ all: true });
      checkCsrf(s, str(body._csrf));
      const values: RegisterValues = {
        channel: str(body.channel),
        receivedAt: str(body.receivedAt),
        name: str(body.name),
        email: str(body.email),
        phone: str(body.phone),
        postalAddress: str(body.postalAddress),
        rights: all(body.rights),
        language: str(body.language),
        note: str(body.note),
      };
      try {
        const form = parseForm(RegisterForm, values);
        const subject = parseForm(SubjectSchema, {
          name: values.name,
          ...(values.email ? { email: values.email } : {}),
          ...(values.phone ? { phone: values.phone } : {}),
          // Lines as the JSON contract has them: the letter's address, one line each.
          ...(values.postalAddress ? { postalAddress: values.postalAddress.replace(/\r\n/g, '\n') } : {}),
        });
        const file = body.scan;
        let scan: { filename: string; contentType: string; content: Uint8Array } | undefined;
        if (file instanceof File && file.size > 0) {
          if (!(SCAN_CONTENT_TYPES as readonly string[]).includes(file.type)) throw new ValidationError('The scan must be a PDF, JPEG, PNG or TIFF file.', [{ field: 'scan', message: file.type || 'unknown type' }]);
          if (file.size > SCAN_MAX_BYTES) throw new PayloadTooLargeError(`The scan may be at most ${SCAN_MAX_BYTES} bytes.`);
          scan = { filename: file.name.slice(0, 200) || 'scan', contentType: file.type, content: new Uint8Array(await file.arrayBuffer()) };
        }
        const result = await registerPaperRequest(
          { ...deps, ...requirePaperDeps(deps) },
          {
            tenantId: s.staff.tenantId,
            channel: form.channel,
            receivedAt: form.receivedAt,
            request: { rights: form.rights.map((type) => ({ type })), subject, language: form.language },
            ...(scan ? { scan } : {}),
            ...(form.note ? { note: form.note } : {}),
            actor: { kind: 'staff', id: s.staff.userId },
          },
        );
        return c.redirect(`/console/cases/${result.case.id}?done=registered`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'unauthenticated') throw error;
        return c.html(<RegisterPage ctx={ctxOf(c, s)} values={values} today={today(s.staff.tenantId)} error={explain(error)} />, PROBLEM_KINDS[error.code].status as 400);
      }
    },
  );

  const renderQueue = async (c: Context, s: Session, extra: { done?: string; error?: string; status?: number } = {}) => {
    const items = await listPrintQueue(requirePaperDeps(deps), { tenantId: s.staff.tenantId, limit: 200 });
    return c.html(<PrintQueuePage ctx={ctxOf(c, s)} items={items} today={today(s.staff.tenantId)} {...extra} />, (extra.status ?? 200) as 200);
  };

  app.get('/console/print-queue', async (c) => {
    const s = await requireSession(c);
    return renderQueue(c, s, c.req.query('done') === 'dispatched' ? { done: 'dispatched' } : {});
  });

  app.get('/console/print-queue/:id/letter.pdf', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) throw new NotFoundError('No such print item.');
    const file = await printFile({ ...deps, ...requirePaperDeps(deps) }, { tenantId: s.staff.tenantId, itemId: id });
    return attachment(file.body, file.filename, file.contentType);
  });

  app.get('/console/print-queue/:id/enclosures/:n', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const n = Number(c.req.param('n'));
    if (!ITEM_ID.test(id) || !Number.isInteger(n) || n < 0) throw new NotFoundError('No such enclosure.');
    const file = await printFile({ ...deps, ...requirePaperDeps(deps) }, { tenantId: s.staff.tenantId, itemId: id, enclosure: n });
    return attachment(file.body, file.filename, file.contentType);
  });

  app.post('/console/print-queue/:id/dispatch', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const form = parseForm(DispatchForm, await c.req.parseBody());
    checkCsrf(s, form._csrf);
    try {
      if (!ITEM_ID.test(id)) throw new NotFoundError('No such print item.');
      const trackingNumber = form.trackingNumber?.trim();
      const handedTo = form.handedTo?.trim();
      await recordDispatch(
        { ...deps, ...requirePaperDeps(deps) },
        { tenantId: s.staff.tenantId, itemId: id, at: form.at, ...(trackingNumber ? { trackingNumber } : {}), ...(handedTo ? { handedTo } : {}), actor: { kind: 'staff', id: s.staff.userId } },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'unauthenticated') throw error;
      return renderQueue(c, s, { error: explain(error), status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect('/console/print-queue?done=dispatched', 303);
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

/** Inbound attachments that can be an ID-document scan (images and PDFs), newest message first. */
function scansOf(messages: ReadonlyArray<{ direction: string; attachments: ReadonlyArray<{ filename: string; contentType: string; key: string }> }>) {
  return messages
    .filter((m) => m.direction === 'inbound')
    .flatMap((m) => m.attachments)
    .filter((a) => /^(image\/|application\/pdf$)/.test(a.contentType))
    .map(({ filename, key }) => ({ filename, key }))
    .reverse();
}

function parseForm<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError('The form is not valid.', result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
  return result.data as z.infer<S>;
}
