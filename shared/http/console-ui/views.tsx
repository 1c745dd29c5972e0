import type { Child } from 'hono/jsx';
import { RIGHT_OUTCOMES, type RightOutcome } from '#domain/answer.ts';
import { raw } from 'hono/html';
import type { AuditEvent } from '#domain/audit.ts';
import { OPEN_STATUSES, type Case } from '#domain/case.ts';
import { CHANNELS, type Language } from '#domain/channels.ts';
import type { CaseMessage } from '#domain/mail.ts';
import { RIGHT_ARTICLE, RIGHT_TYPES } from '#domain/rights.ts';
import type { DashboardStats } from '#usecases/console/dashboard.ts';
import type { InboxPage } from '#usecases/console/inbox.ts';
import type { CappedCount } from '#ports/console.ts';
import type { StaffPrincipal } from '../auth.ts';
import type { DevStaff } from './deps.ts';
import {
  CHANNEL_LABEL,
  IDENTITY_STATUS_LABEL,
  METHOD_LABEL,
  RIGHT_SHORT,
  RIGHT_STATUS_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
  STEP_LABEL,
  type LabelKey,
  type Translate,
} from './labels.ts';

export interface PageContext {
  readonly lang: Language;
  readonly t: Translate;
  readonly staff: StaffPrincipal | null;
  readonly csrf: string;
  /** Current path + query, for the language switch's way back. */
  readonly here: string;
}

const fmtDateTime = (iso: string, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'lt' ? 'lt-LT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Vilnius' }).format(new Date(iso));

