import { FieldError, fieldAttrs, keptValue } from './form-errors.tsx';
import { isOpen } from '#domain/case.ts';
import { nextActor } from '#domain/handling.ts';
import type { AnswerDraft } from '#domain/workflow.ts';
import { STEP_LABEL } from './enum-labels.ts';
import { handlingTranslator, NEXT_ACTOR_LABEL } from './handling-labels.ts';
import { fmtDateTime, type PageContext } from './layout.tsx';
import { fmtBytes, type CaseView } from './case-model.ts';

/** The first thing on the case page: who acts now, at which step, and the flags. */
export function CurrentStep(props: { ctx: PageContext; view: CaseView }) {
  const { ctx, view } = props;
  const h = handlingTranslator(ctx.lang);
  const c = view.case;
  const actor = nextActor(c);
  return (
    <p class="current-step" id="current-step" data-next-actor={actor}>
      <strong>{h('currentStep')}:</strong> <span class={`chip actor-${actor}`}>{NEXT_ACTOR_LABEL[actor][ctx.lang]}</span>
      {c.waiting && <> — {STEP_LABEL[c.waiting.step][ctx.lang]}</>}
      {c.handling?.pause && <span class="chip soon"> {h('paused')}</span>}
      {c.handling?.spam && <span class="chip soon"> {h('spam')}</span>}
    </p>
  );
}

/**
 * Assignment, pause, spam, the extension at any open step and the internal notes: the team's own
 * handling (usecases/console/handling.ts). Notes are internal audit events, never sent.
 */
