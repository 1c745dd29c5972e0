import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { SubjectDataSet } from '#domain/answer.ts';
import { detail, noParams } from '#domain/error-details.ts';
import { DomainError, NotFoundError } from '#domain/errors.ts';
import { TASK_OUTCOMES } from '#domain/fulfilment/tasks.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { sendRecipientNotices } from '#usecases/fulfilment/recipient-notices.ts';
import { addTask, recordTaskResult, runTask, skipTask, type FulfilmentDeps } from '#usecases/fulfilment/tasks.ts';
import type { AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { CASE_ID, parseForm, single, str, type ConsoleContext } from './context.tsx';
import { FormError, formProblem, IssueCollector, labelsOf, typedValues, type FormProblem, type KeptValues } from './form-errors.tsx';
import { ADD_TASK_FIELDS, fulfilmentWords, RESULT_FIELDS, SKIP_FIELDS, type FulfilmentWord } from './fulfilment-labels.ts';
import { ADD_TASK_FORM, taskFormId, TasksPage } from './fulfilment-views.tsx';
import type { Session } from './session.ts';

const TASK_ID = /^[a-z_]{1,40}:[a-z0-9_]{1,63}$/;
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
// The CSRF token is checked before these (its own refusal, not a field's problem).
const RunForm = z.lazy(() => z.object({ mode: z.enum(['run', 'dry_run']) }));
const ResultForm = z.lazy(() => z.object({ outcome: z.enum(TASK_OUTCOMES), summary: text(2000).check(z.minLength(1)), reason: z.optional(text(2000)), legalBasis: z.optional(text(500)), data: z.optional(text(200_000)) }));
const SkipForm = z.lazy(() => z.object({ reason: text(2000).check(z.minLength(1)) }));
const AddForm = z.lazy(() => z.object({ right: z.enum(RIGHT_TYPES), targetId: z.string().check(z.regex(/^[a-z_][a-z0-9_]{0,62}$/)), reason: text(2000).check(z.minLength(1)) }));

const DataSchema = z
  .array(z.object({ category: z.string().check(z.minLength(1), z.maxLength(200)), records: z.array(z.record(z.string(), z.union([z.string().check(z.maxLength(10_000)), z.number(), z.boolean(), z.null()]))).check(z.maxLength(5000)) }))
  .check(z.maxLength(50));

/** The data typed or pasted with a result: a JSON list of `{ category, records }` (the staff API's shape); its problem is collected. */
function parseData(raw: unknown, issues: IssueCollector): SubjectDataSet[] | undefined {
  const typed = str(raw);
  if (!typed) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(typed);
  } catch {
    issues.add('data', 'json');
    return undefined;
  }
  const result = DataSchema.safeParse(parsed);
  // JSON, but not the shape the label shows: one problem for the field, not one per record.
  if (!result.success) issues.add('data', 'invalid');
  return result.success ? result.data : undefined;
}

/** What a task page shows again after a failed submit: the form's problems and what was typed into it. */
interface Failed {
  readonly problem: FormProblem;
  readonly kept: KeptValues;
}

/**
 * The case's tasks in the console (docs/fulfilment.md): `/console/cases/{id}/tasks` lists them per
 * right and system with owner, internal due date, status and result; its forms record a result,
 * skip with a reason, add a task from the register, and run a connector (a dry run, then an
 * approver's erasure). The same use cases as the staff API; every POST is CSRF-checked.
 */
