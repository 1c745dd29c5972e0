import type { AuditEvent } from '#domain/audit.ts';
import { OPEN_STATUSES } from '#domain/case.ts';
import { RIGHT_ARTICLE } from '#domain/rights.ts';
import type { Translate } from './labels.ts';
import { CHANNEL_LABEL, IDENTITY_STATUS_LABEL, METHOD_LABEL, RIGHT_SHORT, RIGHT_STATUS_LABEL, STATUS_LABEL, STEP_LABEL } from './enum-labels.ts';
import { Alert, fmtDateTime, Layout, type PageContext } from './layout.tsx';
import { DaysLeft } from './inbox-views.tsx';
import { Actions, ConfirmRightsForm, RightsForm } from './decide-views.tsx';
import { TasksLink } from './tasks-link.tsx';
import type { CaseView, IdReviewState } from './case-model.ts';
import type { ValidationReportSummary } from '#domain/validation-report.ts';

/** Each signed file judged at intake: the ETSI indication, level, the same in plain words, and its report. */
function SignatureReports(props: { ctx: PageContext; caseId: string; reports: readonly ValidationReportSummary[] }) {
  const { t, lang } = props.ctx;
  return (
    <>
      <h3 id="h-signature-reports">{t('signatureReports')}</h3>
      <table aria-labelledby="h-signature-reports" id="signature-reports">
        <thead>
          <tr>
            <th scope="col">{t('reportFile')}</th>
            <th scope="col">{t('etsiIndication')}</th>
            <th scope="col">{t('signatureLevel')}</th>
            <th scope="col">{t('inPlainWords')}</th>
            <th scope="col">{t('etsiReport')}</th>
          </tr>
        </thead>
        <tbody>
          {props.reports.map((r) => (
            <tr data-indication={r.indication}>
              <td>{r.fileName} <span class="muted">({fmtDateTime(r.checkedAt, lang)})</span></td>
              <td class="mono">{r.indication}{r.subIndication ? ` / ${r.subIndication}` : ''}</td>
              <td class="mono">{r.signatureLevel}</td>
              <td>{r.inWords[lang]}</td>
              <td>
                <a href={`/console/cases/${props.caseId}/identity/reports/${r.id}`} download>{t('downloadXml', { size: Math.max(1, Math.round(r.sizeBytes / 1024)) })}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const IDENTITY_EVENT = /^(identity\.|decision\.(approve|reject|request_more)$)/;

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
      <TasksLink ctx={ctx} c={c} />
      {props.error && <Alert t={t} text={props.error} />}
      {props.done && <div class="notice" role="status">{props.done === 'scan_deleted' ? t('doneScanDeleted') : t('done', { what: props.done })}</div>}
      {pending && <p class="warn" data-refresh="1" role="status">{t('notWaiting')}</p>}
      {c.attention && <p class="alert">{t('attention')}: {c.attention.reason}</p>}
      {c.clarification && (
        <section class="card" id="clarification" data-restarts={String(c.clarification.restartsPeriod)} aria-labelledby="h-clarification">
          <h2 id="h-clarification">{t('clarificationTitle')}</h2>
          <ul>
            {c.clarification.questions.map((q) => (
              <li>{q}</li>
            ))}
          </ul>
          <p id="clarification-clock">
            {c.clarification.restartsPeriod ? t('clockRestarts', { rule: c.clarification.rule }) : t('clockRunning', { rule: c.clarification.rule, date: c.dueDate })}
          </p>
          {c.clarification.remindedAt && <p class="muted">{t('clarificationReminded', { at: fmtDateTime(c.clarification.remindedAt, lang) })}</p>}
          {c.clarification.answeredAt && <p>{t('clarificationAnswered', { at: fmtDateTime(c.clarification.answeredAt, lang) })}</p>}
          {c.clarification.closedAt && <p>{t('clarificationClosed', { at: fmtDateTime(c.clarification.closedAt, lang) })}</p>}
        </section>
      )}
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
          {OPEN_STATUSES.includes(c.status) && (c.rightsConfirmation?.status === 'needed' || c.waiting?.step === 'rights_confirmation') && <ConfirmRightsForm ctx={ctx} c={c} />}
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
            {c.sender && (
              <>
                <dt>{t('sender')}</dt>
                <dd id="sender-authentication" data-authenticated={String(c.sender.authenticated)}>
                  {c.sender.from} — {c.sender.authenticated ? t('senderAuthenticated') : t('senderNotAuthenticated')} <span class="muted">({c.sender.reason})</span>
                </dd>
                {c.sender.claimedReplyTo && (
                  <>
                    <dt>{t('claimedReplyTo')}</dt>
                    <dd id="claimed-reply-to">{c.sender.claimedReplyTo}</dd>
                  </>
                )}
                {c.sender.cannotAnswerByEmail && (
                  <>
                    <dt>{t('cannotAnswerByEmail')}</dt>
                    <dd id="cannot-answer-by-email">{c.sender.cannotAnswerByEmail}</dd>
                  </>
                )}
              </>
            )}
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
          {view.reports.length > 0 && <SignatureReports ctx={ctx} caseId={c.id} reports={view.reports} />}
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

export function Reasons(props: { t: Translate; details: AuditEvent['details'] }) {
  const reasons = props.details?.reasons;
  if (!Array.isArray(reasons) || reasons.length === 0) return null;
  return (
    <div>
      {props.t('reasons')}: {reasons.map(String).join('; ')}
    </div>
  );
}

/** A file size as people read it (1.2 MB). */
