import type { StatisticsSnapshot } from '#ports/accountability.ts';
import { CHANNEL_LABEL, RIGHT_SHORT, RIGHT_STATUS_LABEL, STATUS_LABEL } from './enum-labels.ts';
import { Bars } from './dashboard-views.tsx';
import type { PageContext } from './layout.tsx';

/**
 * The register's statistics on the dashboard, lt and en: per group a bar chart and the same
 * figures as a table (the chart is for the eye, the table for everyone). Labels live here, beside
 * their only use; the console function's bundle budget keeps this small.
 */
const L = {
  en: ['Register statistics', 'By right', 'By channel', 'By outcome', 'Timeliness', 'Group', 'Received', 'Granted', 'Partly', 'Refused', 'Late', 'Median days', 'p90 days', 'not computed yet', 'Cases', 'No identity', 'No answer owed'],
  lt: ['Registro statistika', 'Pagal teisę', 'Pagal kanalą', 'Pagal rezultatą', 'Terminai', 'Grupė', 'Gauta', 'Patenkinta', 'Iš dalies', 'Atsisakyta', 'Pavėluota', 'Mediana (d.)', 'p90 (d.)', 'dar neapskaičiuota', 'Bylos', 'Tapatybė nenustatyta', 'Atsakymas nereikalingas'],
} as const;

type Row = readonly (string | number)[];

function Chart(props: { id: string; title: string; head: Row; rows: readonly Row[]; colour: string }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <Bars title={props.title} rows={props.rows.map((r) => ({ label: String(r[0]), value: Number(r[1]), colour: props.colour }))} />
      <table>
        <caption>{props.title}</caption>
        <thead>
          <tr>{props.head.map((h) => <th scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>{props.rows.map((r) => <tr>{r.map((cell, i) => (i ? <td>{cell}</td> : <th scope="row">{cell}</th>))}</tr>)}</tbody>
      </table>
    </section>
  );
}

export function RegisterStatistics(props: { ctx: PageContext; snapshot: StatisticsSnapshot | null }) {
  const { lang } = props.ctx;
  const t = L[lang];
  const s = props.snapshot;
  if (!s) return <p class="muted" id="r-stats">{`${t[0]}: ${t[13]}`}</p>;
  const st = s.statistics;
  const dash = (n: number | null) => n ?? '—';
  const tallies = (entries: object, label: (k: string) => string): Row[] =>
    Object.entries(entries).map(([k, v]: [string, typeof st.total]) => [label(k), v.received, v.granted, v.partlyGranted, v.refused, v.late, dash(v.medianDaysToAnswer), dash(v.p90DaysToAnswer)]);
  // Outcome and timeliness words, mostly the console's own (right and case statuses, on time/late).
  const word = (k: string): string =>
    ({ granted: t[7], partly_granted: t[8], identity_not_established: t[15], not_applicable: t[16], on_time: props.ctx.t('onTime'), late: t[10] })[k] ??
    RIGHT_STATUS_LABEL[k as 'pending']?.[lang] ?? STATUS_LABEL[k as 'invalid']?.[lang] ?? k;
  const counts = (entries: object): Row[] => Object.entries(entries).map(([k, v]: [string, number]) => [word(k), v]);
  const head = [t[5], ...t.slice(6, 13)];
  return (
    <>
      <h2 id="r-stats">{`${t[0]}: ${s.from} – ${s.to}`}</h2>
      <div class="grid">
        <Chart id="r-right" title={t[1]} colour="#0b57d0" head={head} rows={tallies(st.byRight, (k) => RIGHT_SHORT[k as 'access']?.[lang] ?? k)} />
        <Chart id="r-channel" title={t[2]} colour="#6f42c1" head={head} rows={tallies(st.byChannel, (k) => CHANNEL_LABEL[k as 'email']?.[lang] ?? k)} />
        <Chart id="r-outcome" title={t[3]} colour="#1f7a3a" head={[t[5], t[14]]} rows={counts(st.byOutcome)} />
        <Chart id="r-time" title={t[4]} colour="#b45309" head={[t[5], t[14]]} rows={counts(st.byTimeliness)} />
      </div>
    </>
  );
}
