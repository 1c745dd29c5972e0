import type { Case } from '#domain/case.ts';
import { isTaskOpen } from '#domain/fulfilment/tasks.ts';
import type { PageContext } from './layout.tsx';

/**
 * The case page's mount point for fulfilment: how many tasks are open, and the way to them. The
 * task pages themselves are the fulfilment function's (`/console/cases/{id}/tasks`), so the
 * console's bundle carries only these words.
 */
export function TasksLink(props: { ctx: PageContext; c: Case }) {
  const lt = props.ctx.lang === 'lt';
  const tasks = props.c.fulfilment?.tasks ?? [];
  const open = tasks.filter(isTaskOpen).length;
  return (
    <p id="tasks-link" data-open={open}>
      <a href={`/console/cases/${props.c.id}/tasks`}>{lt ? 'Užduotys' : 'Tasks'}</a>
      {': '}
      {tasks.length ? (lt ? `atviros ${open} iš ${tasks.length}` : `${open} open of ${tasks.length}`) : lt ? 'dar nėra (tapatybė nenustatyta)' : 'none yet (identity not settled)'}
    </p>
  );
}