export function Layout(props: { ctx: PageContext; title: string; nav?: 'inbox' | 'dashboard' | 'register' | 'queue'; children?: Child }) {
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
          <main id="main">{props.children}</main>
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

export function DevSignIn(props: { ctx: PageContext; staff: readonly DevStaff[]; loginCsrf: string; next: string; error?: string }) {
  const { ctx } = props;
  const byTenant = new Map<string, DevStaff[]>();
  for (const s of props.staff) byTenant.set(s.tenantId, [...(byTenant.get(s.tenantId) ?? []), s]);
  return (
    <Layout ctx={ctx} title={ctx.t('signIn')}>
      <h1>{ctx.t('devIdpTitle')}</h1>
      <p>{ctx.t('devIdpIntro')}</p>
      {props.error && <div class="alert" role="alert">{props.error}</div>}
      <div class="grid">
        {[...byTenant.entries()].map(([tenantId, staff]) => (
          <section class="card" aria-labelledby={`t-${tenantId}`}>
            <h2 id={`t-${tenantId}`}>{staff[0]?.tenantName} <span class="muted">({tenantId})</span></h2>
            <ul>
              {staff.map((s) => (
                <li>
                  <form method="post" action="/console/login/dev" class="row">
                    <input type="hidden" name="_csrf" value={props.loginCsrf} />
                    <input type="hidden" name="tenant" value={s.tenantId} />
                    <input type="hidden" name="role" value={s.role} />
                    <input type="hidden" name="next" value={props.next} />
                    <button type="submit" class="secondary" data-user={s.userId}>
                      {ctx.t('signIn')}: {s.userId} — {ROLE_LABEL[s.role][ctx.lang]}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}

export function CognitoSignIn(props: { ctx: PageContext; next: string }) {
  return (
    <Layout ctx={props.ctx} title={props.ctx.t('signIn')}>
      <h1>{props.ctx.t('signIn')}</h1>
      <p>{props.ctx.t('cognitoIntro')}</p>
      <a class="button" href={`/console/login/cognito?next=${encodeURIComponent(props.next)}`}>{props.ctx.t('signInWithCognito')}</a>
    </Layout>
  );
}

export function DaysLeft(props: { t: Translate; days: number }) {
  const { days, t } = props;
  if (days < 0) return <span class="chip late">{t('overdueBy', { n: -days })}</span>;
  if (days === 0) return <span class="chip late">{t('dueToday')}</span>;
  return <span class={`chip ${days <= 7 ? 'soon' : 'ok'}`}>{t('left', { n: days })}</span>;
}

export function Counts(props: { ctx: PageContext; counts: ReadonlyArray<{ status: string; count: CappedCount }> }) {
  const { ctx } = props;
  return (
    <>
      {props.counts.map(({ status, count }) => (
        <span>
          <a href={`/console?status=${status}`}>{STATUS_LABEL[status as Case['status']][ctx.lang]}</a>: {count.capped ? '≥ ' : ''}
          {count.count}
        </span>
      ))}
    </>
  );
}

export function Inbox(props: { ctx: PageContext; page: InboxPage; filters: { status?: string; channel?: string; q?: string }; cursor: string | null }) {
  const { ctx, page, filters } = props;
  const { t, lang } = ctx;
  const keep = new URLSearchParams();
  if (filters.status) keep.set('status', filters.status);
  if (filters.channel) keep.set('channel', filters.channel);
  const next = page.nextCursor ? `/console?${new URLSearchParams({ ...Object.fromEntries(keep), cursor: page.nextCursor }).toString()}` : null;
  return (
    <Layout ctx={ctx} title={t('inbox')} nav="inbox">
      <h1>{filters.q ? t('searchResults', { q: filters.q }) : t('openCases')}</h1>
      <div class="counts" aria-live="polite" data-fragment="/console/fragments/counts">
        <a href="/console/dashboard">{t('showCounts')}</a>
      </div>
      <form method="get" action="/console" class="filters card" role="search" aria-label={t('filters')}>
        <label>
          {t('status')}
          <select name="status">
            <option value="">{t('any')}</option>
            {OPEN_STATUSES.map((s) => (
              <option value={s} selected={filters.status === s}>{STATUS_LABEL[s][lang]}</option>
            ))}
          </select>
        </label>
        <label>
          {t('channel')}
          <select name="channel">
            <option value="">{t('any')}</option>
            {CHANNELS.map((ch) => (
              <option value={ch} selected={filters.channel === ch}>{CHANNEL_LABEL[ch][lang]}</option>
            ))}
          </select>
        </label>
        <label>
          {t('search')}
          <input type="search" name="q" value={filters.q ?? ''} placeholder={t('searchHint')} size={28} />
        </label>
        <button type="submit">{t('apply')}</button>
        <a href="/console">{t('clear')}</a>
      </form>
      {filters.channel && !filters.q && <p class="muted">{t('filteredNote', { n: page.read })}</p>}
      <table>
        <caption class="sr-only">{t('openCases')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reference')}</th>
            <th scope="col">{t('subject')}</th>
            <th scope="col">{t('channel')}</th>
            <th scope="col">{t('rights')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('identity')}</th>
            <th scope="col">{t('due')}</th>
            <th scope="col">{t('daysLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.length === 0 && (
            <tr>
              <td colspan={8}>{t('noCases')}</td>
            </tr>
          )}
          {page.rows.map(({ case: c, daysLeft }) => (
            <tr>
              <td>
                <a href={`/console/cases/${c.id}`}>{c.reference}</a>
                {c.repeat && <span class="chip soon"> {t('repeatFlag')}</span>}
              </td>
              <td>
                {c.subject.name}
                {c.subject.email && <div class="muted">{c.subject.email}</div>}
              </td>
              <td>{CHANNEL_LABEL[c.channel][lang]}</td>
              <td>{c.rights.map((r) => RIGHT_SHORT[r.type][lang]).join(', ')}</td>
              <td>{STATUS_LABEL[c.status][lang]}</td>
              <td>{IDENTITY_STATUS_LABEL[c.identity.status][lang]}</td>
              <td>{c.dueDate}{c.extended ? ' *' : ''}</td>
              <td>
                <DaysLeft t={t} days={daysLeft} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="row" aria-label={t('nextPage')}>
        {props.cursor && <a href={`/console${keep.size ? `?${keep.toString()}` : ''}`}>{t('firstPage')}</a>}
        {next && <a href={next} rel="next">{t('nextPage')}</a>}
      </nav>
    </Layout>
  );
}

export interface CaseView {
  readonly case: Case;
  readonly events: readonly AuditEvent[];
  readonly messages: ReadonlyArray<Omit<CaseMessage, 'raw'> & { text: string | null }>;
  readonly daysLeft: number;
  readonly draftTemplate: string;
  readonly fourEyes: boolean;
  /** Inbound attachments that may be an ID-document scan (deleted after the review). */
  readonly scans: ReadonlyArray<{ readonly filename: string; readonly key: string }>;
}

/** An ID-document review whose checks failed: what staff typed and why, shown beside the form. */
export interface IdReviewState {
  readonly values: Readonly<Record<string, string>>;
  readonly reasons: readonly string[];
}

const IDENTITY_EVENT = /^(identity\.|decision\.(approve|reject|request_more)$)/;

export function CasePage(props: { ctx: PageContext; view: CaseView; error?: string; done?: string; review?: IdReviewState }) {
  const { ctx, view } = props;
  const { t, lang } = ctx;
  const c = view.case;
  const pending = OPEN_STATUSES.includes(c.status) && !c.waiting;
  const dl = c.deadlines;
  const rows: Array<{ label: string; d: { dueDate: string | null; dueAt: string; rule: string } | null; inForce: boolean }> = [
    { label: t('dlAnswer'), d: dl.answer, inForce: !c.extended && c.dueAt === dl.answer.dueAt },
    { label: t('dlExtended'), d: dl.extended, inForce: c.extended },
    { label: t('dlInvalid'), d: dl.invalidRequestNotice, inForce: false },
    { label: t('dlMarketing'), d: dl.directMarketingObjection, inForce: false },
  ];
  const identityEvents = view.events.filter((e) => IDENTITY_EVENT.test(e.type) && (e.type.startsWith('identity.') || e.details?.step === 'identity_review' || e.details?.step === 'subject_identity'));
  return (
    <Layout ctx={ctx} title={t('caseTitle', { ref: c.reference })} nav="inbox">
      <h1>{t('caseTitle', { ref: c.reference })}</h1>
      {props.error && <Alert t={t} text={props.error} />}
      {props.done && <div class="notice" role="status">{t('done', { what: props.done })}</div>}
      {pending && <p class="warn" data-refresh="1" role="status">{t('notWaiting')}</p>}
      {c.attention && <p class="alert">{t('attention')}: {c.attention.reason}</p>}
      <div class="grid">
        <section class="card" aria-labelledby="h-summary">
          <h2 id="h-summary">{t('summary')}</h2>
          <dl class="kv">
            <dt>{t('status')}</dt>
            <dd id="case-status" data-status={c.status}>{STATUS_LABEL[c.status][lang]}</dd>
            {c.waiting && (
              <>
                <dt>{t('waitingFor')}</dt>
                <dd id="waiting" data-step={c.waiting.step}>{STEP_LABEL[c.waiting.step][lang]}</dd>
              </>
            )}
            <dt>{t('channel')}</dt>
            <dd>{CHANNEL_LABEL[c.channel][lang]}</dd>
            <dt>{t('received')}</dt>
            <dd>{fmtDateTime(c.receivedAt, lang)}</dd>
            <dt>{t('requestLanguage')}</dt>
            <dd>{c.language.toUpperCase()}</dd>
            <dt>{t('subject')}</dt>
            <dd>{c.subject.name}</dd>
            <dt>{t('contact')}</dt>
            <dd>{[c.subject.email, c.subject.phone, c.subject.postalAddress].filter(Boolean).join(' · ') || '—'}</dd>
            {c.representative && (
              <>
                <dt>{t('representative')}</dt>
                <dd>{c.representative.name}</dd>
              </>
            )}
            <dt>{t('due')}</dt>
            <dd>
              {c.dueDate} <DaysLeft t={t} days={view.daysLeft} />
            </dd>
            <dt>{t('repeatFlag')}</dt>
            <dd>{c.repeat ? <span class="chip soon">{`${c.repeat.reason} (${c.repeat.rule})`}</span> : <span class="muted">{t('repeatNone')}</span>}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="h-rights">
          <h2 id="h-rights">{t('rights')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rights')}</th>
                <th scope="col">{t('rightStatus')}</th>
                <th scope="col">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {c.rights.map((r) => (
                <tr>
                  <td>{RIGHT_SHORT[r.type][lang]} <span class="muted">({RIGHT_ARTICLE[r.type]})</span></td>
                  <td>{RIGHT_STATUS_LABEL[r.status][lang]}</td>
                  <td>{r.details ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {OPEN_STATUSES.includes(c.status) && <RightsForm ctx={ctx} c={c} />}
        </section>
        <section class="card" aria-labelledby="h-identity">
          <h2 id="h-identity">{t('identity')}</h2>
          <dl class="kv">
            <dt>{t('identityStatus')}</dt>
            <dd id="identity-status">{IDENTITY_STATUS_LABEL[c.identity.status][lang]}</dd>
            <dt>{t('method')}</dt>
            <dd>{c.identity.method ? METHOD_LABEL[c.identity.method][lang] : '—'}</dd>
            <dt>{t('acceptedMethods')}</dt>
            <dd>{c.identity.acceptedMethods.map((m) => METHOD_LABEL[m][lang]).join(', ')}</dd>
            <dt>{t('rule')}</dt>
            <dd>{c.identity.rule}</dd>
          </dl>
          <h3>{t('evidence')}</h3>
          {identityEvents.length === 0 ? (
            <p class="muted">{t('noEvidence')}</p>
          ) : (
            <ul>
              {identityEvents.map((e) => (
                <li>
                  {fmtDateTime(e.at, lang)} — {e.summary} <span class="muted">({e.actor.id})</span>
                  <Reasons t={t} details={e.details} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="h-deadlines">
          <h2 id="h-deadlines">{t('deadlines')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('deadline')}</th>
                <th scope="col">{t('dueDate')}</th>
                <th scope="col">{t('rule')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.filter((r) => r.d).map((r) => (
                <tr>
                  <td>{r.label}{r.inForce && <strong> ({t('inForce')})</strong>}</td>
                  <td>{r.d!.dueDate ?? fmtDateTime(r.d!.dueAt, lang)}</td>
                  <td>{r.d!.rule}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">{t('countedFrom')}: {fmtDateTime(dl.countedFrom, lang)}</p>
        </section>
      </div>
      <section class="card" aria-labelledby="h-actions">
        <h2 id="h-actions">{t('actions')}</h2>
        <Actions ctx={ctx} view={view} {...(props.review ? { review: props.review } : {})} />
      </section>
      <section class="card" aria-labelledby="h-messages">
        <h2 id="h-messages">{t('messages')}</h2>
        {view.messages.length === 0 && <p class="muted">{t('noMessages')}</p>}
        {view.messages.map((m) => (
          <article class="card" aria-label={`${m.direction === 'inbound' ? t('inbound') : t('outbound')}: ${m.subject}`}>
            <h3>
              {m.direction === 'inbound' ? '⬇ ' + t('inbound') : '⬆ ' + t('outbound')} · {fmtDateTime(m.at, lang)} · {m.subject}
            </h3>
            <p class="muted">
              {t('from')}: {m.from} · {t('to')}: {m.to.join(', ')}
              {m.notice ? ` · ${m.notice}` : ''}
            </p>
            {m.text !== null && <pre tabindex={0}>{m.text}</pre>}
            {m.attachments.length > 0 && (
              <p>
                {t('attachments')}: {m.attachments.map((a) => `${a.filename} (${a.contentType}, ${Math.ceil(a.size / 1024)} KB)`).join(', ')}
              </p>
            )}
            <a href={`/console/cases/${c.id}/messages/${encodeURIComponent(m.id)}/raw`}>{t('rawMime')}</a>
          </article>
        ))}
      </section>
      <section class="card" aria-labelledby="h-timeline">
        <h2 id="h-timeline">{t('timeline')}</h2>
        <ol class="timeline">
          {view.events.map((e) => (
            <li>
              <time datetime={e.at}>{fmtDateTime(e.at, lang)}</time> · <code>{e.type}</code> · {e.summary}{' '}
              <span class="muted">
                ({t('actor')}: {e.actor.kind} {e.actor.id})
              </span>
              <Reasons t={t} details={e.details} />
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function Reasons(props: { t: Translate; details: AuditEvent['details'] }) {
  const reasons = props.details?.reasons;
  if (!Array.isArray(reasons) || reasons.length === 0) return null;
  return (
    <div>
      {props.t('reasons')}: {reasons.map(String).join('; ')}
    </div>
  );
}

/** A file size as people read it (1.2 MB). */
function fmtBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function DecisionForm(props: { ctx: PageContext; c: Case; step: string; decision: string; label: string; reasons?: boolean; danger?: boolean; children?: Child; id: string; files?: boolean }) {
  const { ctx } = props;
  return (
    <form method="post" action={`/console/cases/${props.c.id}/decide`} class="stack" id={props.id} {...(props.files ? { enctype: 'multipart/form-data' } : {})}>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="step" value={props.step} />
      <input type="hidden" name="decision" value={props.decision} />
      <fieldset>
        <legend>{props.label}</legend>
        {props.children}
        {props.reasons && (
          <label>
            {ctx.t('reasons')} <span class="muted">({ctx.t('reasonsHint')})</span>
            <textarea name="reasons" rows={3} required></textarea>
          </label>
        )}
        <div>
          <button type="submit" class={props.danger ? 'danger' : ''}>{props.label}</button>
        </div>
      </fieldset>
    </form>
  );
}

function Actions(props: { ctx: PageContext; view: CaseView; review?: IdReviewState }) {
  const { ctx, view } = props;
  const { t, lang } = ctx;
  const c = view.case;
  const step = c.waiting?.step;
  if (!step) return <p class="muted">{t('noActions')}</p>;
  if (step === 'identity_review' || step === 'subject_identity') {
    return (
      <div class="grid">
        {c.identity.acceptedMethods.some(isDocMethod) && <IdReviewForm ctx={ctx} view={view} {...(props.review ? { review: props.review } : {})} />}
        {c.identity.acceptedMethods.some((m) => !isDocMethod(m)) && (
          <DecisionForm ctx={ctx} c={c} step={step} decision="approve" label={t('otherMethod')} id="approve-identity">
            <label>
              {t('method')}
              <select name="method">
                {c.identity.acceptedMethods.filter((m) => !isDocMethod(m)).map((m) => (
                  <option value={m}>{METHOD_LABEL[m][lang]}</option>
                ))}
              </select>
            </label>
          </DecisionForm>
        )}
        {step === 'identity_review' && <DecisionForm ctx={ctx} c={c} step={step} decision="reject" label={t('rejectIdentity')} reasons danger id="reject-identity" />}
        {step === 'identity_review' && <DecisionForm ctx={ctx} c={c} step={step} decision="request_more" label={t('requestMore')} id="request-more" />}
        <DecisionForm ctx={ctx} c={c} step={step} decision="invalid" label={t('markInvalid')} reasons danger id="mark-invalid" />
        <DecisionForm ctx={ctx} c={c} step={step} decision="withdraw" label={t('withdraw')} id="withdraw" />
      </div>
    );
  }
  if (step === 'answer_draft') {
    return (
      <div class="stack">
        {c.repeat && <p class="warn">{t('repeatWarn', { reason: c.repeat.reason, rule: c.repeat.rule })}</p>}
        <DecisionForm ctx={ctx} c={c} step={step} decision="draft" label={t('draftAnswer')} id="draft" files>
          <label>
            {t('draftHint')}
            <textarea name="body" rows={14} required>{c.draft?.body ?? view.draftTemplate}</textarea>
          </label>
          <AnswerFields ctx={ctx} c={c} />
          {c.draft?.files?.length ? (
            <fieldset>
              <legend>{t('keepFiles')}</legend>
              {c.draft.files.map((f) => (
                <label>
                  <input type="checkbox" name="keepFiles" value={f.id} checked /> {f.filename} ({fmtBytes(f.size)})
                </label>
              ))}
            </fieldset>
          ) : null}
          <label>
            {t('attachFiles')} <span class="muted">({t('attachFilesHint')})</span>
            <input type="file" name="files" multiple />
          </label>
        </DecisionForm>
        <div class="grid">
          {!c.extended && (
            <DecisionForm ctx={ctx} c={c} step={step} decision="extend" label={t('extend')} reasons id="extend">
              <p class="muted">{t('extendNote', { date: c.deadlines.extended.dueDate ?? '', rule: c.deadlines.extended.rule })}</p>
            </DecisionForm>
          )}
          <DecisionForm ctx={ctx} c={c} step={step} decision="fee" label={t('fee')} reasons id="fee" />
          <DecisionForm ctx={ctx} c={c} step={step} decision="refuse" label={t('refuse')} reasons danger id="refuse" />
          <DecisionForm ctx={ctx} c={c} step={step} decision="withdraw" label={t('withdraw')} id="withdraw" />
        </div>
      </div>
    );
  }
  const draft = c.draft;
  return (
    <div class="stack">
      {draft && (
        <>
          <p>{t('draftedBy', { who: draft.draftedBy, at: fmtDateTime(draft.draftedAt, lang) })}</p>
          <pre id="draft-body" tabindex={0}>{draft.body}</pre>
          {draft.files?.length ? (
            <ul id="draft-files" aria-label={t('attachedFiles')}>
              {draft.files.map((f) => (
                <li>
                  {f.filename} ({fmtBytes(f.size)})
                </li>
              ))}
            </ul>
          ) : null}
          {draft.answer && (
            <ul id="draft-answer">
              {draft.answer.data?.map((d) => (
                <li>
                  {d.category}: {t('records', { n: d.records.length })}
                </li>
              ))}
              {draft.answer.results?.map((r) => (
                <li>
                  {RIGHT_SHORT[r.type][lang]}: {outcomeLabel(t, r.outcome, lang)}
                  {r.summary ? ` — ${r.summary}` : ''}
                  {r.erased?.length ? ` · ${t('erased')}: ${r.erased.join('; ')}` : ''}
                  {r.kept?.length ? ` · ${t('kept')}: ${r.kept.map((k) => `${k.data} (${k.reason}${k.until ? `, ${k.until}` : ''})`).join('; ')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {view.fourEyes && <p class="muted">{t('fourEyesNote')}</p>}
      <div class="grid">
        <DecisionForm ctx={ctx} c={c} step="approval" decision="approve" label={t('approveSend')} id="approve-send" />
        <DecisionForm ctx={ctx} c={c} step="approval" decision="reject" label={t('sendBack')} reasons id="send-back" />
      </div>
    </div>
  );
}

const isDocMethod = (m: string) => m === 'id_document' || m === 'in_person';
const DOC_TYPES: ReadonlyArray<[string, LabelKey]> = [
  ['id_card', 'docIdCard'],
  ['passport', 'docPassport'],
  ['residence_permit', 'docResidence'],
  ['driving_licence', 'docLicence'],
];

/** The ID-document review (POST …/identity): typed fields and the MRZ, checked by the identity use case. */
function IdReviewForm(props: { ctx: PageContext; view: CaseView; review?: IdReviewState }) {
  const { ctx, view } = props;
  const { t } = ctx;
  const c = view.case;
  const v = props.review?.values ?? {};
  const field = (name: string, label: LabelKey, attrs: Record<string, string | number | boolean> = {}) => (
    <label>
      {t(label)}
      <input name={name} value={v[name] ?? ''} required autocomplete="off" {...attrs} />
    </label>
  );
  return (
    <form method="post" action={`/console/cases/${c.id}/identity`} class="stack" id="id-review">
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <fieldset>
        <legend>{t('idDocReview')}</legend>
        {props.review && (
          <Alert t={t} text={t('checkFailed')}>
            <ul id="id-review-reasons">
              {props.review.reasons.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
          </Alert>
        )}
        <label>
          {t('docType')}
          <select name="documentType">
            {DOC_TYPES.map(([value, key]) => (
              <option value={value} selected={v.documentType === value}>{t(key)}</option>
            ))}
          </select>
        </label>
        {field('issuingCountry', 'country', { pattern: '[A-Za-z<]{3}', maxlength: 3, size: 4 })}
        {field('documentNumber', 'docNumber', { maxlength: 20 })}
        {field('surname', 'surname', { maxlength: 100 })}
        {field('givenNames', 'givenNames', { maxlength: 100 })}
        {field('birthDate', 'birthDate', { type: 'date' })}
        {field('expiresOn', 'expiresOn', { type: 'date' })}
        <label>
          {t('mrz')}
          <textarea name="mrz" rows={3} class="mono" spellcheck={false} autocomplete="off">{v.mrz ?? ''}</textarea>
        </label>
        {view.scans.length > 0 && (
          <label>
            {t('scanToDelete')}
            <select name="imageKey">
              {view.scans.map((f) => (
                <option value={f.key}>{f.filename}</option>
              ))}
              <option value="">{t('none')}</option>
            </select>
          </label>
        )}
        {c.identity.acceptedMethods.includes('in_person') && (
          <label class="check">
            <input type="checkbox" name="inPerson" value="1" checked={c.channel === 'in_person'} /> {t('seenInPerson')}
          </label>
        )}
        <p class="muted">{t('mrzNote')}</p>
        <div>
          <button type="submit">{t('approveIdentity')}</button>
        </div>
      </fieldset>
    </form>
  );
}

/** Corrects the classified rights (PATCH …/rights in the JSON API) with reasons. */
function RightsForm(props: { ctx: PageContext; c: Case }) {
  const { ctx, c } = props;
  const { t, lang } = ctx;
  return (
    <details>
      <summary>{t('correctRights')}</summary>
      <form method="post" action={`/console/cases/${c.id}/rights`} class="stack" id="correct-rights">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <fieldset>
          <legend>{t('rights')}</legend>
          {RIGHT_TYPES.map((r) => (
            <label class="check">
              <input type="checkbox" name="rights" value={r} checked={c.rights.some((x) => x.type === r)} /> {RIGHT_SHORT[r][lang]}
            </label>
          ))}
        </fieldset>
        <label>
          {t('reasons')} <span class="muted">({t('reasonsHint')})</span>
          <textarea name="reasons" rows={2} required></textarea>
        </label>
        <div>
          <button type="submit">{t('correctRights')}</button>
        </div>
      </form>
    </details>
  );
}

const outcomeLabel = (t: Translate, o: RightOutcome, lang: Language) => (o === 'not_applicable' ? t('notApplicable') : RIGHT_STATUS_LABEL[o][lang]);

/** The structured part of the draft: the subject's data (JSON) and per right its outcome. */
function AnswerFields(props: { ctx: PageContext; c: Case }) {
  const { ctx, c } = props;
  const { t, lang } = ctx;
  const answer = c.draft?.answer;
  const lines = (xs: readonly string[] | undefined) => (xs ?? []).join('\n');
  return (
    <>
      <label>
        {t('answerData')}
        <textarea name="answerData" rows={5} class="mono" spellcheck={false}>{answer?.data ? JSON.stringify(answer.data, null, 1) : ''}</textarea>
      </label>
      {c.rights.map((r) => {
        const prev = answer?.results?.find((x) => x.type === r.type);
        return (
          <fieldset>
            <legend>{RIGHT_SHORT[r.type][lang]}</legend>
            <div class="filters">
              <label>
                {t('outcome')}
                <select name={`outcome.${r.type}`}>
                  <option value="">—</option>
                  {RIGHT_OUTCOMES.map((o) => (
                    <option value={o} selected={prev?.outcome === o}>{outcomeLabel(t, o, lang)}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('resultSummary')}
                <input name={`summary.${r.type}`} maxlength={4000} size={40} value={prev?.summary ?? ''} />
              </label>
            </div>
            {r.type === 'erasure' && (
              <>
                <label>
                  {t('erased')} <span class="muted">({t('linesHint')})</span>
                  <textarea name="erased" rows={3}>{lines(prev?.erased)}</textarea>
                </label>
                <label>
                  {t('kept')} <span class="muted">({t('keptHint')})</span>
                  <textarea name="kept" rows={3}>{lines(prev?.kept?.map((k) => [k.data, k.reason, k.until ?? ''].join(' | ').replace(/ \| $/, '')))}</textarea>
                </label>
              </>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

const W = 380;

/** A horizontal bar chart in plain SVG (no canvas), with the numbers as text for everyone. */
function Bars(props: { title: string; rows: ReadonlyArray<{ label: string; value: number; colour: string; prefix?: string }> }) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  const h = props.rows.length * 28 + 8;
  return (
    <svg width="100%" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={`${props.title}: ${props.rows.map((r) => `${r.label} ${r.prefix ?? ''}${r.value}`).join(', ')}`}>
      {props.rows.map((r, i) => {
        const y = i * 28 + 4;
        const w = Math.round((r.value / max) * (W - 180));
        return (
          <g>
            <text x="0" y={y + 15}>{r.label}</text>
            <rect x="130" y={y} width={Math.max(w, 1)} height="20" fill={r.colour} rx="2" />
            <text x={136 + w} y={y + 15}>{`${r.prefix ?? ''}${r.value}`}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function Dashboard(props: { ctx: PageContext; stats: DashboardStats }) {
  const { ctx, stats } = props;
  const { t, lang } = ctx;
  const capped = (c: CappedCount) => (c.capped ? '≥ ' : '');
  const totalAnswered = stats.answered.onTime + stats.answered.late;
  return (
    <Layout ctx={ctx} title={t('dashboard')} nav="dashboard">
      <h1>{t('dashboard')}</h1>
      <div class="grid">
        <section class="card" aria-labelledby="d-ontime">
          <h2 id="d-ontime">{t('onTimeVsLate')}</h2>
          {totalAnswered === 0 ? (
            <p class="muted">{t('noData')}</p>
          ) : (
            <Bars title={t('onTimeVsLate')} rows={[{ label: t('onTime'), value: stats.answered.onTime, colour: '#1f7a3a' }, { label: t('late'), value: stats.answered.late, colour: '#a4161a' }]} />
          )}
        </section>
        <section class="card" aria-labelledby="d-median">
          <h2 id="d-median">{t('medianTime')}</h2>
          <p class="big">{stats.medianDaysToAnswer === null ? '—' : `${stats.medianDaysToAnswer} ${t('days')}`}</p>
        </section>
        <section class="card" aria-labelledby="d-open">
          <h2 id="d-open">{t('openByStatus')}</h2>
          <Bars title={t('openByStatus')} rows={stats.openByStatus.map(({ status, count }) => ({ label: STATUS_LABEL[status][lang], value: count.count, prefix: capped(count), colour: '#0b57d0' }))} />
        </section>
        <section class="card" aria-labelledby="d-week">
          <h2 id="d-week">{t('dueThisWeek')}: {capped(stats.dueThisWeek)}{stats.dueThisWeek.count}</h2>
          <Bars
            title={t('dueThisWeek')}
            rows={[
              ...(stats.overdue.count > 0 ? [{ label: t('late'), value: stats.overdue.count, prefix: capped(stats.overdue), colour: '#a4161a' }] : []),
              ...stats.dueByDay.map((d) => ({ label: d.date, value: d.count, colour: '#b45309' })),
            ]}
          />
        </section>
      </div>
      <p class="muted">{t('costNote')}</p>
    </Layout>
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

