import type { Child } from 'hono/jsx';
import { RIGHT_OUTCOMES, type RightOutcome } from '#domain/answer.ts';
import type { Case } from '#domain/case.ts';
import type { Language } from '#domain/channels.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import type { Translate } from './labels.ts';
import { METHOD_LABEL, RIGHT_SHORT, RIGHT_STATUS_LABEL } from './enum-labels.ts';
import { fmtDateTime, type PageContext } from './layout.tsx';
import { fmtBytes, type CaseView, type IdReviewState } from './case-model.ts';
import { IdReviewForm, isDocMethod } from './identity-views.tsx';
import { handlingTranslator } from './handling-labels.ts';
import { reasonWords } from './case-words.ts';
import { ApprovalPreview } from './handling-views.tsx';
import { FieldError, fieldAttrs, keptValue } from './form-errors.tsx';
import { dataToTable, type TableCategory } from './answer-table.ts';
import { AnswerTable } from './answer-table-views.tsx';

export function DecisionForm(props: { ctx: PageContext; c: Case; step: string; decision: string; label: string; reasons?: boolean; questions?: boolean; danger?: boolean; confirm?: boolean; children?: Child; id: string; files?: boolean }) {
  const { ctx, id } = props;
  const { problem, kept } = ctx;
  return (
    // novalidate: the server reports every problem at once, in the page's language (the browser would stop at the first, in its own).
    <form method="post" action={`/console/cases/${props.c.id}/decide`} class="stack" id={id} novalidate {...(props.files ? { enctype: 'multipart/form-data' } : {})}>
      {/* Enter in a field submits the form's first button: this one, not a table's remove button. */}
      {props.files && <button type="submit" class="sr-only" tabindex={-1} aria-hidden="true">{props.label}</button>}
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="_form" value={id} />
      <input type="hidden" name="step" value={props.step} />
      <input type="hidden" name="decision" value={props.decision} />
      <fieldset>
        <legend>{props.label}</legend>
        {props.children}
        {props.questions && (
          <>
            <label>
              {ctx.t('questionsLabel')} <span class="muted">({ctx.t('questionsHint')})</span>
              <textarea name="questions" rows={3} required {...fieldAttrs(problem, id, 'questions')}>{keptValue(kept, id, 'questions') ?? ''}</textarea>
            </label>
            <FieldError problem={problem} form={id} field="questions" />
          </>
        )}
        {props.reasons && (
          <>
            <label>
              {ctx.t('reasons')} <span class="muted">({ctx.t('reasonsHint')})</span>
              <textarea name="reasons" rows={3} required {...fieldAttrs(problem, id, 'reasons')}>{keptValue(kept, id, 'reasons') ?? ''}</textarea>
            </label>
            <FieldError problem={problem} form={id} field="reasons" />
          </>
        )}
        {props.confirm && (
          <>
            <label class="check">
              <input type="checkbox" name="confirm" value="yes" required {...fieldAttrs(problem, id, 'confirm')} /> {handlingTranslator(ctx.lang)('confirmRisky')}
            </label>
            <FieldError problem={problem} form={id} field="confirm" />
          </>
        )}
        <div>
          <button type="submit" class={props.danger ? 'danger' : ''}>{props.label}</button>
        </div>
      </fieldset>
    </form>
  );
}

