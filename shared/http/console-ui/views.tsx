import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { AuditEvent } from '#domain/audit.ts';
import { OPEN_STATUSES, type Case } from '#domain/case.ts';
import { CHANNELS, type Language } from '#domain/channels.ts';
import type { CaseMessage } from '#domain/mail.ts';
import { RIGHT_ARTICLE } from '#domain/rights.ts';
import type { DashboardStats } from '#console/dashboard.ts';
import type { InboxPage } from '#console/inbox.ts';
import type { CappedCount } from '#console/ports.ts';
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

export function Layout(props: { ctx: PageContext; title: string; nav?: 'inbox' | 'dashboard'; children?: Child }) {
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
}

const IDENTITY_EVENT = /^(identity\.|decision\.(approve|reject|request_more)$)/;

export function CasePage(props: { ctx: PageContext; view: CaseView; error?: string; done?: string }) {
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
      {props.error && (
        <div class="alert" role="alert">
          <strong>{t('errorTitle')}:</strong> {props.error}
        </div>
      )}
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
        <Actions ctx={ctx} view={view} />
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

function DecisionForm(props: { ctx: PageContext; c: Case; step: string; decision: string; label: string; reasons?: boolean; danger?: boolean; children?: Child; id: string }) {
  const { ctx } = props;
  return (
    <form method="post" action={`/console/cases/${props.c.id}/decide`} class="stack" id={props.id}>
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

function Actions(props: { ctx: PageContext; view: CaseView }) {
  const { ctx, view } = props;
  const { t, lang } = ctx;
  const c = view.case;
  const step = c.waiting?.step;
  if (!step) return <p class="muted">{t('noActions')}</p>;
  if (step === 'identity_review' || step === 'subject_identity') {
    return (
      <div class="grid">
        <DecisionForm ctx={ctx} c={c} step={step} decision="approve" label={t('approveIdentity')} id="approve-identity">
          <h3>{t('idDocReview')}</h3>
          <label>
            {t('method')}
            <select name="method">
              {c.identity.acceptedMethods.map((m) => (
                <option value={m} selected={m === (c.channel === 'in_person' ? 'in_person' : 'id_document')}>{METHOD_LABEL[m][lang]}</option>
              ))}
            </select>
          </label>
          <label>
            {t('docType')}
            <select name="docType">
              <option value="passport">{t('docPassport')}</option>
              <option value="id_card">{t('docIdCard')}</option>
              <option value="residence_permit">{t('docResidence')}</option>
            </select>
          </label>
          <label>
            {t('docLastDigits')}
            <input name="docLast4" pattern="[A-Za-z0-9]{4}" maxlength={4} size={6} autocomplete="off" />
          </label>
          <p class="muted">{t('mrzNote')}</p>
        </DecisionForm>
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
        <DecisionForm ctx={ctx} c={c} step={step} decision="draft" label={t('draftAnswer')} id="draft">
          <label>
            {t('draftHint')}
            <textarea name="body" rows={14} required>{c.draft?.body ?? view.draftTemplate}</textarea>
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

