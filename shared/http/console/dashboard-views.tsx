import type { DashboardStats } from '#usecases/console/dashboard.ts';
import type { CappedCount } from '#ports/console.ts';
import { STATUS_LABEL } from './enum-labels.ts';
import { Layout, type PageContext } from './layout.tsx';
import type { StatisticsSnapshot } from '#ports/accountability.ts';
import { RegisterStatistics } from './statistics-views.tsx';
import type { OpenByActor } from '#usecases/console/open-by-actor.ts';
import { OpenByActorCard } from './actor-chart.tsx';

export const W = 380;

/** A horizontal bar chart in plain SVG (no canvas), with the numbers as text for everyone. */
export function Bars(props: { title: string; rows: ReadonlyArray<{ label: string; value: number; colour: string; prefix?: string }> }) {
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

export function Dashboard(props: { ctx: PageContext; stats: DashboardStats; register?: StatisticsSnapshot | null; byActor?: OpenByActor }) {
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
        {props.byActor && <OpenByActorCard ctx={ctx} data={props.byActor} />}
      </div>
      {props.register !== undefined ? <RegisterStatistics ctx={ctx} snapshot={props.register} /> : null}
      <p class="muted">{t('costNote')}</p>
    </Layout>
  );
}
