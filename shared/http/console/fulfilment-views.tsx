import type { Case } from '#domain/case.ts';
import { claimedIdentity } from '#domain/fulfilment/identifiers.ts';
import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { isTaskOpen, TASK_OUTCOMES, type FulfilmentTask } from '#domain/fulfilment/tasks.ts';
import { RIGHT_ARTICLE } from '#domain/rights.ts';
import { RIGHT_SHORT } from './enum-labels.ts';
import { fulfilmentWords, OUTCOME_LABEL, TASK_STATUS_LABEL, type FulfilmentTranslate } from './fulfilment-labels.ts';
import { Alert, fmtDateTime, Layout, type PageContext } from './layout.tsx';

const Hidden = (props: { ctx: PageContext }) => <input type="hidden" name="_csrf" value={props.ctx.csrf} />;

function ResultCell(props: { ctx: PageContext; w: FulfilmentTranslate; task: FulfilmentTask }) {
  const { task, w } = props;
  const lang = props.ctx.lang;
  return (
    <td>
      {task.result && (
        <>
          <strong data-outcome={task.result.outcome}>{OUTCOME_LABEL[task.result.outcome][lang]}</strong>: {task.result.summary}
          {task.result.reason && <div>{w('reason')}: {task.result.reason}</div>}
          {task.result.legalBasis && <div>{w('legalBasis')}: {task.result.legalBasis}</div>}
          <div class="muted">{task.result.by.id}, {fmtDateTime(task.result.at, lang)}</div>
        </>
      )}
      {task.skipped && <span>{w('skippedBecause', { reason: task.skipped.reason })} <span class="muted">({task.skipped.by})</span></span>}
      {task.notice && <div>{w('notice', { at: fmtDateTime(task.notice.sentAt, lang), due: task.notice.replyDueAt.slice(0, 10) })}{task.notice.repliedAt && <> · {w('replied', { at: fmtDateTime(task.notice.repliedAt, lang) })}</>}</div>}
      {task.dryRun && <div class="muted">{w('dryRunDone', { at: fmtDateTime(task.dryRun.at, lang), counts: Object.entries(task.dryRun.counts).map(([k, n]) => `${k} ${n}`).join(', ') })}</div>}
    </td>
  );
}

/** What can be done to an open task: run its connector, record a result, skip it. */
function TaskActions(props: { ctx: PageContext; w: FulfilmentTranslate; c: Case; task: FulfilmentTask }) {
  const { ctx, w, c, task } = props;
  const base = `/console/cases/${c.id}/tasks/${encodeURIComponent(task.id)}`;
  if (!isTaskOpen(task) || task.status !== 'open') return <td>—</td>;
  const erasure = task.connector === 'postgres' && task.right !== 'access' && task.right !== 'portability';
  const canErase = ctx.staff?.role === 'approver' || ctx.staff?.role === 'admin';
  return (
    <td>
      {(task.connector === 'postgres' || task.connector === 'http') && (
        <div class="row">
          {erasure && (
            <form method="post" action={`${base}/run`}>
              <Hidden ctx={ctx} />
              <input type="hidden" name="mode" value="dry_run" />
              <button type="submit" class="secondary">{w('dryRun')}</button>
            </form>
          )}
          <form method="post" action={`${base}/run`}>
            <Hidden ctx={ctx} />
            <input type="hidden" name="mode" value="run" />
            <button type="submit" disabled={erasure && (!task.dryRun || !canErase)}>{erasure ? w('runErasure') : w('runConnector')}</button>
          </form>
          {erasure && <p class="muted">{w('erasureNeedsDryRun')}</p>}
        </div>
      )}
      {task.target.kind === 'system' && (
        <details>
          <summary>{w('recordResult')}</summary>
          <form method="post" action={`${base}/result`}>
            <Hidden ctx={ctx} />
            <label>
              {w('outcome')}
              <select name="outcome">
                {TASK_OUTCOMES.map((o) => (
                  <option value={o}>{OUTCOME_LABEL[o][ctx.lang]}</option>
                ))}
              </select>
            </label>
            <label>
              {w('summary')}
              <textarea name="summary" rows={2} required maxlength={2000}></textarea>
            </label>
            <label>
              {w('reasonKept')}
              <input name="reason" maxlength={2000} />
            </label>
            <label>
              {w('legalBasisKept')}
              <input name="legalBasis" maxlength={500} />
            </label>
            <label>
              {w('dataJson')}
              <textarea name="data" rows={3} class="mono"></textarea>
            </label>
            <button type="submit">{w('save')}</button>
          </form>
        </details>
      )}
      <details>
        <summary>{w('skip')}</summary>
        <form method="post" action={`${base}/skip`}>
          <Hidden ctx={ctx} />
          <label>
            {w('skipReason')}
            <input name="reason" required maxlength={2000} />
          </label>
          <button type="submit" class="secondary">{w('skip')}</button>
        </form>
      </details>
    </td>
  );
}

