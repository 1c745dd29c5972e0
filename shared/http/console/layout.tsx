import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Language } from '#domain/channels.ts';
import type { StaffPrincipal } from '../auth.ts';
import type { Translate } from './labels.ts';
import { ROLE_LABEL } from './enum-labels.ts';
import { ErrorSummary, type FormProblem, type KeptValues } from './form-errors.tsx';

export interface PageContext {
  readonly lang: Language;
  readonly t: Translate;
  readonly staff: StaffPrincipal | null;
  readonly csrf: string;
  /** Current path + query, for the language switch's way back. */
  readonly here: string;
  /** A failed submit's problems: the summary at the top of the page, the messages beside the fields. */
  readonly problem?: FormProblem;
  /** What was typed into the form shown again. */
  readonly kept?: KeptValues;
}

export const fmtDateTime = (iso: string, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'lt' ? 'lt-LT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Vilnius' }).format(new Date(iso));

export function Layout(props: { ctx: PageContext; title: string; nav?: 'inbox' | 'dashboard' | 'register' | 'queue' | 'unprocessed'; children?: Child }) {
  const { ctx } = props;
  const other: Language = ctx.lang === 'lt' ? 'en' : 'lt';
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · ${ctx.t('appName')}`}</title>
          <link rel="stylesheet" href="/console/assets/console.css" />
          <script src="/console/assets/console.js" defer></script>
        </head>
        <body>
          <a class="skip" href="#main">{ctx.t('skip')}</a>
          <header>
            <strong>{ctx.t('appName')}</strong>
            <nav aria-label={ctx.t('appName')}>
              {ctx.staff && (
                <>
                  <a href="/console" aria-current={props.nav === 'inbox' ? 'page' : undefined}>{ctx.t('inbox')}</a>
                  <a href="/console/dashboard" aria-current={props.nav === 'dashboard' ? 'page' : undefined}>{ctx.t('dashboard')}</a>
                  <a href="/console/print-queue" aria-current={props.nav === 'queue' ? 'page' : undefined}>{ctx.t('printQueue')}</a>
                  <a href="/console/register" aria-current={props.nav === 'register' ? 'page' : undefined}>{ctx.t('register')}</a>
                  <a href="/console/unprocessed" aria-current={props.nav === 'unprocessed' ? 'page' : undefined}>{ctx.t('unprocessed')}</a>
                  {ctx.staff.role === 'admin' && <a href="/console/records">{ctx.lang === 'lt' ? 'Prašymų registras' : 'Register of requests'}</a>}
                </>
              )}
            </nav>
            <a href={`/console/lang/${other}?next=${encodeURIComponent(ctx.here)}`} lang={other} hreflang={other}>
              {other === 'lt' ? 'Lietuviškai' : 'English'}
            </a>
            {ctx.staff && (
              <>
                <span class="who">
                  {ctx.t('signedInAs')} {ctx.staff.userId} ({ROLE_LABEL[ctx.staff.role][ctx.lang]}, {ctx.staff.tenantId})
                </span>
                <form method="post" action="/console/logout">
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <button class="linkbtn" type="submit">{ctx.t('signOut')}</button>
                </form>
              </>
            )}
          </header>
          <main id="main">
            {ctx.problem && <ErrorSummary problem={ctx.problem} title={ctx.t('errorTitle')} />}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

export function Alert(props: { t: Translate; text: string; children?: Child }) {
  return (
    <div class="alert" role="alert">
      <strong>{props.t('errorTitle')}:</strong> {props.text}
      {props.children}
    </div>
  );
}

export function ErrorPage(props: { ctx: PageContext; title: string; detail: string }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
      <p>
        <a href="/console">{props.ctx.t('inbox')}</a>
      </p>
    </Layout>
  );
}
