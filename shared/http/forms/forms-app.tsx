import { raw } from 'hono/html';
import { contentSecurityPolicy } from '../csp.ts';
import { FORM_STYLE_SOURCE } from '../csp-policies.ts';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Child } from 'hono/jsx';
import type * as z from 'zod/mini';
import type { FormPageTokens } from '#ports/forms.ts';
import type { Language } from '#domain/channels.ts';
import { DomainError, ValidationError } from '#domain/errors.ts';
import { loadOnce } from '#domain/load-once.ts';
import type { RateLimiter, WorkflowEngine } from '#ports/cases.ts';
import type { RateLimit } from '#domain/rate-limit.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { RIGHT_LABEL } from '#templates/labels.ts';
import { FORM_TEXT } from '#templates/web-form.ts';
import type { WebFormDeps } from '#usecases/web-form.ts';
import type { FormsCaseHandlers } from './forms-cases.tsx';
import { ISSUE_TEXT, issueOf } from '../console/form-errors.tsx';
import { FORM_STYLE } from './form-style.ts';

/**
 * The public web form per tenant (docs/design.md §1.2): `GET /forms/{tenantId}?lang=lt|en`, server-
 * rendered (Hono JSX), no JavaScript, labelled fields and an error summary (WCAG 2.1 AA
 * patterns), embeddable where the tenant allows (`frame-ancestors`). A separate app (the `forms`
 * function on AWS, mounted beside the API locally): it is public and unauthenticated, and it keeps
 * the API bundle within its budget.
 *
 * - `POST /forms/{tenantId}` (urlencoded): anti-CSRF form token (signed, tenant-bound, ≥ 2 s
 *   old), Origin check, honeypot field, per-address rate limit → the case is opened and the
 *   subject gets a one-time confirmation link by e-mail.
 * - `GET /forms/{tenantId}/confirm?token=…`: the one-time link (the web form's confirmation and
 *   the e-mail control link of identity requests) shows a page with a button; nothing is used up.
 * - `POST /forms/{tenantId}/confirm` (urlencoded `token`): confirms (single use recorded in the table).
 * - `GET /forms/{tenantId}/status?token=…`: the status page behind a signed link.
 * - `GET /forms/{tenantId}/download?token=…`: an answer file behind a signed link → 302 to a
 *   presigned URL valid five minutes.
 */
export interface FormsDeps extends WebFormDeps {
  readonly formTokens: FormPageTokens;
  readonly workflows: WorkflowEngine;
  /** Origins allowed to embed each tenant's form (CSP frame-ancestors); default: none but us. */
  readonly frameAncestors: Readonly<Record<string, readonly string[]>>;
  /** Accepted submissions per address per tenant and window, counted across instances by `rateLimiter`. */
  readonly rateLimit: RateLimit;
  readonly rateLimiter: RateLimiter;
  /** Answer files behind signed download links: a short presigned URL for an object key. */
  readonly answerFiles?: { presignedUrl(key: string): Promise<string> };
}

/**
 * The caller's address as the platform saw it: on AWS API Gateway's `requestContext.http.sourceIp`
 * (HTTP API) or `requestContext.identity.sourceIp` (REST API); locally the Node server's socket
 * peer. Never a header: X-Forwarded-For is whatever the client wrote (API Gateway only appends to
 * it), so keying the rate limit on it let one client pick a fresh address per request.
 */
