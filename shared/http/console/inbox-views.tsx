import { OPEN_STATUSES, type Case } from '#domain/case.ts';
import { CHANNELS } from '#domain/channels.ts';
import type { InboxPage } from '#usecases/console/inbox.ts';
import type { CappedCount } from '#ports/console.ts';
import type { Translate } from './labels.ts';
import { CHANNEL_LABEL, IDENTITY_STATUS_LABEL, RIGHT_SHORT, STATUS_LABEL, STEP_LABEL } from './enum-labels.ts';
import { Layout, type PageContext } from './layout.tsx';
import { handlingFlags, nextActor } from '#domain/handling.ts';
import { handlingTranslator, NEXT_ACTOR_LABEL } from './handling-labels.ts';

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

export interface BulkOutcome {
  readonly ok: number;
  readonly n: number;
  readonly failures: ReadonlyArray<{ readonly ref: string; readonly error: string }>;
}

export function Inbox(props: {
  ctx: PageContext;
  page: InboxPage;
  filters: { status?: string; channel?: string; q?: string; mine?: boolean; spam?: boolean };
  cursor: string | null;
  now: Date;
  bulk?: BulkOutcome | null;
}) {
  const { ctx, page, filters } = props;
  const { t, lang } = ctx;
  const h = handlingTranslator(lang);
  const keep = new URLSearchParams();
  if (filters.status) keep.set('status', filters.status);
  if (filters.channel) keep.set('channel', filters.channel);
  if (filters.mine) keep.set('mine', '1');
  if (filters.spam) keep.set('spam', '1');
  const next = page.nextCursor ? `/console?${new URLSearchParams({ ...Object.fromEntries(keep), cursor: page.nextCursor }).toString()}` : null;
  return (
    <Layout ctx={ctx} title={t('inbox')} nav="inbox">
      <h1>{filters.q ? t('searchResults', { q: filters.q }) : filters.spam ? h('spamCases') : filters.mine ? h('myCases') : t('openCases')}</h1>
      <div class="counts" aria-live="polite" data-fragment="/console/fragments/counts">
        <a href="/console/dashboard">{t('showCounts')}</a>
      </div>
      <nav class="row views" aria-label={h('myCases')}>
        <a href="/console" aria-current={!filters.mine && !filters.spam ? 'page' : undefined}>{h('allCases')}</a>
        <a href="/console?mine=1" aria-current={filters.mine ? 'page' : undefined}>{h('myCases')}</a>
        <a href="/console?spam=1" aria-current={filters.spam ? 'page' : undefined}>{h('spamCases')}</a>
      </nav>
      {props.bulk && (
        <div class={props.bulk.failures.length ? 'alert' : 'notice'} role="status" id="bulk-outcome">
          {h('bulkDone', { ok: props.bulk.ok, n: props.bulk.n })}
          {props.bulk.failures.length > 0 && (
            <ul>
              {props.bulk.failures.map((f) => (
                <li>{h('bulkFailed', { ref: f.ref, error: f.error })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form method="get" action="/console" class="filters card" role="search" aria-label={t('filters')}>
        {filters.mine && <input type="hidden" name="mine" value="1" />}
        {filters.spam && <input type="hidden" name="spam" value="1" />}
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
      {(filters.channel || filters.mine || filters.spam) && !filters.q && <p class="muted">{t('filteredNote', { n: page.read })}</p>}
      <div class="scroll">
        <table class="inbox">
          <caption class="sr-only">{t('openCases')}</caption>
          <thead>
            <tr>
              <th scope="col" class="opt">
                <span class="sr-only">{h('select')}</span>
              </th>
              <th scope="col">{t('reference')}</th>
              <th scope="col">{h('nextActor')}</th>
              <th scope="col">{t('daysLeft')}</th>
              <th scope="col" class="opt">{t('subject')}</th>
              <th scope="col" class="opt">{t('rights')}</th>
              <th scope="col" class="opt">{t('status')}</th>
              <th scope="col" class="opt">{t('channel')}</th>
              <th scope="col" class="opt">{h('assignee')}</th>
              <th scope="col" class="opt">{t('due')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 && (
              <tr>
                <td colspan={10}>{t('noCases')}</td>
              </tr>
            )}
            {page.rows.map(({ case: c, daysLeft }) => {
              const flags = handlingFlags(c, props.now);
              const actor = nextActor(c);
              return (
                <tr data-next-actor={actor} data-case-id={c.id}>
                  <td class="opt">
                    <input type="checkbox" name="caseIds" value={c.id} form="bulk" aria-label={h('selectCase', { ref: c.reference })} />
                  </td>
                  <td>
                    <a href={`/console/cases/${c.id}`}>{c.reference}</a>
                    {c.repeat && <span class="chip soon"> {t('repeatFlag')}</span>}
                    {flags.escalated && <span class="chip late flag-escalated">{h('escalated')}</span>}
                    {flags.failed && <span class="chip late">{h('failed')}</span>}
                    {flags.paused && <span class="chip soon flag-paused">{h('paused')}</span>}
                    {flags.spam && <span class="chip soon">{h('spam')}</span>}
                  </td>
                  <td>
                    <span class={`chip actor-${actor}`}>{NEXT_ACTOR_LABEL[actor][lang]}</span>
                    {c.waiting && <div class="muted opt">{STEP_LABEL[c.waiting.step][lang]}</div>}
                  </td>
                  <td>
                    <DaysLeft t={t} days={daysLeft} />
                  </td>
                  <td class="opt">
                    {c.subject.name}
                    {c.subject.email && <div class="muted">{c.subject.email}</div>}
                  </td>
                  <td class="opt">{c.rights.map((r) => RIGHT_SHORT[r.type][lang]).join(', ')}</td>
                  <td class="opt">
                    {STATUS_LABEL[c.status][lang]}
                    <div class="muted">{IDENTITY_STATUS_LABEL[c.identity.status][lang]}</div>
                  </td>
                  <td class="opt">{CHANNEL_LABEL[c.channel][lang]}</td>
                  <td class="opt">{c.handling?.assignee?.userId ?? <span class="muted">—</span>}</td>
                  <td class="opt">{c.dueDate}{c.extended ? ' *' : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav class="row" aria-label={t('nextPage')}>
        {props.cursor && <a href={`/console${keep.size ? `?${keep.toString()}` : ''}`}>{t('firstPage')}</a>}
        {next && <a href={next} rel="next">{t('nextPage')}</a>}
      </nav>
      {page.rows.length > 0 && (
        <form method="post" action="/console/bulk" id="bulk" class="card stack opt" aria-labelledby="h-bulk">
          <h2 id="h-bulk">{h('bulkTitle')}</h2>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="back" value={ctx.here} />
          <fieldset class="row">
            <legend>{h('bulkAction')}</legend>
            <label class="check"><input type="radio" name="action" value="assign_me" checked /> {h('bulkAssignMe')}</label>
            <label class="check"><input type="radio" name="action" value="assign" /> {h('bulkAssign')}</label>
            <label class="check"><input type="radio" name="action" value="extend" /> {h('bulkExtend')}</label>
            <label class="check"><input type="radio" name="action" value="spam" /> {h('bulkSpam')}</label>
          </fieldset>
          <label>
            {h('bulkUser')}
            <input type="text" name="userId" maxlength={254} autocomplete="off" />
          </label>
          <label>
            {h('bulkReasons')}
            <textarea name="reasons" rows={2} maxlength={4000}></textarea>
          </label>
          <div>
            <button type="submit">{h('bulkRun')}</button>
          </div>
        </form>
      )}
    </Layout>
  );
}
