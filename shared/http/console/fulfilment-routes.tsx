import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { SubjectDataSet } from '#domain/answer.ts';
import { DomainError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { TASK_OUTCOMES } from '#domain/fulfilment/tasks.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { sendRecipientNotices } from '#usecases/fulfilment/recipient-notices.ts';
import { addTask, recordTaskResult, runTask, skipTask, type FulfilmentDeps } from '#usecases/fulfilment/tasks.ts';
import type { AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { CASE_ID, explain, parseForm, single, type ConsoleContext } from './context.tsx';
import { fulfilmentWords } from './fulfilment-labels.ts';
import { TasksPage } from './fulfilment-views.tsx';
import type { Session } from './session.ts';

const TASK_ID = /^[a-z_]{1,40}:[a-z0-9_]{1,63}$/;
const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const RunForm = z.object({ _csrf: z.string(), mode: z.enum(['run', 'dry_run']) });
const ResultForm = z.object({ _csrf: z.string(), outcome: z.enum(TASK_OUTCOMES), summary: text(2000).check(z.minLength(1)), reason: z.optional(text(2000)), legalBasis: z.optional(text(500)), data: z.optional(text(200_000)) });
const SkipForm = z.object({ _csrf: z.string(), reason: text(2000).check(z.minLength(1)) });
const AddForm = z.object({ _csrf: z.string(), right: z.enum(RIGHT_TYPES), targetId: z.string().check(z.regex(/^[a-z_][a-z0-9_]{0,62}$/)), reason: text(2000).check(z.minLength(1)) });

const DataSchema = z
  .array(z.object({ category: z.string().check(z.minLength(1), z.maxLength(200)), records: z.array(z.record(z.string(), z.union([z.string().check(z.maxLength(10_000)), z.number(), z.boolean(), z.null()]))).check(z.maxLength(5000)) }))
  .check(z.maxLength(50));

/** The data typed or pasted with a result: a JSON list of `{ category, records }` (the staff API's shape). */
function parseData(raw: string | undefined): SubjectDataSet[] | undefined {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ValidationError('The data are not JSON.', [{ field: 'data', message: 'not JSON' }]);
  }
  return parseForm(DataSchema, parsed);
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

  const render = async (c: Context, s: Session, id: string, extra: { error?: string; done?: string; status?: number } = {}) => {
    if (!CASE_ID.test(id)) throw new NotFoundError('No such case.');
    const found = await deps.repo.getCase(s.staff.tenantId, id);
    if (!found) throw new NotFoundError(`No case with id "${id}".`);
    let register = null;
    try {
      register = deps.fulfilment?.registers.get(found.tenantId) ?? null;
    } catch {
      register = null;
    }
    return c.html(<TasksPage ctx={ctxOf(c, s)} c={found} register={register} now={deps.clock.now()} {...(extra.error ? { error: extra.error } : {})} {...(extra.done ? { done: extra.done } : {})} />, (extra.status ?? 200) as 200);
  };

  /** Runs one change; a refusal (conflict, validation, role) re-renders the page with its reason. */
  const act = async (c: Context, what: string, change: (s: Session, f: FulfilmentDeps, id: string) => Promise<unknown>) => {
    const s = await requireSession(c);
    const id = c.req.param('id') ?? '';
    const f = fdeps();
    if (!f) return render(c, s, id, { error: fulfilmentWords(ctxOf(c, s).lang)('notConfigured'), status: 409 });
    try {
      await change(s, f, id);
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'not_found' && error.code !== 'unauthenticated') return render(c, s, id, { error: explain(error, ctxOf(c, s).lang), status: PROBLEM_KINDS[error.code].status });
      throw error;
    }
    // Art. 19 notices go out once every system task of the right is finished (as in the staff API).
    if (deps.fulfilment?.email && deps.messages) {
      await sendRecipientNotices({ repo: deps.repo, clock: deps.clock, tenants: deps.tenants, registers: deps.fulfilment.registers, email: deps.fulfilment.email, messages: deps.messages, ...(deps.fulfilment.http ? { api: deps.fulfilment.http } : {}) }, { tenantId: s.staff.tenantId, caseId: id });
    }
    return c.redirect(`/console/cases/${id}/tasks?done=${what}`, 303);
  };
  const taskRef = (s: Session, id: string, c: Context) => {
    const taskId = c.req.param('taskId') ?? '';
    if (!TASK_ID.test(taskId)) throw new NotFoundError('No such task.');
    return { tenantId: s.staff.tenantId, caseId: id, taskId };
  };

  app.get('/console/cases/:id/tasks', async (c) => {
    const s = await requireSession(c);
    const done = c.req.query('done');
    return render(c, s, c.req.param('id'), done && /^[a-z_]{1,20}$/.test(done) ? { done } : {});
  });

  app.post('/console/cases/:id/tasks/:taskId/run', (c) =>
    act(c, 'run', async (s, f, id) => {
      const form = parseForm(RunForm, single(await c.req.parseBody()));
      checkCsrf(s, form._csrf);
      await runTask(f, { ...taskRef(s, id, c), mode: form.mode, actor: { kind: 'staff', id: s.staff.userId }, role: s.staff.role });
    }),
  );

  app.post('/console/cases/:id/tasks/:taskId/result', (c) =>
    act(c, 'result', async (s, f, id) => {
      const form = parseForm(ResultForm, single(await c.req.parseBody()));
      checkCsrf(s, form._csrf);
      const data = parseData(form.data);
      await recordTaskResult(f, {
        ...taskRef(s, id, c),
        actor: { kind: 'staff', id: s.staff.userId },
        result: { outcome: form.outcome, summary: form.summary, ...(form.reason ? { reason: form.reason } : {}), ...(form.legalBasis ? { legalBasis: form.legalBasis } : {}), ...(data ? { data } : {}) },
      });
    }),
  );

  app.post('/console/cases/:id/tasks/:taskId/skip', (c) =>
    act(c, 'skip', async (s, f, id) => {
      const form = parseForm(SkipForm, single(await c.req.parseBody()));
      checkCsrf(s, form._csrf);
      await skipTask(f, { ...taskRef(s, id, c), actor: { kind: 'staff', id: s.staff.userId }, reason: form.reason });
    }),
  );

  app.post('/console/cases/:id/tasks', (c) =>
    act(c, 'add', async (s, f, id) => {
      const form = parseForm(AddForm, single(await c.req.parseBody()));
      checkCsrf(s, form._csrf);
      await addTask(f, { tenantId: s.staff.tenantId, caseId: id, right: form.right, targetId: form.targetId, reason: form.reason, actor: { kind: 'staff', id: s.staff.userId } });
    }),
  );
}
