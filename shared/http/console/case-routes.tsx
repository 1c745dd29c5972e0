import type { Context, Hono } from 'hono';
import { all, CASE_ID, languageOf, list, parseForm, scansOf, single, str, type ConsoleContext } from './context.tsx';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, NotFoundError, PayloadTooLargeError } from '#domain/errors.ts';
import { IDENTITY_METHODS } from '#domain/identity.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { DECISIONS, WAIT_STEPS } from '#domain/workflow.ts';
import { holidayCalendar } from '#deadlines/calendar.ts';
import { daysLeft } from '#deadlines/engine.ts';
import { answerTemplate } from '#templates/answer-draft.ts';
import { mimeText } from '#domain/mime-text.ts';
import { correctRights } from '#usecases/correct-rights.ts';
import { confirmRights } from '#usecases/confirm-rights.ts';
import { listCaseMessages } from '#usecases/staff-cases.ts';
import type { AnswerFileRef } from '#domain/answer.ts';
import { storeAnswerFile } from '#usecases/answer-files.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { listValidationReports, reportFileName, validationReportDownload } from '#usecases/identity/validation-reports.ts';
import { caseScanFile } from '#usecases/identity/case-scans.ts';
import { reportDownloadHeaders } from '../report-download.ts';
import { registerSubjectReply } from '#usecases/workflow/register-reply.ts';
import type { AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { answerFromForm } from './answer-form.ts';
import { applyTableAction, csvToCategory, tableFromForm, type TableCategory } from './answer-table.ts';
import { FormError, formProblem, IssueCollector, typedValues, type FormProblem, type KeptValues } from './form-errors.tsx';
import { decisionLabels, labelsFor, REPLY_FIELDS, RIGHTS_FIELDS } from './form-labels.ts';
import { translator } from './labels.ts';
import { ERROR_KIND_TEXT, PAGE_ERROR_TEXT } from './error-text.ts';
import { DECISIONS_NEEDING_QUESTIONS, DECISIONS_NEEDING_REASONS } from '#domain/workflow-state.ts';
import type { Session } from './session.ts';
import { CasePage } from './case-views.tsx';
import type { IdReviewState } from './case-model.ts';
import { ErrorPage } from './layout.tsx';
import { approvalPreview } from './approval-preview.ts';
import { rejectIdDocument } from '#usecases/identity/reject-id-document.ts';
import { idReviewDeps } from '../staff-api/identity-routes.ts';
import * as z from 'zod/mini';

const ReplyForm = z.lazy(() => z.object({
  _csrf: z.string(),
  receivedAt: z.optional(z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/))),
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
}));

const DecisionForm = z.lazy(() => z.object({
  _csrf: z.string(),
  step: z.enum(WAIT_STEPS),
  decision: z.enum(DECISIONS),
  reasons: z.optional(z.string().check(z.maxLength(20_000))),
  questions: z.optional(z.string().check(z.maxLength(20_000))),
  body: z.optional(z.string().check(z.maxLength(200_000))),
  method: z.optional(z.enum(IDENTITY_METHODS)),
  /** Risky decisions (refuse, fee, not valid, withdrawn, identity rejected) need the ticked confirmation. */
  confirm: z.optional(z.literal('yes')),
  /** `reject` at the identity review: the scan reviewed, erased with the decision. */
  imageKey: z.optional(z.string().check(z.maxLength(500))),
}));

/** Decisions the console asks to confirm: they end the case or tell the subject something hard to undo. */
export const RISKY_DECISIONS: readonly string[] = ['refuse', 'fee', 'invalid', 'withdraw', 'reject'];

/** Files attached in the console's draft form: within a Lambda request once base64-encoded. */
export const CONSOLE_FILES_MAX_BYTES = 4 * 1024 * 1024;
export const CONSOLE_DECISION_MAX_BYTES = CONSOLE_FILES_MAX_BYTES + 512 * 1024;

