import type { OpenByActor } from '#usecases/console/open-by-actor.ts';
import { Bars } from './dashboard-views.tsx';
import { handlingTranslator, NEXT_ACTOR_LABEL } from './handling-labels.ts';
import type { PageContext } from './layout.tsx';

const COLOUR = { staff: '#0b57d0', approver: '#6b21a8', subject: '#1f7a3a', system: '#4b5563', nobody: '#4b5563' } as const;

/** Open cases by who acts next: a server-rendered SVG and the same numbers as a table. */
export function OpenByActorCard(props: { ctx: PageContext; data: OpenByActor }) {
  const { ctx, data } = props;
  const h = handlingTranslator(ctx.lang);
  const title = h('openByActor');
  const rows = data.counts.map((c) => ({ label: NEXT_ACTOR_LABEL[c.actor][ctx.lang], value: c.count, colour: COLOUR[c.actor] }));
  return (
    <section class="card" aria-labelledby="d-actor" id="open-by-actor">
      <h2 id="d-actor">{title}</h2>
      <Bars title={title} rows={rows} />
      <table aria-labelledby="d-actor">
        <thead>
          <tr>
            <th scope="col">{h('nextActor')}</th>
            <th scope="col">{h('openCount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.capped && <p class="muted">{h('actorSample', { n: data.read })}</p>}
    </section>
  );
}
