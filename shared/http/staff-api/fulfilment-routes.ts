import { Hono } from 'hono';
import * as z from 'zod/mini';
import { NotFoundError, ValidationError } from '#domain/errors.ts';
import { claimedIdentity } from '#domain/fulfilment/identifiers.ts';
import { TASK_OUTCOMES } from '#domain/fulfilment/tasks.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import type { Case } from '#domain/case.ts';
import { assembleAnswer } from '#usecases/fulfilment/assemble-answer.ts';
import { receiveCallback } from '#usecases/fulfilment/http-connector.ts';
import { sendRecipientNotices } from '#usecases/fulfilment/recipient-notices.ts';
import { addTask, loadTask, recordTaskResult, runTask, skipTask, type FulfilmentDeps } from '#usecases/fulfilment/tasks.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { noWorkflows, notConfigured } from './not-configured.ts';

const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;
const TASK_ID = /^[a-z_]{1,40}:[a-z0-9_]{1,63}$/;

const DataValueSchema = z.union([z.string().check(z.maxLength(10_000)), z.number(), z.boolean(), z.null()]);
const RunSchema = z.lazy(() => z.strictObject({ mode: z.enum(['run', 'dry_run']) }));
const ResultSchema = z.lazy(() => z.strictObject({
  outcome: z.enum(TASK_OUTCOMES),
  summary: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  reason: z.optional(z.string().check(z.maxLength(2000))),
  legalBasis: z.optional(z.string().check(z.maxLength(500))),
  data: z.optional(z.array(z.object({ category: z.string().check(z.minLength(1), z.maxLength(200)), records: z.array(z.record(z.string(), DataValueSchema)).check(z.maxLength(5000)) })).check(z.maxLength(50))),
}));
const SkipSchema = z.lazy(() => z.strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) }));
const AddSchema = z.lazy(() => z.strictObject({ right: z.enum(RIGHT_TYPES), targetId: z.string().check(z.regex(/^[a-z_][a-z0-9_]{0,62}$/)), reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) }));

function ids(caseId: string, taskId?: string): void {
  if (!CASE_ID.test(caseId)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
  if (taskId !== undefined && !TASK_ID.test(taskId)) throw new ValidationError('The task id is not well formed.', [{ field: 'taskId', message: 'invalid' }]);
}

/** The case's fulfilment as staff see it: claimed and verified identity apart, then the tasks. */
export function fulfilmentView(c: Case) {
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    claimed: claimedIdentity(c),
    verified: c.fulfilment?.identifiers ?? [],
    tasks: c.fulfilment?.tasks ?? [],
  };
}

/**
 * Fulfilment under `/console/api` (docs/fulfilment.md; OpenAPI in `staff-openapi.ts`):
 * `GET /cases/{id}/fulfilment`; `POST /cases/{id}/tasks/{taskId}/run` `{ mode: run | dry_run }`;
 * `POST …/result` `{ outcome, summary, reason?, legalBasis?, data? }`; `POST …/skip` `{ reason }`;
 * `POST /cases/{id}/tasks` `{ right, targetId, reason }`; `GET|POST /cases/{id}/notices` (Art. 19);
 * `POST /cases/{id}/answer/assemble` (drafts the answer from the results); `GET /tasks` (mine).
 */