/** What the case page shows besides the case: a confirmation, a failed submit's problems and what was typed, a review's failed checks. */
export interface CaseExtra {
  readonly error?: string;
  readonly done?: string;
  readonly status?: number;
  readonly review?: IdReviewState;
  readonly problem?: FormProblem;
  readonly kept?: KeptValues;
  readonly draftTable?: readonly TableCategory[];
}

export async function renderCase(cx: ConsoleContext, c: Context, s: Session, id: string, extra: CaseExtra) {
  const { deps, ctxOf } = cx;
  if (!CASE_ID.test(id)) throw new NotFoundError('No such case.');
  const tenantId = s.staff.tenantId;
  const found = await deps.repo.getCase(tenantId, id);
  if (!found) throw new NotFoundError(`No case with id "${id}".`);
  const [events, messages, reports] = await Promise.all([
    deps.repo.listEvents(tenantId, id),
    deps.messages ? listCaseMessages({ ...deps, messages: deps.messages }, { tenantId, caseId: id }) : Promise.resolve([]),
    deps.validationReports ? listValidationReports({ repo: deps.repo, reports: deps.validationReports }, { tenantId, caseId: id }) : Promise.resolve([]),
  ]);
  const tenant = deps.tenants.get(tenantId);
  const view = {
    case: found,
    events,
    messages: messages.map(({ raw, ...m }) => ({ ...m, text: raw === null ? null : mimeText(raw) })),
    daysLeft: daysLeft({ dueDate: found.dueDate, dueAt: found.dueAt }, deps.clock.now(), holidayCalendar(tenant.holidayCountry, tenant.timeZone)),
    draftTemplate: answerTemplate(tenant, found),
    fourEyes: tenant.approvals.fourEyes,
    scans: scansOf(messages),
    reports,
    now: deps.clock.now(),
    preview: found.waiting?.step === 'approval' || found.status === 'awaiting_approval' ? approvalPreview(tenant, found, deps.clock.now()) : null,
    ...(extra.draftTable ? { draftTable: extra.draftTable } : {}),
  };
  const ctx = { ...ctxOf(c, s), ...(extra.problem ? { problem: extra.problem } : {}), ...(extra.kept ? { kept: extra.kept } : {}) };
  return c.html(
    <CasePage ctx={ctx} view={view} {...(extra.error ? { error: extra.error } : {})} {...(extra.done ? { done: extra.done } : {})} {...(extra.review ? { review: extra.review } : {})} />,
    (extra.status ?? 200) as 200,
  );
}