export function fulfilmentRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ctxOf, requireSession, checkCsrf } = cx;
  const fdeps = (): FulfilmentDeps | null => (deps.fulfilment ? { repo: deps.repo, clock: deps.clock, ...deps.fulfilment } : null);

  const render = async (c: Context, s: Session, id: string, extra: { error?: string; done?: string; status?: number; failed?: Failed } = {}) => {
    if (!CASE_ID.test(id)) throw new NotFoundError('No such case.');
    const found = await deps.repo.getCase(s.staff.tenantId, id);
    if (!found) throw new NotFoundError(`No case with id "${id}".`);
    let register = null;
    try {
      register = deps.fulfilment?.registers.get(found.tenantId) ?? null;
    } catch {
      register = null;
    }
    const ctx = ctxOf(c, s);
    return c.html(<TasksPage ctx={extra.failed ? { ...ctx, ...extra.failed } : ctx} c={found} register={register} now={deps.clock.now()} {...(extra.error ? { error: extra.error } : {})} {...(extra.done ? { done: extra.done } : {})} />, (extra.status ?? 200) as 200);
  };

  /**
   * Runs one form's change. A refusal (every field's problem at once, a conflict, a role) re-renders
   * the page with the error summary, each field's message by its label in the page's language and
   * what was typed (docs/console.md "Forms that help").
   */
  const act = async (
    c: Context,
    what: string,
    formOf: () => string,
    fields: Readonly<Record<string, FulfilmentWord>>,
    change: (s: Session, f: FulfilmentDeps, id: string, body: Record<string, unknown>) => Promise<unknown>,
  ) => {
    const s = await requireSession(c);
    const id = c.req.param('id') ?? '';
    const f = fdeps();
    if (!f) return render(c, s, id, { error: fulfilmentWords(ctxOf(c, s).lang)('notConfigured'), status: 409 });
    const form = formOf();
    const body = single(await c.req.parseBody());
    try {
      checkCsrf(s, str(body._csrf));
      await change(s, f, id, body);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      const { lang } = ctxOf(c, s);
      const problem = formProblem(error, lang, form, labelsOf(fulfilmentWords(lang), fields));
      return render(c, s, id, { failed: { problem, kept: { form, values: typedValues(body) } }, status: PROBLEM_KINDS[error.code].status });
    }
    // Art. 19 notices go out once every system task of the right is finished (as in the staff API).
    if (deps.fulfilment?.email && deps.messages) {
      await sendRecipientNotices({ repo: deps.repo, clock: deps.clock, tenants: deps.tenants, registers: deps.fulfilment.registers, email: deps.fulfilment.email, messages: deps.messages, ...(deps.fulfilment.http ? { api: deps.fulfilment.http } : {}) }, { tenantId: s.staff.tenantId, caseId: id });
    }
    return c.redirect(`/console/cases/${id}/tasks?done=${what}`, 303);
  };
  /** The task of the path (a malformed id is no task); its forms' ids on the page follow from it. */
  const taskIdOf = (c: Context) => {
    const taskId = c.req.param('taskId') ?? '';
    if (!TASK_ID.test(taskId)) throw new NotFoundError('No such task.');
    return taskId;
  };
  const taskRef = (s: Session, id: string, c: Context) => ({ tenantId: s.staff.tenantId, caseId: id, taskId: taskIdOf(c) });

  app.get('/console/cases/:id/tasks', async (c) => {
    const s = await requireSession(c);
    const done = c.req.query('done');
    return render(c, s, c.req.param('id'), done && /^[a-z_]{1,20}$/.test(done) ? { done } : {});
  });

  app.post('/console/cases/:id/tasks/:taskId/run', (c) =>
    act(c, 'run', () => taskFormId('run', taskIdOf(c)), {}, async (s, f, id, body) => {
      const form = parseForm(RunForm, body);
      await runTask(f, { ...taskRef(s, id, c), mode: form.mode, actor: { kind: 'staff', id: s.staff.userId }, role: s.staff.role });
    }),
  );

  app.post('/console/cases/:id/tasks/:taskId/result', (c) =>
    act(c, 'result', () => taskFormId('result', taskIdOf(c)), RESULT_FIELDS, async (s, f, id, body) => {
      // Every problem at once (the use case would stop at its first): the fields, the data, what "kept" needs.
      const issues = new IssueCollector();
      const form = issues.parse(ResultForm, body);
      const data = parseData(body.data, issues);
      if (str(body.outcome) === 'kept') for (const field of ['reason', 'legalBasis'] as const) if (!str(body[field])) issues.addDetail(field, detail('kept_needs_basis', noParams));
      if (!form || issues.issues.length) throw new FormError(issues.issues);
      await recordTaskResult(f, {
        ...taskRef(s, id, c),
        actor: { kind: 'staff', id: s.staff.userId },
        result: { outcome: form.outcome, summary: form.summary, ...(form.reason ? { reason: form.reason } : {}), ...(form.legalBasis ? { legalBasis: form.legalBasis } : {}), ...(data ? { data } : {}) },
      });
    }),
  );

  app.post('/console/cases/:id/tasks/:taskId/skip', (c) =>
    act(c, 'skip', () => taskFormId('skip', taskIdOf(c)), SKIP_FIELDS, async (s, f, id, body) => {
      const form = parseForm(SkipForm, body);
      await skipTask(f, { ...taskRef(s, id, c), actor: { kind: 'staff', id: s.staff.userId }, reason: form.reason });
    }),
  );

  app.post('/console/cases/:id/tasks', (c) =>
    act(c, 'add', () => ADD_TASK_FORM, ADD_TASK_FIELDS, async (s, f, id, body) => {
      const issues = new IssueCollector();
      const form = issues.parse(AddForm, body);
      // An entry the register lacks is the target field's problem, found with the others.
      const register = f.registers.get(s.staff.tenantId);
      const targetId = str(body.targetId);
      if (!issues.issues.some((i) => i.field === 'targetId') && ![...register.systems, ...register.recipients].some((t) => t.id === targetId)) issues.add('targetId', 'option');
      if (!form || issues.issues.length) throw new FormError(issues.issues);
      await addTask(f, { tenantId: s.staff.tenantId, caseId: id, right: form.right, targetId: form.targetId, reason: form.reason, actor: { kind: 'staff', id: s.staff.userId } });
    }),
  );
}