export function consoleFulfilmentRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const f = (): FulfilmentDeps => {
    if (!deps.fulfilment) throw notConfigured('Fulfilment');
    return { repo: deps.repo, clock: deps.clock, ...deps.fulfilment };
  };
  const notices = async (tenantId: string, caseId: string) => {
    if (!deps.fulfilment?.email || !deps.messages) return [];
    return sendRecipientNotices({ repo: deps.repo, clock: deps.clock, tenants: deps.tenants, registers: deps.fulfilment.registers, email: deps.fulfilment.email, messages: deps.messages, ...(deps.fulfilment.http ? { api: deps.fulfilment.http } : {}) }, { tenantId, caseId });
  };

  api.get('/cases/:id/fulfilment', async (c) => {
    ids(c.req.param('id'));
    const staff = c.get('staff');
    const found = await deps.repo.getCase(staff.tenantId, c.req.param('id'));
    if (!found) throw new NotFoundError('No such case.');
    return c.json(fulfilmentView(found));
  });

  api.get('/tasks', async (c) => {
    const staff = c.get('staff');
    const mine = c.req.query('owner') !== 'all';
    const page = await deps.repo.listOpen(staff.tenantId, { limit: 100 });
    const tasks = page.items.flatMap((k) => (k.fulfilment?.tasks ?? []).filter((t) => ['open', 'awaiting_callback', 'awaiting_reply'].includes(t.status) && (!mine || t.owner === staff.userId)).map((t) => ({ caseId: k.id, reference: k.reference, ...t })));
    return c.json({ items: tasks });
  });

  api.post('/cases/:id/tasks/:taskId/run', async (c) => {
    ids(c.req.param('id'), c.req.param('taskId'));
    const staff = c.get('staff');
    const body = await readJson(c, RunSchema);
    const ref = { tenantId: staff.tenantId, caseId: c.req.param('id'), taskId: c.req.param('taskId') };
    await runTask(f(), { ...ref, mode: body.mode, actor: { kind: 'staff', id: staff.userId }, role: staff.role });
    await notices(ref.tenantId, ref.caseId);
    return c.json((await loadTask(deps, ref)).task);
  });

  api.post('/cases/:id/tasks/:taskId/result', async (c) => {
    ids(c.req.param('id'), c.req.param('taskId'));
    const staff = c.get('staff');
    const body = await readJson(c, ResultSchema);
    const ref = { tenantId: staff.tenantId, caseId: c.req.param('id'), taskId: c.req.param('taskId') };
    await recordTaskResult(f(), { ...ref, actor: { kind: 'staff', id: staff.userId }, result: body });
    await notices(ref.tenantId, ref.caseId);
    return c.json((await loadTask(deps, ref)).task);
  });

  api.post('/cases/:id/tasks/:taskId/skip', async (c) => {
    ids(c.req.param('id'), c.req.param('taskId'));
    const staff = c.get('staff');
    const body = await readJson(c, SkipSchema);
    const ref = { tenantId: staff.tenantId, caseId: c.req.param('id'), taskId: c.req.param('taskId') };
    await skipTask(f(), { ...ref, actor: { kind: 'staff', id: staff.userId }, reason: body.reason });
    await notices(ref.tenantId, ref.caseId);
    return c.json((await loadTask(deps, ref)).task);
  });

  api.post('/cases/:id/tasks', async (c) => {
    ids(c.req.param('id'));
    const staff = c.get('staff');
    const body = await readJson(c, AddSchema);
    const updated = await addTask(f(), { tenantId: staff.tenantId, caseId: c.req.param('id'), ...body, actor: { kind: 'staff', id: staff.userId } });
    return c.json(fulfilmentView(updated), 201);
  });

  api.get('/cases/:id/notices', async (c) => {
    ids(c.req.param('id'));
    const found = await deps.repo.getCase(c.get('staff').tenantId, c.req.param('id'));
    if (!found) throw new NotFoundError('No such case.');
    return c.json({ items: (found.fulfilment?.tasks ?? []).filter((t) => t.target.kind === 'recipient') });
  });

  api.post('/cases/:id/notices', async (c) => {
    ids(c.req.param('id'));
    const staff = c.get('staff');
    // A case of another tenant (or none) is a 404 as documented, not an empty 200.
    if (!(await deps.repo.getCase(staff.tenantId, c.req.param('id')))) throw new NotFoundError('No such case.');
    return c.json({ sent: await notices(staff.tenantId, c.req.param('id')) });
  });

  api.post('/cases/:id/answer/assemble', async (c) => {
    ids(c.req.param('id'));
    const staff = c.get('staff');
    if (!deps.workflows) throw noWorkflows();
    const assembled = await assembleAnswer({ repo: deps.repo, data: f().data }, { tenantId: staff.tenantId, caseId: c.req.param('id') });
    const result = await decide(
      { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows },
      { tenantId: staff.tenantId, caseId: c.req.param('id'), step: 'answer_draft', decision: 'draft', body: assembled.body, answer: assembled.answer, actor: { kind: 'staff', id: staff.userId }, role: staff.role },
    );
    return c.json({ id: result.case.id, status: result.case.status, outcome: result.outcome, answer: assembled.answer, body: assembled.body }, 202);
  });
  return api;
}

/**
 * The HTTP connector's signed callbacks, outside the staff API (the controller's service has no
 * staff token; its JWS signature is the authentication): `POST /fulfilment/callbacks/{tenant}`
 * with a compact JWS (`application/jose`) → `200 { taskId, status }`; a bad signature or an
 * unknown task is 422, never a 500.
 */
export function fulfilmentCallbackRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/callbacks/:tenant', async (c) => {
    const tenantId = deps.tenants.get(c.req.param('tenant')).id;
    const verifier = deps.fulfilment?.callbacks;
    if (!verifier || !deps.fulfilment) throw new NotFoundError('This controller takes no fulfilment callbacks.');
    const jws = (await c.req.text()).trim();
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/.test(jws)) throw new ValidationError('Send the result as a compact JWS.', [{ field: 'body', message: 'not a compact JWS' }]);
    const updated = await receiveCallback({ repo: deps.repo, clock: deps.clock, data: deps.fulfilment.data, verifier }, { tenantId, jws });
    return c.json({ id: updated.id, tasks: (updated.fulfilment?.tasks ?? []).filter((t) => t.connector === 'http').map((t) => ({ id: t.id, status: t.status })) });
  });
  return api;
}
