import { OPEN_STATUSES, type Case } from '#domain/case.ts';
import { CHANNELS } from '#domain/channels.ts';
import type { InboxPage } from '#usecases/console/inbox.ts';
import type { CappedCount } from '#ports/console.ts';
import type { Translate } from './labels.ts';
import { CHANNEL_LABEL, IDENTITY_STATUS_LABEL, RIGHT_SHORT, STATUS_LABEL } from './enum-labels.ts';
import { Layout, type PageContext } from './layout.tsx';

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