/**
 * A case's fulfilment (docs/fulfilment.md): claimed and verified identity apart, then the tasks
 * per right and system (owner, internal due date, status, result) with their actions.
 */
export function TasksPage(props: { ctx: PageContext; c: Case; register: FulfilmentRegister | null; now: Date; error?: string; done?: string }) {
  const { ctx, c } = props;
  const { lang } = ctx;
  const w = fulfilmentWords(lang);
  const tasks = c.fulfilment?.tasks ?? [];
  const claimed = claimedIdentity(c);
  const targets = props.register ? [...props.register.systems.map((s) => ({ id: s.id, name: s.name })), ...props.register.recipients.map((r) => ({ id: r.id, name: r.name }))] : [];
  return (
    <Layout ctx={ctx} title={w('tasksTitle', { ref: c.reference })} nav="inbox">
      <h1>{w('tasksTitle', { ref: c.reference })}</h1>
      <p><a href={`/console/cases/${c.id}`}>{w('backToCase')}</a></p>
      {props.error && <Alert t={ctx.t} text={props.error} />}
      {props.done && <div class="notice" role="status">{w('doneTask', { what: props.done })}</div>}
      <div class="grid">
        <section class="card" aria-labelledby="h-claimed">
          <h2 id="h-claimed">{w('claimed')}</h2>
          <dl class="kv">
            {Object.entries(claimed).map(([k, v]) => (
              <>
                <dt>{k}</dt>
                <dd>{String(v)}</dd>
              </>
            ))}
          </dl>
        </section>
        <section class="card" aria-labelledby="h-verified">
          <h2 id="h-verified">{w('verified')}</h2>
          <ul id="verified-identifiers">
            {(c.fulfilment?.identifiers ?? []).map((i) => (
              <li data-kind={i.kind}>{i.kind}: <span class="mono">{i.value}</span> <span class="muted">({i.method}, {fmtDateTime(i.provedAt, lang)})</span></li>
            ))}
          </ul>
        </section>
      </div>
      {tasks.length === 0 ? (
        <p>{w('tasksNone')}</p>
      ) : (
        <table id="tasks" aria-label={w('tasks')}>
          <thead>
            <tr>
              <th scope="col">{w('right')}</th>
              <th scope="col">{w('system')}</th>
              <th scope="col">{w('connector')}</th>
              <th scope="col">{w('owner')}</th>
              <th scope="col">{w('internalDue')}</th>
              <th scope="col">{w('taskStatus')}</th>
              <th scope="col">{w('result')}</th>
              <th scope="col">{w('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr data-task={task.id} data-status={task.status}>
                <td>{RIGHT_SHORT[task.right][lang]} <span class="muted">({RIGHT_ARTICLE[task.right]})</span></td>
                <td>{task.name}</td>
                <td>{task.connector}</td>
                <td>{task.owner}</td>
                <td>
                  {fmtDateTime(task.dueAt, lang)}
                  {isTaskOpen(task) && Date.parse(task.dueAt) < props.now.getTime() && <> <span class="chip late">{w('overdue')}</span></>}
                </td>
                <td>{TASK_STATUS_LABEL[task.status][lang]}</td>
                <ResultCell ctx={ctx} w={w} task={task} />
                <TaskActions ctx={ctx} w={w} c={c} task={task} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.fulfilment && targets.length > 0 && (
        <section class="card" aria-labelledby="h-add-task">
          <h2 id="h-add-task">{w('addTask')}</h2>
          <form method="post" action={`/console/cases/${c.id}/tasks`}>
            <Hidden ctx={ctx} />
            <label>
              {w('right')}
              <select name="right">
                {c.rights.map((r) => (
                  <option value={r.type}>{RIGHT_SHORT[r.type][lang]}</option>
                ))}
              </select>
            </label>
            <label>
              {w('target')}
              <select name="targetId">
                {targets.map((t) => (
                  <option value={t.id}>{t.name}</option>
                ))}
              </select>
            </label>
            <label>
              {w('reason')}
              <input name="reason" required maxlength={2000} />
            </label>
            <button type="submit">{w('add')}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}
