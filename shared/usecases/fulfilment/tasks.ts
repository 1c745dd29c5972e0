import { detail, noParams } from '#domain/error-details.ts';
import type { SubjectDataSet } from '#domain/answer.ts';
import type { Actor } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { isTaskOpen, replaceTask, type Fulfilment, type FulfilmentTask, type TaskOutcome, type TaskResult } from '#domain/fulfilment/tasks.ts';
import type { RightType } from '#domain/rights.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import type { DatabaseConnector, SignedRequests, TaskDataStore } from '#ports/fulfilment.ts';
import { runHttpTask } from './http-connector.ts';
import type { RegisterLookup } from '#tenants/fulfilment/registry.ts';
import { writeCase, type EventDraft } from '#usecases/case-writes.ts';

/** What the task use cases need; the API and the tests pass adapters in. */
export interface FulfilmentDeps {
  readonly repo: CaseRepository;
  readonly clock: Clock;
  readonly registers: RegisterLookup;
  /** The PostgreSQL connector (absent where no system uses one, e.g. a bundle without pg). */
  readonly database?: DatabaseConnector;
  /** Where the rows a task read are kept for the answer (the answers bucket). */
  readonly data: TaskDataStore;
  /** The HTTP connector's signed requests (webhook key). */
  readonly http?: SignedRequests;
}

export interface TaskRef {
  readonly tenantId: string;
  readonly caseId: string;
  readonly taskId: string;
}

const APPROVERS: readonly string[] = ['approver', 'admin'];

export async function loadTask(deps: Pick<FulfilmentDeps, 'repo'>, ref: TaskRef): Promise<{ c: Case; f: Fulfilment; task: FulfilmentTask }> {
  const c = await deps.repo.getCase(ref.tenantId, ref.caseId);
  if (!c) throw new NotFoundError(`Case ${ref.caseId} does not exist.`);
  const f = c.fulfilment;
  const task = f?.tasks.find((t) => t.id === ref.taskId);
  if (!f || !task) throw new NotFoundError(`Case ${c.reference} has no task "${ref.taskId}".`);
  return { c, f, task };
}

/** Saves one task's new state with its audit event (version-checked, retried on a race). */
async function saveTask(deps: Pick<FulfilmentDeps, 'repo' | 'clock'>, ref: TaskRef, change: (task: FulfilmentTask, c: Case, now: Date) => { task: FulfilmentTask; event: EventDraft } | null): Promise<Case> {
  const saved = await writeCase(deps, ref, (c, now) => {
    const task = c.fulfilment?.tasks.find((t) => t.id === ref.taskId);
    if (!c.fulfilment || !task) return null;
    const changed = change(task, c, now);
    if (!changed) return null;
    return { patch: { fulfilment: replaceTask(c.fulfilment, changed.task) }, events: [changed.event] };
  });
  return saved ?? (await loadTask(deps, ref)).c;
}