export function clientAddress(c: Context): string {
  const env = c.env as
    | { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.requestContext?.identity?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

const FORM_BODY_LIMIT = 16 * 1024;



export function Page(props: { lang: Language; title: string; children: Child }) {
  // Without the doctype browsers render the form in quirks mode (the Nu checker's one error here).
  return (
    <>
    {raw('<!doctype html>')}
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <style>{FORM_STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
    </>
  );
}

interface FormState {
  values?: { name?: string; email?: string; rights?: string[]; details?: string };
  /** Each field's problems, in the form's language. */
  errors?: Record<string, string>;
  /** Why the whole form came back (a refused token), in the form's language. */
  notice?: string;
}

type Field = 'name' | 'email' | 'rights' | 'details' | 'language';
const FIELD_LABEL = { name: 'name', email: 'email', rights: 'rights', details: 'details', language: 'language' } as const satisfies Record<Field, keyof (typeof FORM_TEXT)['en']>;

/** Every problem of the submission, one message per field, worded in the form's language (never zod's English). */
export function submissionErrors(issues: readonly z.core.$ZodIssue[], lang: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of issues) {
    const issue = issueOf(i);
    const message = ISSUE_TEXT[issue.kind][lang](issue.n ?? 0);
    errors[issue.field] = errors[issue.field] ? `${errors[issue.field]}; ${message}` : message;
  }
  return errors;
}

export function FormPage(props: { tenant: string; controller: string; lang: Language; token: string; state: FormState }) {
  const t = FORM_TEXT[props.lang];
  const errors = props.state.errors ?? {};
  const v = props.state.values ?? {};
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': 'true', 'aria-describedby': `${field}-error` } : {});
  const label = (field: string) => (field in FIELD_LABEL ? t[FIELD_LABEL[field as Field]] : t.errors);
  return (
    <Page lang={props.lang} title={`${t.title} – ${props.controller}`}>
      <p>{t.intro}</p>
      {(Object.keys(errors).length > 0 || props.state.notice) && (
        <div role="alert" class="error" id="error-summary">
          {props.state.notice && <p id="form-notice">{props.state.notice}</p>}
          {Object.keys(errors).length > 0 && (
            <>
              <p>{t.errors}</p>
              <ul>
                {Object.entries(errors).map(([field, message]) => (
                  <li>
                    <a href={`#${field}`}>
                      {label(field)}: {message}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <form method="post" action={`/forms/${props.tenant}`} novalidate>
        <input type="hidden" name="formToken" value={props.token} />
        <input type="hidden" name="language" value={props.lang} />
        <label for="name">
          {t.name} <span>({t.required})</span>
        </label>
        <input type="text" id="name" name="name" autocomplete="name" required value={v.name ?? ''} {...invalid('name')} />
        {errors.name && <p id="name-error" class="error">{errors.name}</p>}
        <label for="email">
          {t.email} <span>({t.required})</span>
        </label>
        <input type="email" id="email" name="email" autocomplete="email" required value={v.email ?? ''} {...invalid('email')} />
        {errors.email && <p id="email-error" class="error">{errors.email}</p>}
        <fieldset id="rights" {...(errors.rights ? { 'aria-describedby': 'rights-error' } : {})}>
          <legend>{t.rights}</legend>
          {RIGHT_TYPES.map((r) => (
            <label>
              <input type="checkbox" name="rights" value={r} checked={v.rights?.includes(r) ?? false} /> {RIGHT_LABEL[r][props.lang]}
            </label>
          ))}
        </fieldset>
        {errors.rights && <p id="rights-error" class="error">{errors.rights}</p>}
        <label for="details">{t.details}</label>
        <textarea id="details" name="details" rows={5} maxlength={4000} {...invalid('details')}>
          {v.details ?? ''}
        </textarea>
        {errors.details && <p id="details-error" class="error">{errors.details}</p>}
        <div class="hp" aria-hidden="true">
          <label for="website">Website</label>
          <input type="text" id="website" name="website" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit">{t.submit}</button>
      </form>
      <p>
        <a href={`/forms/${props.tenant}?lang=${props.lang === 'lt' ? 'en' : 'lt'}`} hreflang={props.lang === 'lt' ? 'en' : 'lt'}>
          {props.lang === 'lt' ? 'English' : 'Lietuviškai'}
        </a>
      </p>
    </Page>
  );
}

export function languageOf(c: Context, fallback: Language): Language {
  const q = c.req.query('lang');
  return q === 'lt' || q === 'en' ? q : fallback;
}

export function createFormsApp(deps: FormsDeps): Hono {
  return createFormsAppDeferred(deps, () => Promise.resolve(deps));
}

/** What the form page itself needs: the tenant, its form token and who may embed it. */
export type FormsPageDeps = Pick<FormsDeps, 'tenants' | 'formTokens' | 'frameAncestors'>;

/**
 * The web form with the deps of everything but the form page (the case's repository, notifier,
 * workflows, rate limiter: the forms function's wiring) made by the first request that needs
 * them, and those routes' handlers (forms-cases.tsx: the use cases) loaded with them. Opening the
 * form, the usual first request, loads neither (issue 15).
 */
export function createFormsAppDeferred(deps: FormsPageDeps, loadDeps: () => Promise<FormsDeps>): Hono {
  const app = new Hono();
  // Made once; a failure (a configuration error, a missing chunk) is tried again by the next request.
  const cases = loadOnce<FormsCaseHandlers>(() => Promise.all([loadDeps(), import('./forms-cases.tsx')]).then(([full, m]) => m.formsCaseHandlers(full)));

  app.use('*', async (c, next) => {
    await next();
    const tenantId = c.req.param('tenantId') ?? c.req.path.split('/')[2] ?? '';
    const ancestors = deps.frameAncestors[tenantId] ?? [];
    // The form's one inline style by hash (no 'unsafe-inline'); framing only by the tenant's own sites.
    c.header('content-security-policy', contentSecurityPolicy([FORM_STYLE_SOURCE], ["'self'", ...ancestors]));
    c.header('x-content-type-options', 'nosniff');
    // Links carry tokens: never leak them to another site through Referer.
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-store');
  });

  const tenantOr404 = (c: Context) => deps.tenants.find(c.req.param('tenantId') ?? '');

  app.get('/:tenantId', async (c) => {
    const tenant = tenantOr404(c);
    if (!tenant) return c.notFound();
    const lang = languageOf(c, tenant.languages.official);
    const token = await deps.formTokens.issueFormToken(tenant.id);
    return c.html(<FormPage tenant={tenant.id} controller={tenant.controller.name} lang={lang} token={token} state={{}} />);
  });

  app.post('/:tenantId', bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: (c) => c.text('Too large', 413) }), async (c) => {
    if (!tenantOr404(c)) return c.notFound();
    return (await cases()).submit(c);
  });

  // Opening the link only shows a button: mail scanners and link previews fetch every URL in a
  // message, and a GET that consumed the link would use it up (or confirm) before the subject saw it.
  app.get('/:tenantId/confirm', async (c) => {
    if (!tenantOr404(c)) return c.notFound();
    return (await cases()).confirmPage(c);
  });

  app.post('/:tenantId/confirm', bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: (c) => c.text('Too large', 413) }), async (c) => {
    if (!tenantOr404(c)) return c.notFound();
    return (await cases()).confirm(c);
  });

  // A signed download link from an answer e-mail: checked, then exchanged for a presigned URL of a
  // few minutes, so the link lives as long as the answer says, not as long as a Lambda session.
  app.get('/:tenantId/download', async (c) => {
    if (!tenantOr404(c)) return c.notFound();
    return (await cases()).download(c);
  });

  app.get('/:tenantId/status', async (c) => {
    if (!tenantOr404(c)) return c.notFound();
    return (await cases()).status(c);
  });

  app.onError((error, c) => {
    const status = error instanceof DomainError ? (error.code === 'not_found' ? 404 : error.code === 'validation_failed' ? 400 : 409) : 500;
    if (status === 500) console.error(JSON.stringify({ level: 'error', where: 'forms', error: error instanceof Error ? error.message : String(error) }));
    // In the page's language (?lang=, else the tenant's), never the use case's English.
    const lang = languageOf(c, tenantOr404(c)?.languages.official ?? 'lt');
    const t = FORM_TEXT[lang];
    const expired = error instanceof ValidationError && error.issues[0]?.message === 'expired';
    return c.html(
      <Page lang={lang} title={status === 500 ? t.errorTitle : t.linkTitle}>
        <p>{status === 500 ? t.tryLater : expired ? t.linkExpired : t.linkInvalid}</p>
      </Page>,
      status,
    );
  });
  return app;
}
