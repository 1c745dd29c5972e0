import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import type { Language } from '#domain/channels.ts';
import { ValidationError } from '#domain/errors.ts';
import { RIGHT_TYPES, type RightType } from '#domain/rights.ts';
import { FORM_TEXT } from '#templates/web-form.ts';
import { previewEmailControl } from '#usecases/identity/email-control.ts';
import { confirmWebFormEmail, submitWebForm, webFormStatus } from '#usecases/web-form.ts';
import { clientAddress, FormPage, languageOf, Page, submissionErrors, type FormsDeps } from './forms-app.tsx';

// The web form's routes other than the page itself (forms-app.tsx): loaded, with the deps they
// use, by the first request that submits, confirms or follows a link (issue 15).

const Submission = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: z.email().check(z.maxLength(254)),
  rights: z.array(z.enum(RIGHT_TYPES)).check(z.minLength(1)),
  details: z.optional(z.string().check(z.maxLength(4000))),
  language: z.enum(['lt', 'en']),
});

function StatusPage(props: { lang: Language; c: Case; events: readonly AuditEvent[] }) {
  const t = FORM_TEXT[props.lang];
  return (
    <Page lang={props.lang} title={`${t.status} – ${props.c.reference}`}>
      <dl>
        <dt>{t.reference}</dt>
        <dd>{props.c.reference}</dd>
        <dt>{t.due}</dt>
        <dd>{props.c.dueDate}</dd>
      </dl>
      <h2>{t.timeline}</h2>
      <ol>
        {props.events.map((e) => (
          <li>
            <time datetime={e.at}>{e.at.slice(0, 10)}</time> {e.summary}
          </li>
        ))}
      </ol>
    </Page>
  );
}

/** Each route's handler; the app checked the tenant exists before loading them. */
export interface FormsCaseHandlers {
  submit(c: Context): Promise<Response>;
  confirmPage(c: Context): Promise<Response>;
  confirm(c: Context): Promise<Response>;
  download(c: Context): Promise<Response>;
  status(c: Context): Promise<Response>;
}