export const dataKeyOf = (ref: TaskRef) => `fulfilment/${ref.tenantId}/${ref.caseId}/${ref.taskId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;

/**
 * Runs a task's connector. Reads (access, portability) go straight through; an erasure first
 * needs a dry run (`mode: 'dry_run'`: what would change, rolled back), then an approver's `run`.
 *
 * Primary course: the task is open → the system's connector with the case's verified
 * identifiers only → reads: the rows are stored as JSON for the answer, the result is
 * found/not found with counts → erasure: the counts of rows deleted or masked, the result
 * erased (with what was kept, its reason and legal basis) → audit event. A finished task is
 * not run again (idempotent); a dry run may be repeated.
 * Example: `await runTask(deps, { tenantId: 'bajtel', caseId, taskId: 'access:shop_db', mode: 'run', actor, role: 'agent' })`.
 */
export async function runTask(deps: FulfilmentDeps, input: TaskRef & { readonly mode: 'run' | 'dry_run'; readonly actor: Actor; readonly role: string }): Promise<Case> {
  const { c, f, task } = await loadTask(deps, input);
  if (!isTaskOpen(task)) return c;
  if (task.target.kind !== 'system') throw new ConflictError(`Task ${task.id} is a recipient notice; it is sent when the systems' tasks are done.`);
  const system = deps.registers.get(c.tenantId).systems.find((s) => s.id === task.target.id);
  if (!system) throw new NotFoundError(`System ${task.target.id} is no longer in the register.`);
  const connector = system.connector;
  if (connector.kind === 'http') {
    if (!deps.http) throw new Error('No HTTP connector is configured here.');
    return runHttpTask({ ...deps, http: deps.http }, c, f, task, system, input.actor);
  }
  if (connector.kind !== 'postgres') throw new ConflictError(`Task ${task.id} uses the ${connector.kind} connector: its owner records the result.`);
  if (!deps.database) throw new Error('No PostgreSQL connector is configured here.');
  const identifiers = f.identifiers.filter((i) => system.searchableBy.includes(i.kind));
  const by = input.actor.id;
  if (isErasure(task.right)) {
    if (input.mode === 'run') {
      if (!task.dryRun) throw new ConflictError(`Erasure task ${task.id} needs a dry run first.`);
      if (!APPROVERS.includes(input.role)) throw new ForbiddenError('Carrying out an erasure needs the approver or admin role.');
    }
    const outcome = await deps.database.erase(connector, identifiers, { dryRun: input.mode === 'dry_run' });
    if (!outcome) throw new ConflictError(`No verified identifier the system "${system.name}" can be searched by; a person must look (record the result by hand).`);
    return saveTask(deps, input, (t, _c, now) => {
      if (!isTaskOpen(t)) return null;
      const at = now.toISOString();
      if (input.mode === 'dry_run') {
        return {
          task: { ...t, dryRun: { at, by, counts: outcome.counts } },
          event: { type: 'fulfilment.dry_run', actor: input.actor, visibility: 'internal', summary: `Dry run of ${t.id}: ${describe(outcome.counts)} would change; nothing was changed.`, details: { taskId: t.id, counts: outcome.counts } },
        };
      }
      const kept = connector.erasures.flatMap((e) => (e.action === 'mask' && e.kept ? [e.kept] : []));
      const result: TaskResult = {
        outcome: 'erased',
        summary: `Erased in ${system.name}: ${describe(outcome.counts)}.${kept.length ? ` Kept: ${kept.map((k) => k.data).join('; ')}.` : ''}`,
        ...(kept.length ? { reason: kept.map((k) => k.reason).join(' '), legalBasis: [...new Set(kept.map((k) => k.legalBasis))].join('; ') } : {}),
        counts: outcome.counts,
        by: input.actor,
        at,
      };
      return { task: { ...t, status: 'done', result }, event: { type: 'fulfilment.erased', actor: input.actor, visibility: 'internal', summary: result.summary, details: { taskId: t.id, counts: outcome.counts, dryRunAt: t.dryRun?.at ?? null } } };
    });
  }
  const read = await deps.database.read(connector, identifiers);
  if (!read) throw new ConflictError(`No verified identifier the system "${system.name}" can be searched by; a person must look (record the result by hand).`);
  const rows = Object.values(read.counts).reduce((a, b) => a + b, 0);
  let dataKey: string | undefined;
  if (rows > 0) {
    dataKey = dataKeyOf(input);
    await deps.data.put(dataKey, new TextEncoder().encode(JSON.stringify(read.sets)), 'application/json');
  }
  return saveTask(deps, input, (t, _c, now) => {
    if (!isTaskOpen(t)) return null;
    const result: TaskResult = { outcome: rows > 0 ? 'found' : 'not_found', summary: rows > 0 ? `Found in ${system.name}: ${describe(read.counts)}.` : `Nothing found in ${system.name}.`, counts: read.counts, ...(dataKey ? { dataKey } : {}), by: input.actor, at: now.toISOString() };
    return { task: { ...t, status: 'done', result }, event: { type: 'fulfilment.read', actor: input.actor, visibility: 'internal', summary: result.summary, details: { taskId: t.id, counts: read.counts } } };
  });
}

function isErasure(right: RightType): boolean {
  return right === 'erasure';
}

function describe(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts).map(([name, n]) => `${name} ${n}`).join(', ');
}

export interface ManualResult {
  readonly outcome: TaskOutcome;
  readonly summary: string;
  readonly reason?: string;
  readonly legalBasis?: string;
  /** data_file / found: the subject's data from this system, for the answer. */
  readonly data?: readonly SubjectDataSet[];
}

/**
 * The owner records a task's result (manual systems, or a person who looked where no verified
 * identifier fits). `kept` needs a reason and a legal basis. Recording again is refused: results
 * are evidence and never overwritten.
 * Example: `await recordTaskResult(deps, { …ref, actor, result: { outcome: 'not_found', summary: 'Not on the list' } })`.
 */
