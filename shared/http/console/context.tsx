import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Language } from '#domain/channels.ts';
import { ForbiddenError, UnauthenticatedError, type DomainError } from '#domain/errors.ts';
import { FormError, formProblem, issueOf } from './form-errors.tsx';
import { detail, noParams } from '#domain/error-details.ts';
import { repositoryReadModel } from '#usecases/console/repository-read-model.ts';
import type { ConsoleReadModel } from '#ports/console.ts';
import type { ApiDeps } from '../deps.ts';
import type { ConsoleUiDeps } from './deps.ts';
import { randomToken, readSession, sameToken, SESSION_COOKIE, signSession, type Session } from './session.ts';
import type { PageContext } from './layout.tsx';
import { translator } from './labels.ts';
import type * as z from 'zod/mini';

export const LANG_COOKIE = 'rd_lang';
export const LOGIN_CSRF_COOKIE = 'rd_login';
export const OIDC_COOKIE = 'rd_oidc';
export const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;
export const COUNTS_TTL_MS = 30_000;
export const ITEM_ID = CASE_ID;

/** A multipart field as a list (one value or several). */
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** The form with one value per field (the last, as `parseBody()` without `all` gives it). */
export const single = (body: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]));
/** A form field as trimmed text ('' when absent or a file). */
export const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
export const all = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(str).filter(Boolean);
/** A use case's error in one sentence in the page's language (pages whose fields show their own problems use formProblem). */
export const explain = (error: DomainError, lang: Language) => formProblem(error, lang, 'form', () => undefined).summary;

/** Only our own console paths are followed after sign-in (no open redirect). */
export const safeNext = (next: string | undefined) => (next && /^\/console(\/[\w\-/?=&%.]*)?$/.test(next) && !next.startsWith('//') ? next : '/console');

export function languageOf(c: Context): Language {
  const chosen = getCookie(c, LANG_COOKIE);
  if (chosen === 'lt' || chosen === 'en') return chosen;
  return /^\s*en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'lt';
}

/** What every console route needs: the API deps, the session and page helpers, one read model. */
export interface ConsoleContext extends ConsoleShell {
  readonly deps: ApiDeps;
  readonly readModel: ConsoleReadModel;
}

/** The session and page helpers, which need no API deps: what the console loads at init (sign-in, the session check, error pages). */
export interface ConsoleShell {
  readonly ui: ConsoleUiDeps;
  readonly key: Uint8Array;
  readonly cookieOptions: { httpOnly: boolean; secure: boolean; sameSite: 'Lax'; path: '/console' };
  ctxOf(c: Context, session: Session | null): PageContext;
  session(c: Context): Promise<Session | null>;
  requireSession(c: Context): Promise<Session>;
  checkCsrf(s: Session, token: string | undefined): void;
  startSession(c: Context, staff: Session['staff'], next: string): Promise<Response>;
}

export function consoleContext(deps: ApiDeps, ui: ConsoleUiDeps): ConsoleContext {
  return withDeps(consoleShell(ui), deps);
}

/** The shell with the API deps: what the console's pages get once their group is loaded. */
export function withDeps(shell: ConsoleShell, deps: ApiDeps): ConsoleContext {
  return { ...shell, deps, readModel: shell.ui.readModel ?? repositoryReadModel(deps.repo) };
}

export function consoleShell(ui: ConsoleUiDeps): ConsoleShell {
  const key = ui.config.sessionSecret;

  const cookieOptions = { httpOnly: true, secure: ui.config.secureCookies, sameSite: 'Lax' as const, path: '/console' as const };
  const ctxOf = (c: Context, session: Session | null): PageContext => {
    const lang = languageOf(c);
    const url = new URL(c.req.url);
    return { lang, t: translator(lang), staff: session?.staff ?? null, csrf: session?.csrf ?? '', here: url.pathname + url.search };
  };
  // The signed cookie, and its server-side record still active (not signed out, not expired).
  // Wall-clock time like the cookie's `exp`, not the case clock (which runs fast in demos).
  const session = async (c: Context) => {
    const s = await readSession(getCookie(c, SESSION_COOKIE), key);
    if (!s) return null;
    return (await ui.sessions.isActive(s.id, new Date())) ? s : null;
  };
  const requireSession = async (c: Context): Promise<Session> => {
    const s = await session(c);
    if (!s) throw new UnauthenticatedError('Sign in to use the console.');
    return s;
  };
  const checkCsrf = (s: Session, token: string | undefined) => {
    if (!sameToken(token, s.csrf)) throw new ForbiddenError('The form has expired or did not come from this console; reload the page and try again.', { detail: detail('form_expired', noParams) });
  };
  const startSession = async (c: Context, staff: Session['staff'], next: string) => {
    const id = randomToken();
    await ui.sessions.start({ id, tenantId: staff.tenantId, userId: staff.userId, expiresAt: new Date(Date.now() + ui.config.sessionTtlSeconds * 1000) });
    setCookie(c, SESSION_COOKIE, await signSession(staff, key, ui.config.sessionTtlSeconds, id), { ...cookieOptions, maxAge: ui.config.sessionTtlSeconds });
    return c.redirect(safeNext(next), 303);
  };
  return { ui, key, cookieOptions, ctxOf, session, requireSession, checkCsrf, startSession };
}

/** Inbound attachments that can be an ID-document scan (images and PDFs), newest message first. */
export function scansOf(messages: ReadonlyArray<{ direction: string; attachments: ReadonlyArray<{ filename: string; contentType: string; key: string; removed?: unknown }> }>) {
  return messages
    .filter((m) => m.direction === 'inbound')
    .flatMap((m) => m.attachments)
    // An erased scan is a fact now (its note stays in the message), no longer a file to show or name.
    .filter((a) => !a.removed && /^(image\/|application\/pdf$)/.test(a.contentType))
    .map(({ filename, key, contentType }) => ({ filename, key, contentType }))
    .reverse();
}

/** The form parsed, or a FormError with every problem of every field (worded by the page, never zod's English). */
export function parseForm<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new FormError(result.error.issues.map(issueOf));
  return result.data as z.infer<S>;
}
