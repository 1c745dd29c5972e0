import * as z from 'zod/mini';
import type { Actor } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import type { DataSystem } from '#domain/fulfilment/register.ts';
import { isTaskOpen, TASK_OUTCOMES, type Fulfilment, type FulfilmentTask, type TaskResult } from '#domain/fulfilment/tasks.ts';
import type { CallbackVerifier, SignedRequests, TaskDataStore } from '#ports/fulfilment.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import { writeCase } from '#usecases/case-writes.ts';

// Built on first use: only a task whose connector is a service, or its callback, parses them.
let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());
function buildSchemas() {
  /** What the controller's service answers (at once, or in its signed callback). */
  const result = z.object({
    outcome: z.enum(TASK_OUTCOMES),
    summary: z.string().check(z.minLength(1), z.maxLength(2000)),
    reason: z.optional(z.string().check(z.maxLength(2000))),
    legalBasis: z.optional(z.string().check(z.maxLength(500))),
    data: z.optional(z.array(z.object({ category: z.string().check(z.minLength(1), z.maxLength(200)), records: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))) }))),
  });
  return { result, callback: z.extend(result, { caseId: z.string().check(z.minLength(1)), taskId: z.string().check(z.minLength(1)) }) };
}

interface HttpDeps {
  readonly repo: CaseRepository;
  readonly clock: Clock;
  readonly data: TaskDataStore;
}

const dataKey = (tenantId: string, caseId: string, taskId: string) => `fulfilment/${tenantId}/${caseId}/${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;

/**
 * The HTTP connector (Fides' two-way webhook): the case reference, the right and the verified
 * identifiers, signed with the webhook key, POSTed to the controller's service. 200 with a
 * result finishes the task; 202 means "later, on a signed callback": the task waits
 * (`awaiting_callback`) and, like any open task, is escalated at its due date, never lost.
 * Anything else leaves the task open (409) to be run again.
 */
export async function runHttpTask(deps: HttpDeps & { readonly http: SignedRequests }, c: Case, f: Fulfilment, task: FulfilmentTask, system: DataSystem, actor: Actor): Promise<Case> {
  if (system.connector.kind !== 'http') throw new Error('not an HTTP system');
  const identifiers = f.identifiers.filter((i) => system.searchableBy.includes(i.kind)).map((i) => ({ kind: i.kind, value: i.value }));
  const response = await deps.http.post(c.tenantId, system.connector.url, { type: 'rightsdesk.fulfilment.request', caseId: c.id, caseReference: c.reference, taskId: task.id, right: task.right, identifiers, dueAt: task.dueAt });
  if (response.status === 202) {
    return save(deps, c, task.id, (t, now) => ({ ...t, status: 'awaiting_callback', pendingSince: now }), actor, 'fulfilment.requested', `Request sent to ${system.name}; its signed callback is awaited.`);
  }
  if (response.status !== 200) throw new ConflictError(`${system.name} answered HTTP ${response.status}; the task stays open and can be run again.`);
  const parsed = schemas().result.safeParse(safeJson(response.body));
  if (!parsed.success) throw new ConflictError(`${system.name} answered with a body that is not a result; the task stays open.`);
  return finish(deps, c, task.id, parsed.data, actor);
}

/**
 * A controller service's signed callback: the result of a task it was sent. Verified with the
 * service's key, then recorded like any result; a repeated callback changes nothing.
 * Example: `await receiveCallback(deps, { tenantId: 'softera', jws })` → the case.
 */
export async function receiveCallback(deps: HttpDeps & { readonly verifier: CallbackVerifier }, input: { readonly tenantId: string; readonly jws: string }): Promise<Case> {
  let payload: Readonly<Record<string, unknown>>;
  try {
    payload = await deps.verifier.verify(input.tenantId, input.jws);
  } catch {
    throw new ValidationError('The callback signature does not verify with the service’s key.', [{ field: 'body', message: 'bad signature' }]);
  }
  const parsed = schemas().callback.safeParse(payload);
  if (!parsed.success) throw new ValidationError('The callback is not a task result.', [{ field: 'body', message: 'schema' }]);
  const c = await deps.repo.getCase(input.tenantId, parsed.data.caseId);
  const task = c?.fulfilment?.tasks.find((t) => t.id === parsed.data.taskId);
  // An HTTP system's result, or a recipient's answer to an Art. 19 notice sent to its API.
  const known = task && (task.connector === 'http' || (task.connector === 'notice' && task.notice));
  if (!c || !task || !known) throw new ValidationError('The callback names no HTTP task or notice of this controller.', [{ field: 'taskId', message: 'unknown' }]);
  if (!isTaskOpen(task)) return c;
  return finish(deps, c, task.id, parsed.data, { kind: 'system', id: `callback:${task.target.id}` });
}

async function finish(deps: HttpDeps, c: Case, taskId: string, r: z.infer<ReturnType<typeof buildSchemas>['result']>, actor: Actor): Promise<Case> {
  let key: string | undefined;
  if (r.data?.length) {
    key = dataKey(c.tenantId, c.id, taskId);
    await deps.data.put(key, new TextEncoder().encode(JSON.stringify(r.data)), 'application/json');
  }
  return save(
    deps,
    c,
    taskId,
    (t, now) => {
      const result: TaskResult = { outcome: r.outcome, summary: r.summary, ...(r.reason ? { reason: r.reason } : {}), ...(r.legalBasis ? { legalBasis: r.legalBasis } : {}), ...(key ? { dataKey: key } : {}), by: actor, at: now };
      return { ...t, status: 'done', result, pendingSince: null, ...(t.notice ? { notice: { ...t.notice, repliedAt: now, reply: r.summary.slice(0, 500) } } : {}) };
    },
    actor,
    'fulfilment.result_received',
    `${taskId}: ${r.outcome}: ${r.summary}`,
  );
}

async function save(deps: Pick<HttpDeps, 'repo' | 'clock'>, c: Case, taskId: string, change: (t: FulfilmentTask, now: string) => FulfilmentTask, actor: Actor, type: `fulfilment.${string}`, summary: string): Promise<Case> {
  const saved = await writeCase(deps, { tenantId: c.tenantId, caseId: c.id }, (current, now) => {
    const t = current.fulfilment?.tasks.find((x) => x.id === taskId);
    if (!current.fulfilment || !t || !isTaskOpen(t)) return null;
    const next = change(t, now.toISOString());
    return { patch: { fulfilment: { ...current.fulfilment, tasks: current.fulfilment.tasks.map((x) => (x.id === taskId ? next : x)) } }, events: [{ type, actor, visibility: 'internal', summary, details: { taskId } }] };
  });
  return saved ?? (await deps.repo.getCase(c.tenantId, c.id))!;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