export async function recordTaskResult(deps: FulfilmentDeps, input: TaskRef & { readonly actor: Actor; readonly result: ManualResult }): Promise<Case> {
  const { task } = await loadTask(deps, input);
  const r = input.result;
  if (r.outcome === 'kept' && (!r.reason?.trim() || !r.legalBasis?.trim())) {
    throw new ValidationError('"kept" needs the reason and the legal basis.', [{ field: 'reason', message: 'required with kept' }, { field: 'legalBasis', message: 'required with kept' }], detail('kept_needs_basis', noParams));
  }
  if (!isTaskOpen(task)) throw new ConflictError(`Task ${task.id} is already ${task.status}.`);
  let dataKey: string | undefined;
  if (r.data?.length) {
    dataKey = dataKeyOf(input);
    await deps.data.put(dataKey, new TextEncoder().encode(JSON.stringify(r.data)), 'application/json');
  }
  return saveTask(deps, input, (t, _c, now) => {
    if (!isTaskOpen(t)) return null;
    const result: TaskResult = { outcome: r.outcome, summary: r.summary, ...(r.reason ? { reason: r.reason } : {}), ...(r.legalBasis ? { legalBasis: r.legalBasis } : {}), ...(dataKey ? { dataKey } : {}), by: input.actor, at: now.toISOString() };
    return { task: { ...t, status: 'done', result }, event: { type: 'fulfilment.result_recorded', actor: input.actor, visibility: 'internal', summary: `${t.id}: ${r.outcome}: ${r.summary}`, details: { taskId: t.id, outcome: r.outcome } } };
  });
}

/** Skips an open task with a written reason (e.g. the system never held this subject's data). */
export async function skipTask(deps: FulfilmentDeps, input: TaskRef & { readonly actor: Actor; readonly reason: string }): Promise<Case> {
  const reason = input.reason.trim();
  if (!reason) throw new ValidationError('Skipping a task needs a reason.', [{ field: 'reason', message: 'required' }]);
  const { task } = await loadTask(deps, input);
  if (!isTaskOpen(task)) throw new ConflictError(`Task ${task.id} is already ${task.status}.`);
  return saveTask(deps, input, (t, _c, now) =>
    isTaskOpen(t) ? { task: { ...t, status: 'skipped', skipped: { reason, by: input.actor.id, at: now.toISOString() } }, event: { type: 'fulfilment.skipped', actor: input.actor, visibility: 'internal', summary: `${t.id} skipped: ${reason}`, details: { taskId: t.id, reason } } } : null,
  );
}

/**
 * Adds a task for a system or recipient of the register that planning did not give the case
 * (staff know the subject is also there). Adding one that exists changes nothing.
 */
export async function addTask(deps: FulfilmentDeps, input: { readonly tenantId: string; readonly caseId: string; readonly right: RightType; readonly targetId: string; readonly reason: string; readonly actor: Actor }): Promise<Case> {
  const register = deps.registers.get(input.tenantId);
  const system = register.systems.find((s) => s.id === input.targetId);
  const recipient = register.recipients.find((r) => r.id === input.targetId);
  if (!system && !recipient) throw new ValidationError(`"${input.targetId}" is neither a system nor a recipient of the register.`, [{ field: 'targetId', message: 'unknown' }]);
  if (!input.reason.trim()) throw new ValidationError('Adding a task needs a reason.', [{ field: 'reason', message: 'required' }]);
  const saved = await writeCase(deps, input, (c, now) => {
    if (!c.fulfilment) throw new ConflictError(`Case ${c.reference} has no tasks yet: identity is not settled.`);
    const id = `${input.right}:${input.targetId}`;
    if (c.fulfilment.tasks.some((t) => t.id === id)) return null;
    const owner = (system ?? recipient)!.owner;
    const dueAt = c.fulfilment.tasks[0]?.dueAt ?? c.dueAt;
    const task: FulfilmentTask = {
      id,
      right: input.right,
      target: system ? { kind: 'system', id: system.id } : { kind: 'recipient', id: recipient!.id },
      name: (system ?? recipient)!.name,
      connector: system ? system.connector.kind : 'notice',
      owner: owner.staffId,
      ownerEmail: owner.email,
      dueAt,
      status: 'open',
      added: { by: input.actor.id, at: now.toISOString(), reason: input.reason.trim() },
    };
    return { patch: { fulfilment: { ...c.fulfilment, tasks: [...c.fulfilment.tasks, task] } }, events: [{ type: 'fulfilment.task_added', actor: input.actor, visibility: 'internal', summary: `Task ${id} added: ${input.reason.trim()}`, details: { taskId: id } }] };
  });
  if (saved) return saved;
  // Nothing written: the task was there already, or there is no such case in this tenant (a 404, never a 500).
  const current = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!current) throw new NotFoundError(`Case ${input.caseId} does not exist.`);
  return current;
}