export function HandlingCard(props: { ctx: PageContext; view: CaseView; now: Date }) {
  const { ctx, view } = props;
  const { lang } = ctx;
  const h = handlingTranslator(lang);
  const c = view.case;
  const open = isOpen(c.status);
  const handling = c.handling ?? {};
  const notes = view.events.filter((e) => e.type === 'handling.note');
  const action = `/console/cases/${c.id}/handling`;
  const Hidden = () => <input type="hidden" name="_csrf" value={ctx.csrf} />;
  const tooLate = props.now.getTime() > Date.parse(c.deadlines.answer.dueAt);
  return (
    <section class="card" aria-labelledby="h-handling" id="handling">
      <h2 id="h-handling">{h('handlingTitle')}</h2>
      <dl class="kv">
        <dt>{h('assignedTo')}</dt>
        <dd id="assignee">{handling.assignee?.userId ?? <span class="muted">{h('nobody')}</span>}</dd>
      </dl>
      {handling.pause && (
        <div class="warn" id="pause-note">
          <p>{h('pausedSince', { at: fmtDateTime(handling.pause.at, lang), who: handling.pause.by, reason: handling.pause.reason })}</p>
          <p>
            <strong>{h('pauseClock', { date: c.dueDate })}</strong>
          </p>
        </div>
      )}
      {handling.spam && <p class="warn" id="spam-note">{h('spamSince', { at: fmtDateTime(handling.spam.at, lang), who: handling.spam.by, reason: handling.spam.reason })}</p>}
      {open && (
        <div class="grid">
          <div class="stack">
            <form method="post" action={action} class="row" id="assign-me-form">
              <Hidden />
              {handling.assignee?.userId !== ctx.staff?.userId && (
                <button type="submit" name="action" value="assign_me">{h('assignToMe')}</button>
              )}
              {handling.assignee && (
                <button type="submit" name="action" value="unassign" class="secondary">{h('unassign')}</button>
              )}
            </form>
            <form method="post" action={action} class="stack" id="assign-form" novalidate>
              <Hidden />
              <input type="hidden" name="action" value="assign" />
              <label>
                {h('assignTo')}
                <input type="text" name="userId" maxlength={254} autocomplete="off" required value={keptValue(ctx.kept, 'assign-form', 'userId') ?? ''} {...fieldAttrs(ctx.problem, 'assign-form', 'userId')} />
              </label>
              <FieldError problem={ctx.problem} form="assign-form" field="userId" />
              <div>
                <button type="submit" class="secondary">{h('saveAssignee')}</button>
              </div>
            </form>
          </div>
          {handling.pause ? (
            <form method="post" action={action} class="stack" id="resume-form">
              <Hidden />
              <div>
                <button type="submit" name="action" value="resume">{h('resume')}</button>
              </div>
            </form>
          ) : (
            <form method="post" action={action} class="stack" id="pause-form" novalidate>
              <Hidden />
              <fieldset>
                <legend>{h('pause')}</legend>
                <p class="muted">{h('pauseClock', { date: c.dueDate })}</p>
                <label>
                  {h('pauseReason')}
                  <textarea name="reason" rows={2} required maxlength={1000} {...fieldAttrs(ctx.problem, 'pause-form', 'reason')}>{keptValue(ctx.kept, 'pause-form', 'reason') ?? ''}</textarea>
                </label>
                <FieldError problem={ctx.problem} form="pause-form" field="reason" />
                <div>
                  <button type="submit" name="action" value="pause" class="secondary">{h('pause')}</button>
                </div>
              </fieldset>
            </form>
          )}
          <section aria-labelledby="h-extend" id="extend-any">
            <h3 id="h-extend">{h('extendTitle')}</h3>
            {c.extended ? (
              <p>{h('extendedAlready', { date: c.dueDate })}</p>
            ) : tooLate ? (
              <p class="muted">{h('extendTooLate', { date: c.deadlines.answer.dueDate ?? '' })}</p>
            ) : (
              <form method="post" action={`/console/cases/${c.id}/extend`} class="stack" id="extend-form" novalidate>
                <Hidden />
                <p class="muted">{h('extendHint', { date: c.deadlines.answer.dueDate ?? '' })}</p>
                <label>
                  {h('extendReasons')}
                  <textarea name="reasons" rows={2} required maxlength={4000} {...fieldAttrs(ctx.problem, 'extend-form', 'reasons')}>{keptValue(ctx.kept, 'extend-form', 'reasons') ?? ''}</textarea>
                </label>
                <FieldError problem={ctx.problem} form="extend-form" field="reasons" />
                <div>
                  <button type="submit">{h('extend')}</button>
                </div>
              </form>
            )}
          </section>
          {handling.spam ? (
            <form method="post" action={action} class="stack" id="not-spam-form">
              <Hidden />
              <div>
                <button type="submit" name="action" value="not_spam" class="secondary">{h('notSpam')}</button>
              </div>
            </form>
          ) : (
            <form method="post" action={action} class="stack" id="spam-form" novalidate>
              <Hidden />
              <fieldset>
                <legend>{h('spamMark')}</legend>
                <label>
                  {h('spamReason')}
                  <input type="text" name="reason" required maxlength={1000} value={keptValue(ctx.kept, 'spam-form', 'reason') ?? ''} {...fieldAttrs(ctx.problem, 'spam-form', 'reason')} />
                </label>
                <FieldError problem={ctx.problem} form="spam-form" field="reason" />
                <div>
                  <button type="submit" name="action" value="spam" class="secondary">{h('spamMark')}</button>
                </div>
              </fieldset>
            </form>
          )}
        </div>
      )}
      <h3 id="h-notes">{h('notes')}</h3>
      <p class="muted">{h('notesHint')}</p>
      {notes.length === 0 ? (
        <p class="muted">{h('noNotes')}</p>
      ) : (
        <ul id="notes" aria-labelledby="h-notes">
          {notes.map((e) => (
            <li>
              <span class="muted">{fmtDateTime(e.at, lang)} · {e.actor.id}:</span> {String(e.details?.note ?? '')}
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={action} class="stack" id="note-form" novalidate>
        <Hidden />
        <label>
          {h('noteText')}
          <textarea name="text" rows={2} required maxlength={4000} {...fieldAttrs(ctx.problem, 'note-form', 'text')}>{keptValue(ctx.kept, 'note-form', 'text') ?? ''}</textarea>
        </label>
        <FieldError problem={ctx.problem} form="note-form" field="text" />
        <div>
          <button type="submit" name="action" value="note" class="secondary">{h('addNote')}</button>
        </div>
      </form>
    </section>
  );
}

/** What the approver approves: the message as the subject will read it, and every file. */
export function ApprovalPreview(props: { ctx: PageContext; preview: { subject: string; text: string }; draft: AnswerDraft; dataFiles: readonly string[] }) {
  const { ctx, draft } = props;
  const h = handlingTranslator(ctx.lang);
  const files = [...props.dataFiles.map((name) => ({ name, size: null as number | null })), ...(draft.files ?? []).map((f) => ({ name: f.filename, size: f.size }))];
  return (
    <section aria-labelledby="h-preview" id="approval-preview" class="card">
      <h3 id="h-preview">{h('previewTitle')}</h3>
      <p class="muted">{h('previewHint')}</p>
      <p>
        <strong>{props.preview.subject}</strong>
      </p>
      <pre id="preview-text" tabindex={0}>{props.preview.text}</pre>
      <h4>{h('previewFiles')}</h4>
      {files.length === 0 ? (
        <p class="muted">{h('previewNoFiles')}</p>
      ) : (
        <ul id="preview-files">
          {files.map((f) => (
            <li>
              {f.name}
              {f.size !== null ? ` (${fmtBytes(f.size)})` : ''}
            </li>
          ))}
        </ul>
      )}
      {draft.answer?.data?.map((set) => {
        const columns = [...new Set(set.records.flatMap((r) => Object.keys(r)))];
        return (
          <table class="preview-data">
            <caption>
              {h('previewData')}: {set.category}
            </caption>
            <thead>
              <tr>
                {columns.map((col) => (
                  <th scope="col">{col}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {set.records.map((r) => (
                <tr>
                  {columns.map((col) => (
                    <td>{r[col] === undefined || r[col] === null ? '—' : String(r[col])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