/** The case page, its raw messages, staff decisions (with answer drafts and files) and rights corrections. */
export function caseRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ctxOf, requireSession, checkCsrf } = cx;
  const render = (c: Context, s: Session, id: string, extra: Parameters<typeof renderCase>[4]) => renderCase(cx, c, s, id, extra);

  app.get('/console/cases/:id', async (c) => {
    const s = await requireSession(c);
    const done = c.req.query('done');
    return render(c, s, c.req.param('id'), done && /^[a-z_]{1,20}$/.test(done) ? { done } : {});
  });

  // A scan or letter, shown beside the review form: inline, never cached (it is erased after the review).
  app.get('/console/cases/:id/file', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const key = c.req.query('key') ?? '';
    if (!CASE_ID.test(id) || !deps.messages || !deps.evidence || key.length > 500) throw new NotFoundError('No such file.');
    const file = await caseScanFile({ repo: deps.repo, messages: deps.messages, evidence: deps.evidence }, { tenantId: s.staff.tenantId, caseId: id, key });
    const name = file.filename.normalize('NFKD').replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file';
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': `${file.inline ? 'inline' : 'attachment'}; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Nothing in a subject's file may run or load anything (a PDF's scripts, links to elsewhere).
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    });
  });

  app.get('/console/cases/:id/identity/reports/:reportId', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    if (!CASE_ID.test(id) || !deps.validationReports) throw new NotFoundError('No such validation report.');
    const { summary, xml } = await validationReportDownload({ repo: deps.repo, reports: deps.validationReports }, { tenantId: s.staff.tenantId, caseId: id, reportId: c.req.param('reportId') });
    return c.body(xml, 200, reportDownloadHeaders(reportFileName(summary)));
  });

  app.get('/console/cases/:id/messages/:messageId/raw', async (c) => {
    const s = await requireSession(c);
    if (!deps.messages) throw new NotFoundError('No messages here.');
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new NotFoundError('No such case.');
    const messages = await listCaseMessages({ ...deps, messages: deps.messages }, { tenantId: s.staff.tenantId, caseId: id });
    const m = messages.find((x) => x.id === c.req.param('messageId'));
    if (!m || m.raw === null) throw new NotFoundError('No such message.');
    // Shown as text, never rendered: raw mail is attacker-controlled.
    return c.body(m.raw, 200, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-disposition': 'inline' });
  });

  app.post(
    '/console/cases/:id/decide',
    // The draft form may carry answer files: the console's share of a Lambda request (6 MB, base64).
    bodyLimit({ maxSize: CONSOLE_DECISION_MAX_BYTES, onError: (c) => { const ctx = ctxOf(c, null); return c.html(<ErrorPage ctx={ctx} title={ERROR_KIND_TEXT.payload_too_large[ctx.lang]} detail={PAGE_ERROR_TEXT.tooLarge[ctx.lang].replace('{n}', String(CONSOLE_FILES_MAX_BYTES))} />, 413); } }),
    async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const one = single(body);
    checkCsrf(s, str(one._csrf));
    const lang = languageOf(c);
    const formId = /^[a-z-]{1,40}$/.test(str(one._form)) ? str(one._form) : 'decide';
    const kept: KeptValues = { form: formId, values: typedValues(one) };
    let table: TableCategory[] = tableFromForm(one);
    const fail = (error: DomainError) =>
      render(c, s, id, { problem: formProblem(error, lang, formId, decisionLabels(lang, translator(lang), table)), kept, draftTable: table, status: PROBLEM_KINDS[error.code].status });
    // A table button without JavaScript: the page again with the table changed and all typed kept; nothing decided.
    const tableAction = str(one._table);
    if (tableAction) {
      if (tableAction === 'csv') {
        const loaded = await csvFrom(one.dataCsv);
        if (loaded === 'bad') return fail(new FormError([{ field: 'dataCsv', kind: 'csv' }]));
        if (loaded) table = [...table.filter((t) => t.category || t.columns.some(Boolean) || t.rows.some((r) => r.some(Boolean))), loaded];
      } else table = applyTableAction(table, tableAction);
      return render(c, s, id, { kept, draftTable: table });
    }
    const issues = new IssueCollector();
    const form = issues.parse(DecisionForm, one);
    try {
      if (!form) throw new FormError(issues.issues);
      // Every problem at once (the use case would stop at its first): the tick, the reasons, the questions, the text.
      // Sending a drafted answer back (reject at approval) is not risky: nothing reaches the subject.
      if (RISKY_DECISIONS.includes(form.decision) && form.step !== 'approval' && form.confirm !== 'yes') issues.add('confirm', 'tick');
      if (DECISIONS_NEEDING_REASONS.includes(form.decision) && all((form.reasons ?? '').split('\n')).length === 0) issues.add('reasons', 'required');
      if (DECISIONS_NEEDING_QUESTIONS.includes(form.decision) && all((form.questions ?? '').split('\n')).length === 0) issues.add('questions', 'required');
      let answer: Awaited<ReturnType<typeof draftAnswer>>;
      if (form.decision === 'draft') {
        if (!form.body?.trim()) issues.add('body', 'required');
        const loaded = await csvFrom(one.dataCsv);
        if (loaded === 'bad') issues.add('dataCsv', 'csv');
        else if (loaded) table = [...table, loaded];
        try {
          answer = await draftAnswer(s, id, one, table);
        } catch (error) {
          if (!(error instanceof FormError)) throw error;
          issues.issues.push(...error.formIssues);
        }
      }
      issues.check();
      const reasons = all((form.reasons ?? '').split('\n'));
      const questions = all((form.questions ?? '').split('\n'));
      if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
      // Rejecting the reviewed ID document decides the review: its scan is erased like after an approval.
      if (form.decision === 'reject' && form.step === 'identity_review' && form.imageKey) {
        if (!(await caseScanKeys(s, id)).includes(form.imageKey)) throw new FormError([{ field: 'imageKey', kind: 'option' }]);
        const rejected = await rejectIdDocument(idReviewDeps(deps), { tenantId: s.staff.tenantId, caseId: id, reasons, imageKey: form.imageKey, actor: { kind: 'staff', id: s.staff.userId }, role: s.staff.role });
        return c.redirect(`/console/cases/${id}?done=${rejected.imageDeleted ? 'scan_deleted' : 'reject'}`, 303);
      }
      const files = form.decision === 'draft' ? await draftFiles(s, id, body) : undefined;
      await decide(
        { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows },
        {
          tenantId: s.staff.tenantId,
          caseId: id,
          step: form.step,
          decision: form.decision,
          ...(reasons.length ? { reasons } : {}),
          ...(questions.length ? { questions } : {}),
          ...(form.body !== undefined && form.decision === 'draft' ? { body: form.body.replace(/\r\n/g, '\n') } : {}),
          ...(answer ? { answer } : {}),
          ...(files?.length ? { files } : {}),
          ...(form.method && form.decision === 'approve' && form.step !== 'approval' ? { method: form.method } : {}),
          actor: { kind: 'staff', id: s.staff.userId },
          role: s.staff.role,
        },
      );
      return c.redirect(`/console/cases/${id}?done=${form.decision}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return fail(error);
    }
    },
  );

  // An uploaded CSV of the subject's data as one more category ('bad' when it cannot be read).
  const csvFrom = async (file: unknown): Promise<TableCategory | undefined | 'bad'> => {
    if (!(file instanceof File) || file.size === 0) return undefined;
    if (file.size > CONSOLE_FILES_MAX_BYTES) return 'bad';
    const text = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer());
    return csvToCategory(file.name || 'CSV', text) ?? 'bad';
  };

  const caseScanKeys = async (s: Session, id: string) =>
    deps.messages ? scansOf(await listCaseMessages({ ...deps, messages: deps.messages }, { tenantId: s.staff.tenantId, caseId: id })).map((f) => f.key) : [];

  const draftAnswer = async (s: Session, id: string, body: Record<string, unknown>, table: readonly TableCategory[]) => {
    const found = CASE_ID.test(id) ? await deps.repo.getCase(s.staff.tenantId, id) : null;
    if (!found) throw new NotFoundError(`No case with id "${id}".`);
    return answerFromForm(body, found, table);
  };

  // The draft's files: those already attached that stay ticked, plus the ones uploaded with the form.
  const draftFiles = async (s: Session, id: string, body: Record<string, unknown>): Promise<AnswerFileRef[]> => {
    const found = await deps.repo.getCase(s.staff.tenantId, id);
    if (!found) throw new NotFoundError(`No case with id "${id}".`);
    const keep = new Set(list(body.keepFiles).filter((v): v is string => typeof v === 'string'));
    const kept = (found.draft?.files ?? []).filter((f) => keep.has(f.id));
    const uploads = list(body.files).filter((v): v is File => v instanceof File && v.size > 0);
    if (uploads.length === 0) return kept;
    if (!deps.answerFiles) throw new Error('No answer file store is configured for the console.');
    if (uploads.reduce((sum, f) => sum + f.size, 0) > CONSOLE_FILES_MAX_BYTES) throw new PayloadTooLargeError(`At most ${CONSOLE_FILES_MAX_BYTES} bytes of files here; larger files through the API.`);
    const store = { repo: deps.repo, files: deps.answerFiles };
    const added: AnswerFileRef[] = [];
    for (const file of uploads) {
      const content = new Uint8Array(await file.arrayBuffer());
      added.push(await storeAnswerFile(store, { tenantId: s.staff.tenantId, caseId: id, filename: file.name, contentType: file.type || 'application/octet-stream', content }));
    }
    return [...kept, ...added];
  };

  // The subject's answer to a request for details that did not come by e-mail (a letter, a visit).
  app.post('/console/cases/:id/reply', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = single(await c.req.parseBody());
    checkCsrf(s, str(body._csrf));
    const lang = languageOf(c);
    try {
      const form = parseForm(ReplyForm, body);
      if (!CASE_ID.test(id)) throw new NotFoundError('No such case.');
      if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
      await registerSubjectReply(
        { ...deps, workflows: deps.workflows },
        { tenantId: s.staff.tenantId, caseId: id, note: form.note, via: 'post', ...(form.receivedAt ? { receivedAt: form.receivedAt } : {}), actor: { kind: 'staff', id: s.staff.userId } },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return render(c, s, id, { problem: formProblem(error, lang, 'register-reply', labelsFor(lang, translator(lang), REPLY_FIELDS)), kept: { form: 'register-reply', values: typedValues(body) }, status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect(`/console/cases/${id}?done=reply`, 303);
  });

  const rightsFailed = (c: Context, s: Session, id: string, form: string, body: Record<string, unknown>, error: DomainError) => {
    const lang = languageOf(c);
    return render(c, s, id, {
      problem: formProblem(error, lang, form, labelsFor(lang, translator(lang), RIGHTS_FIELDS)),
      kept: { form, values: { ...typedValues(single(body)), rights: all(body.rights).join(' ') } },
      status: PROBLEM_KINDS[error.code].status,
    });
  };

  app.post('/console/cases/:id/rights', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    checkCsrf(s, str(body._csrf));
    try {
      const rights = await rightsFromForm(deps, s.staff.tenantId, id, body.rights, body.reasons);
      await correctRights(deps, { tenantId: s.staff.tenantId, caseId: id, rights, reasons: all(str(body.reasons).split('\n')), actor: { kind: 'staff', id: s.staff.userId } });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return rightsFailed(c, s, id, 'correct-rights', body, error);
    }
    return c.redirect(`/console/cases/${id}?done=rights`, 303);
  });

  app.post('/console/cases/:id/rights/confirm', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    checkCsrf(s, str(body._csrf));
    try {
      const rights = await rightsFromForm(deps, s.staff.tenantId, id, body.rights);
      await confirmRights(deps, { tenantId: s.staff.tenantId, caseId: id, rights, reasons: all(str(body.reasons).split('\n')), actor: { kind: 'staff', id: s.staff.userId } });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      return rightsFailed(c, s, id, 'confirm-rights', body, error);
    }
    return c.redirect(`/console/cases/${id}?done=rights`, 303);
  });
}

/**
 * The rights ticked on a correct/confirm form. Rights that stay keep their details (what to
 * rectify, …); only the set changes.
 */
async function rightsFromForm(deps: Pick<ConsoleContext['deps'], 'repo'>, tenantId: string, id: string, ticked: Parameters<typeof all>[0], reasons?: unknown) {
  // Both problems at once: no right ticked and (for a correction) no reasons.
  const issues = new IssueCollector();
  const types = issues.parse(z.object({ rights: z.array(z.enum(RIGHT_TYPES)).check(z.minLength(1)) }), { rights: all(ticked) })?.rights ?? [];
  if (reasons !== undefined && all(str(reasons).split('\n')).length === 0) issues.add('reasons', 'required');
  issues.check();
  const found = CASE_ID.test(id) ? await deps.repo.getCase(tenantId, id) : null;
  if (!found) throw new NotFoundError(`No case with id "${id}".`);
  return types.map((type) => {
    const details = found.rights.find((r) => r.type === type)?.details;
    return { type, ...(details ? { details } : {}) };
  });
}

// Lives beside KeptValues now, so pages outside the case routes (the task pages) keep what was typed without this module.
export { typedValues } from './form-errors.tsx';