export function Actions(props: { ctx: PageContext; view: CaseView; review?: IdReviewState }) {
  const { ctx, view } = props;
  const { t, lang } = ctx;
  const c = view.case;
  const step = c.waiting?.step;
  if (!step) return <p class="muted">{t('noActions')}</p>;
  if (step === 'identity_review' || step === 'subject_identity') {
    return (
      <div class="grid">
        {c.identity.acceptedMethods.some(isDocMethod) && <IdReviewForm ctx={ctx} view={view} {...(props.review ? { review: props.review } : {})} />}
        {c.identity.acceptedMethods.some((m) => !isDocMethod(m)) && (
          <DecisionForm ctx={ctx} c={c} step={step} decision="approve" label={t('otherMethod')} id="approve-identity">
            <label>
              {t('method')}
              <select name="method">
                {c.identity.acceptedMethods.filter((m) => !isDocMethod(m)).map((m) => (
                  <option value={m}>{METHOD_LABEL[m][lang]}</option>
                ))}
              </select>
            </label>
          </DecisionForm>
        )}
        {step === 'identity_review' && (
          <DecisionForm ctx={ctx} c={c} step={step} decision="reject" label={t('rejectIdentity')} reasons danger confirm id="reject-identity">
            {view.scans.length > 0 && (
              <label>
                {handlingTranslator(lang)('rejectScan')}
                <select name="imageKey">
                  {view.scans.map((f) => (
                    <option value={f.key}>{f.filename}</option>
                  ))}
                </select>
              </label>
            )}
          </DecisionForm>
        )}
        {step === 'identity_review' && <DecisionForm ctx={ctx} c={c} step={step} decision="request_more" label={t('requestMore')} id="request-more" />}
        <DecisionForm ctx={ctx} c={c} step={step} decision="clarify" label={t('clarify')} questions id="clarify" />
        <DecisionForm ctx={ctx} c={c} step={step} decision="invalid" label={t('markInvalid')} reasons danger confirm id="mark-invalid" />
        <DecisionForm ctx={ctx} c={c} step={step} decision="withdraw" label={t('withdraw')} confirm id="withdraw" />
      </div>
    );
  }
  if (step === 'answer_draft') {
    return (
      <div class="stack">
        {c.repeat && <p class="warn">{t('repeatWarn', { reason: reasonWords(c.repeat.reason, lang), rule: c.repeat.rule })}</p>}
        <DecisionForm ctx={ctx} c={c} step={step} decision="draft" label={t('draftAnswer')} id="draft" files>
          <label>
            {t('draftHint')}
            <textarea name="body" rows={14} required {...fieldAttrs(ctx.problem, 'draft', 'body')}>{keptValue(ctx.kept, 'draft', 'body') ?? c.draft?.body ?? view.draftTemplate}</textarea>
          </label>
          <FieldError problem={ctx.problem} form="draft" field="body" />
          <AnswerFields ctx={ctx} c={c} {...(view.draftTable ? { table: view.draftTable } : {})} />
          {c.draft?.files?.length ? (
            <fieldset>
              <legend>{t('keepFiles')}</legend>
              {c.draft.files.map((f) => (
                <label>
                  <input type="checkbox" name="keepFiles" value={f.id} checked /> {f.filename} ({fmtBytes(f.size)})
                </label>
              ))}
            </fieldset>
          ) : null}
          <label>
            {t('attachFiles')} <span class="muted">({t('attachFilesHint')})</span>
            <input type="file" name="files" multiple />
          </label>
        </DecisionForm>
        <div class="grid">
          {/* The extension is in the handling card, offered at every open step (handling-views.tsx). */}
          <DecisionForm ctx={ctx} c={c} step={step} decision="clarify" label={t('clarify')} questions id="clarify" />
          <DecisionForm ctx={ctx} c={c} step={step} decision="fee" label={t('fee')} reasons confirm id="fee" />
          <DecisionForm ctx={ctx} c={c} step={step} decision="refuse" label={t('refuse')} reasons danger confirm id="refuse" />
          <DecisionForm ctx={ctx} c={c} step={step} decision="withdraw" label={t('withdraw')} confirm id="withdraw" />
        </div>
      </div>
    );
  }
  if (step === 'subject_clarification') {
    return (
      <div class="grid">
        <form method="post" action={`/console/cases/${c.id}/reply`} class="stack" id="register-reply">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <fieldset>
            <legend>{t('registerReply')}</legend>
            <label>
              {t('replyReceivedAt')}
              <input type="date" name="receivedAt" />
            </label>
            <label>
              {t('replyNote')}
              <textarea name="note" rows={3} required></textarea>
            </label>
            <div>
              <button type="submit">{t('registerReply')}</button>
            </div>
          </fieldset>
        </form>
        <DecisionForm ctx={ctx} c={c} step={step} decision="invalid" label={t('markInvalid')} reasons danger confirm id="mark-invalid" />
        <DecisionForm ctx={ctx} c={c} step={step} decision="withdraw" label={t('withdraw')} confirm id="withdraw" />
      </div>
    );
  }
  const draft = c.draft;
  return (
    <div class="stack">
      {draft && view.preview && <ApprovalPreview ctx={ctx} preview={view.preview} draft={draft} dataFiles={view.preview.dataFiles} />}
      {draft && (
        <>
          <p>{t('draftedBy', { who: draft.draftedBy, at: fmtDateTime(draft.draftedAt, lang) })}</p>
          <pre id="draft-body" tabindex={0}>{draft.body}</pre>
          {draft.files?.length ? (
            <ul id="draft-files" aria-label={t('attachedFiles')}>
              {draft.files.map((f) => (
                <li>
                  {f.filename} ({fmtBytes(f.size)})
                </li>
              ))}
            </ul>
          ) : null}
          {draft.answer && (
            <ul id="draft-answer">
              {draft.answer.data?.map((d) => (
                <li>
                  {d.category}: {t('records', { n: d.records.length })}
                </li>
              ))}
              {draft.answer.results?.map((r) => (
                <li>
                  {RIGHT_SHORT[r.type][lang]}: {outcomeLabel(t, r.outcome, lang)}
                  {r.summary ? ` — ${r.summary}` : ''}
                  {r.erased?.length ? ` · ${t('erased')}: ${r.erased.join('; ')}` : ''}
                  {r.kept?.length ? ` · ${t('kept')}: ${r.kept.map((k) => `${k.data} (${k.reason}${k.until ? `, ${k.until}` : ''})`).join('; ')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {view.fourEyes && <p class="muted">{t('fourEyesNote')}</p>}
      <div class="grid">
        <DecisionForm ctx={ctx} c={c} step="approval" decision="approve" label={t('approveSend')} id="approve-send" />
        <DecisionForm ctx={ctx} c={c} step="approval" decision="reject" label={t('sendBack')} reasons id="send-back" />
      </div>
    </div>
  );
}

/**
 * Confirms (or corrects) the rights of an e-mail read with too little confidence (POST
 * …/rights/confirm in the JSON API); the waiting workflow goes on from intake.
 */
export function ConfirmRightsForm(props: { ctx: PageContext; c: Case }) {
  const { ctx, c } = props;
  const { t, lang } = ctx;
  const confidence = c.rightsConfirmation?.confidence ?? {};
  return (
    <form method="post" action={`/console/cases/${c.id}/rights/confirm`} class="stack" id="confirm-rights">
      <p class="chip soon" id="rights-need-confirmation">{t('rightsNeedConfirmation')}</p>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <fieldset>
        <legend>{t('rights')}</legend>
        {RIGHT_TYPES.map((r) => (
          <label class="check">
            <input type="checkbox" name="rights" value={r} checked={c.rights.some((x) => x.type === r)} /> {RIGHT_SHORT[r][lang]}
            {confidence[r] !== undefined && <span class="muted"> ({t('confidence')} {confidence[r]?.toFixed(2)})</span>}
          </label>
        ))}
      </fieldset>
      <label>
        {t('reasons')} <span class="muted">({t('reasonsHint')})</span>
        <textarea name="reasons" rows={2}></textarea>
      </label>
      <div>
        <button type="submit">{t('confirmRights')}</button>
      </div>
    </form>
  );
}

/** Corrects the classified rights (PATCH …/rights in the JSON API) with reasons. */
export function RightsForm(props: { ctx: PageContext; c: Case }) {
  const { ctx, c } = props;
  const { t, lang } = ctx;
  return (
    <details>
      <summary>{t('correctRights')}</summary>
      <form method="post" action={`/console/cases/${c.id}/rights`} class="stack" id="correct-rights">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <fieldset>
          <legend>{t('rights')}</legend>
          {RIGHT_TYPES.map((r) => (
            <label class="check">
              <input type="checkbox" name="rights" value={r} checked={c.rights.some((x) => x.type === r)} /> {RIGHT_SHORT[r][lang]}
            </label>
          ))}
        </fieldset>
        <label>
          {t('reasons')} <span class="muted">({t('reasonsHint')})</span>
          <textarea name="reasons" rows={2} required></textarea>
        </label>
        <div>
          <button type="submit">{t('correctRights')}</button>
        </div>
      </form>
    </details>
  );
}

export const outcomeLabel = (t: Translate, o: RightOutcome, lang: Language) => (o === 'not_applicable' ? t('notApplicable') : RIGHT_STATUS_LABEL[o][lang]);

/** The structured part of the draft: the subject's data (a table editor) and per right its outcome. */
export function AnswerFields(props: { ctx: PageContext; c: Case; table?: readonly TableCategory[] }) {
  const { ctx, c } = props;
  const { t, lang, problem, kept } = ctx;
  const form = 'draft';
  const answer = c.draft?.answer;
  const lines = (xs: readonly string[] | undefined) => (xs ?? []).join('\n');
  const v = (field: string, saved: string) => keptValue(kept, form, field) ?? saved;
  const table = props.table ?? dataToTable(answer?.data);
  // A blank category to start from when there is none yet.
  const shown = table.length ? table : [{ category: '', columns: ['', ''], rows: [['', ''], ['', '']] }];
  return (
    <>
      <AnswerTable lang={lang} form={form} table={shown} problem={problem} json={keptValue(kept, form, 'answerData') ?? ''} />
      {c.rights.map((r) => {
        const prev = answer?.results?.find((x) => x.type === r.type);
        const outcome = v(`outcome.${r.type}`, prev?.outcome ?? '');
        return (
          <fieldset>
            <legend>{RIGHT_SHORT[r.type][lang]}</legend>
            <div class="filters">
              <label>
                {t('outcome')}
                <select name={`outcome.${r.type}`} {...fieldAttrs(problem, form, `outcome.${r.type}`)}>
                  <option value="">—</option>
                  {RIGHT_OUTCOMES.map((o) => (
                    <option value={o} selected={outcome === o}>{outcomeLabel(t, o, lang)}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('resultSummary')}
                <input name={`summary.${r.type}`} maxlength={4000} size={40} value={v(`summary.${r.type}`, prev?.summary ?? '')} {...fieldAttrs(problem, form, `summary.${r.type}`)} />
              </label>
            </div>
            <FieldError problem={problem} form={form} field={`outcome.${r.type}`} />
            <FieldError problem={problem} form={form} field={`summary.${r.type}`} />
            {r.type === 'erasure' && (
              <>
                <label>
                  {t('erased')} <span class="muted">({t('linesHint')})</span>
                  <textarea name="erased" rows={3} {...fieldAttrs(problem, form, 'erased')}>{v('erased', lines(prev?.erased))}</textarea>
                </label>
                <FieldError problem={problem} form={form} field="erased" />
                <label>
                  {t('kept')} <span class="muted">({t('keptHint')})</span>
                  <textarea name="kept" rows={3} {...fieldAttrs(problem, form, 'kept')}>{v('kept', lines(prev?.kept?.map((k) => [k.data, k.reason, k.until ?? ''].join(' | ').replace(/ \| $/, ''))))}</textarea>
                </label>
                <FieldError problem={problem} form={form} field="kept" />
              </>
            )}
          </fieldset>
        );
      })}
    </>
  );
}