export function formsCaseHandlers(deps: FormsDeps): FormsCaseHandlers {
  const tenantOr404 = (c: Context) => deps.tenants.find(c.req.param('tenantId') ?? '');
  return {
    async submit(c) {
      const tenant = tenantOr404(c);
      if (!tenant) return c.notFound();
      const origin = c.req.header('origin');
      const self = new URL(c.req.url).origin;
      if (origin && origin !== 'null' && origin !== self && !(deps.frameAncestors[tenant.id] ?? []).includes(origin)) return c.text('Forbidden', 403);
      const form = await c.req.parseBody({ all: true });
      const one = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : undefined);
      const lang: Language = one('language') === 'en' ? 'en' : one('language') === 'lt' ? 'lt' : tenant.languages.official;
      const t = FORM_TEXT[lang];
      const rawRights = form.rights;
      const rights = (Array.isArray(rawRights) ? rawRights : rawRights === undefined ? [] : [rawRights]).filter((r): r is string => typeof r === 'string');
      const values = { name: one('name'), email: one('email'), rights, details: one('details') };
      const parsed = Submission.safeParse({ ...values, details: values.details || undefined, language: lang });
      const errors = parsed.success ? {} : submissionErrors(parsed.error.issues, lang);
      // The form again with what the subject typed, every problem at once and a fresh token.
      const again = async (status: 403 | 422, notice?: string) =>
        c.html(<FormPage tenant={tenant.id} controller={tenant.controller.name} lang={lang} token={await deps.formTokens.issueFormToken(tenant.id)} state={{ values, errors, ...(notice ? { notice } : {}) }} />, status);
      const token = one('formToken') ?? '';
      const formToken = await deps.formTokens.checkFormToken(token, tenant.id);
      if (!formToken.ok) return again(403, formToken.refusal === 'too_fast' ? t.tooFast : formToken.refusal === 'expired' ? t.expired : t.tokenInvalid);
      // A filled honeypot is a bot: it sees the usual thank-you page and nothing happens.
      if (one('website')) return c.html(<Page lang={lang} title={t.sent}><p>{t.sentText}</p></Page>);
      if (!parsed.success) return again(422);
      // One submission per rendered form: a replayed token (a second click, a script re-posting a
      // captured form) is told so and opens nothing, before it can count against the rate limit.
      if (!(await deps.used.markUsed(tenant.id, `FORM#${formToken.jti}`, formToken.expiresAt))) {
        return c.html(
          <Page lang={lang} title={t.alreadySent}>
            <p role="alert">{t.alreadySent}</p>
            <p>
              <a href={`/forms/${tenant.id}?lang=${lang}`}>{t.title}</a>
            </p>
          </Page>,
          409,
        );
      }
      // Only accepted submissions count; the address is kept as a digest, never in clear.
      const addressDigest = createHash('sha256').update(clientAddress(c)).digest('hex').slice(0, 32);
      const taken = await deps.rateLimiter.take(`FORM#${tenant.id}#${addressDigest}`, deps.rateLimit, deps.clock.now());
      if (!taken.allowed) {
        c.header('retry-after', String(taken.retryAfterSeconds));
        return c.text('Too many requests; please try again later.', 429);
      }
      const { case: created } = await submitWebForm(deps, {
        tenantId: tenant.id,
        name: parsed.data.name,
        email: parsed.data.email,
        rights: parsed.data.rights as RightType[],
        ...(parsed.data.details ? { details: parsed.data.details } : {}),
        language: lang,
      });
      return c.html(
        <Page lang={lang} title={t.sent}>
          <p>{t.sentText}</p>
          <p>
            {t.reference}: <strong>{created.reference}</strong>
          </p>
        </Page>,
        201,
      );
    },
    async confirmPage(c) {
      const tenant = tenantOr404(c);
      if (!tenant) return c.notFound();
      const token = c.req.query('token') ?? '';
      const found = await previewEmailControl(deps, { tenantId: tenant.id, token });
      const lang = languageOf(c, found.language);
      const t = FORM_TEXT[lang];
      return c.html(
        <Page lang={lang} title={t.confirmTitle}>
          <p>{t.confirmText}</p>
          <p>
            {t.reference}: <strong>{found.reference}</strong>
          </p>
          <form method="post" action={`/forms/${tenant.id}/confirm`}>
            <input type="hidden" name="token" value={token} />
            <button type="submit">{t.confirmButton}</button>
          </form>
        </Page>,
      );
    },
    async confirm(c) {
      const tenant = tenantOr404(c);
      if (!tenant) return c.notFound();
      const origin = c.req.header('origin');
      if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin) return c.text('Forbidden', 403);
      const form = await c.req.parseBody();
      const result = await confirmWebFormEmail(deps, { tenantId: tenant.id, token: typeof form.token === 'string' ? form.token : '' });
      const lang = result.case.language;
      const t = FORM_TEXT[lang];
      return c.html(
        <Page lang={lang} title={result.alreadyUsed ? t.used : t.confirmed}>
          <p>{result.alreadyUsed ? t.used : result.identityEstablished ? t.confirmedText : t.confirmedMore}</p>
          <p>
            {t.reference}: <strong>{result.case.reference}</strong>
          </p>
        </Page>,
        result.alreadyUsed ? 409 : 200,
      );
    },
    async download(c) {
      const tenant = tenantOr404(c);
      if (!tenant || !deps.answerFiles) return c.notFound();
      const file = await deps.formTokens.verifyDownload(c.req.query('token') ?? '');
      if (file.tenantId !== tenant.id || !file.key.startsWith(`answers/${tenant.id}/`)) {
        throw new ValidationError('This link is not valid.', [{ field: 'token', message: 'another tenant' }]);
      }
      return c.redirect(await deps.answerFiles.presignedUrl(file.key), 302);
    },
    async status(c) {
      const tenant = tenantOr404(c);
      if (!tenant) return c.notFound();
      const { case: found, events } = await webFormStatus(deps, { tenantId: tenant.id, token: c.req.query('token') ?? '' });
      return c.html(<StatusPage lang={languageOf(c, found.language)} c={found} events={events} />);
    },
  };
}
