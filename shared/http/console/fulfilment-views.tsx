import type { Case } from '#domain/case.ts';
import { claimedIdentity } from '#domain/fulfilment/identifiers.ts';
import type { FulfilmentRegister } from '#domain/fulfilment/register.ts';
import { isTaskOpen, TASK_OUTCOMES, type FulfilmentTask } from '#domain/fulfilment/tasks.ts';
import { RIGHT_ARTICLE } from '#domain/rights.ts';
import { RIGHT_SHORT } from './enum-labels.ts';
import { FieldError, fieldAttrs, keptValue } from './form-errors.tsx';
import { fulfilmentWords, OUTCOME_LABEL, TASK_STATUS_LABEL, type FulfilmentTranslate } from './fulfilment-labels.ts';
import { Alert, fmtDateTime, Layout, type PageContext } from './layout.tsx';

const Hidden = (props: { ctx: PageContext }) => <input type="hidden" name="_csrf" value={props.ctx.csrf} />;

/** A task's form on the page (`result-access-shop_db`); its fields are `${form}-${field}`. A task id's colon stays out of ids and links. */
export const taskFormId = (kind: 'run' | 'result' | 'skip', taskId: string) => `${kind}-${taskId.replace(':', '-')}`;
export const ADD_TASK_FORM = 'add-task';

/** Whether `form` is the one whose problems (or typed values) the page shows again: its <details> open. */
const shownAgain = (ctx: PageContext, form: string) => ctx.problem?.form === form || ctx.kept?.form === form || undefined;

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
  const { problem, kept } = ctx;
  const result = taskFormId('result', task.id);
  const skip = taskFormId('skip', task.id);
  const outcome = keptValue(kept, result, 'outcome');
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
        <details open={shownAgain(ctx, result)}>
          <summary>{w('recordResult')}</summary>
          <form method="post" action={`${base}/result`} id={result} novalidate>
            <Hidden ctx={ctx} />
            <label>
              {w('outcome')}
              <select name="outcome" {...fieldAttrs(problem, result, 'outcome')}>
                {TASK_OUTCOMES.map((o) => (
                  <option value={o} selected={o === outcome || undefined}>{OUTCOME_LABEL[o][ctx.lang]}</option>
                ))}
              </select>
            </label>
            <FieldError problem={problem} form={result} field="outcome" />
            <label>
              {w('summary')}
              <textarea name="summary" rows={2} required maxlength={2000} {...fieldAttrs(problem, result, 'summary')}>{keptValue(kept, result, 'summary') ?? ''}</textarea>
            </label>
            <FieldError problem={problem} form={result} field="summary" />
            <label>
              {w('reasonKept')}
              <input name="reason" maxlength={2000} value={keptValue(kept, result, 'reason') ?? ''} {...fieldAttrs(problem, result, 'reason')} />
            </label>
            <FieldError problem={problem} form={result} field="reason" />
            <label>
              {w('legalBasisKept')}
              <input name="legalBasis" maxlength={500} value={keptValue(kept, result, 'legalBasis') ?? ''} {...fieldAttrs(problem, result, 'legalBasis')} />
            </label>
            <FieldError problem={problem} form={result} field="legalBasis" />
            <label>
              {w('dataJson')}
              <textarea name="data" rows={3} class="mono" {...fieldAttrs(problem, result, 'data')}>{keptValue(kept, result, 'data') ?? ''}</textarea>
            </label>
            <FieldError problem={problem} form={result} field="data" />
            <button type="submit">{w('save')}</button>
          </form>
        </details>
      )}
      <details open={shownAgain(ctx, skip)}>
        <summary>{w('skip')}</summary>
        <form method="post" action={`${base}/skip`} id={skip} novalidate>
          <Hidden ctx={ctx} />
          <label>
            {w('skipReason')}
            <input name="reason" required maxlength={2000} value={keptValue(kept, skip, 'reason') ?? ''} {...fieldAttrs(problem, skip, 'reason')} />
          </label>
          <FieldError problem={problem} form={skip} field="reason" />
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
          <form method="post" action={`/console/cases/${c.id}/tasks`} id={ADD_TASK_FORM} novalidate>
            <Hidden ctx={ctx} />
            <label>
              {w('right')}
              <select name="right" {...fieldAttrs(ctx.problem, ADD_TASK_FORM, 'right')}>
                {c.rights.map((r) => (
                  <option value={r.type} selected={r.type === keptValue(ctx.kept, ADD_TASK_FORM, 'right') || undefined}>{RIGHT_SHORT[r.type][lang]}</option>
                ))}
              </select>
            </label>
            <FieldError problem={ctx.problem} form={ADD_TASK_FORM} field="right" />
            <label>
              {w('target')}
              <select name="targetId" {...fieldAttrs(ctx.problem, ADD_TASK_FORM, 'targetId')}>
                {targets.map((t) => (
                  <option value={t.id} selected={t.id === keptValue(ctx.kept, ADD_TASK_FORM, 'targetId') || undefined}>{t.name}</option>
                ))}
              </select>
            </label>
            <FieldError problem={ctx.problem} form={ADD_TASK_FORM} field="targetId" />
            <label>
              {w('reason')}
              <input name="reason" required maxlength={2000} value={keptValue(ctx.kept, ADD_TASK_FORM, 'reason') ?? ''} {...fieldAttrs(ctx.problem, ADD_TASK_FORM, 'reason')} />
            </label>
            <FieldError problem={ctx.problem} form={ADD_TASK_FORM} field="reason" />
            <button type="submit">{w('add')}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}
