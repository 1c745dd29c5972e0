import type { Actor } from '../audit.ts';
import type { Case } from '../case.ts';
import type { RightType } from '../rights.ts';
import type { VerifiedIdentifier } from './identifiers.ts';
import { ART19_RIGHTS } from './kinds.ts';
import type { FulfilmentRegister } from './register.ts';

/**
 * Fulfilment tasks (docs/fulfilment.md): once identity is settled, each right of a case gets one
 * task per system that serves it, and, for rights Art. 19 covers, one per recipient that
 * received the categories. A task is open until it has a result (or is skipped with a reason);
 * the answer cannot be approved while one is open.
 */
export const TASK_STATUSES = ['open', 'awaiting_callback', 'awaiting_reply', 'done', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_OUTCOMES = ['found', 'not_found', 'data_file', 'erased', 'kept'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

export type TaskTarget = { readonly kind: 'system'; readonly id: string } | { readonly kind: 'recipient'; readonly id: string };

export interface TaskResult {
  readonly outcome: TaskOutcome;
  readonly summary: string;
  /** kept: why, and on what legal basis (Art. 17(3)). */
  readonly reason?: string;
  readonly legalBasis?: string;
  /** Rows read or changed, per named statement. */
  readonly counts?: Readonly<Record<string, number>>;
  /** Where the data read live (the answers bucket): JSON of `SubjectDataSet[]`. */
  readonly dataKey?: string;
  readonly by: Actor;
  readonly at: string;
}

export interface DryRun {
  readonly at: string;
  readonly by: string;
  /** Rows each named statement would change. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface RecipientNotice {
  readonly sentAt: string;
  readonly messageId: string;
  readonly replyDueAt: string;
  readonly repliedAt?: string;
  readonly reply?: string;
}

export interface FulfilmentTask {
  /** `<right>:<system or recipient id>`: planning twice gives the same tasks. */
  readonly id: string;
  readonly right: RightType;
  readonly target: TaskTarget;
  readonly name: string;
  readonly connector: 'manual' | 'http' | 'postgres' | 'notice';
  readonly owner: string;
  readonly ownerEmail: string;
  /** Internal due instant, inside the legal deadline. */
  readonly dueAt: string;
  /** When the owner is reminded (the register's days before `dueAt`). */
  readonly remindAt?: string;
  readonly status: TaskStatus;
  readonly result?: TaskResult | null;
  readonly dryRun?: DryRun | null;
  readonly notice?: RecipientNotice | null;
  /** Art. 19: a sender holds the notice until this instant (claim → send → record; issue 11). */
  readonly noticeClaimUntil?: string | null;
  /** http: the request sent, awaiting a signed callback. */
  readonly pendingSince?: string | null;
  readonly skipped?: { readonly reason: string; readonly by: string; readonly at: string } | null;
  readonly added?: { readonly by: string; readonly at: string; readonly reason: string } | null;
}

export interface Fulfilment {
  /** What identity proved, recorded when it was settled; the only search keys. */
  readonly identifiers: readonly VerifiedIdentifier[];
  readonly plannedAt: string;
  readonly tasks: readonly FulfilmentTask[];
}

const DAY_MS = 86_400_000;

/** A task's internal due instant: `daysBefore` the legal one, never before `now`. */
export function internalDueAt(legalDueAt: string, daysBefore: number, now: Date): string {
  return new Date(Math.max(Date.parse(legalDueAt) - daysBefore * DAY_MS, now.getTime())).toISOString();
}

/**
 * The tasks of a case whose identity is settled: per right, one per system serving it; for
 * rights Art. 19 covers, one per recipient holding a category of those systems; for access, one
 * per recipient, resolved from the register (the answer names recipients, Art. 15(1)(c)).
 * Example: Bajtel access → `access:shop_db` (postgres), `access:newsletter` (manual),
 * `access:courier` and `access:debt_recovery` (done: listed in the answer).
 */
export function planTasks(c: Pick<Case, 'rights' | 'dueAt'>, register: FulfilmentRegister, now: Date): FulfilmentTask[] {
  const dueAt = internalDueAt(c.dueAt, register.taskDueDaysBefore, now);
  const remindAt = new Date(Date.parse(dueAt) - register.taskReminderDaysBefore * DAY_MS).toISOString();
  const tasks: FulfilmentTask[] = [];
  const at = now.toISOString();
  for (const right of new Set(c.rights.map((r) => r.type))) {
    const systems = register.systems.filter((s) => s.rights.includes(right));
    for (const s of systems) {
      tasks.push({ id: `${right}:${s.id}`, right, target: { kind: 'system', id: s.id }, name: s.name, connector: s.connector.kind, owner: s.owner.staffId, ownerEmail: s.owner.email, dueAt, remindAt, status: 'open' });
    }
    const categories = new Set(systems.flatMap((s) => s.categories));
    const notify = (ART19_RIGHTS as readonly string[]).includes(right);
    for (const r of register.recipients) {
      if (notify && !r.categories.some((cat) => categories.has(cat))) continue;
      if (!notify && right !== 'access') continue;
      const base = { id: `${right}:${r.id}`, right, target: { kind: 'recipient' as const, id: r.id }, name: r.name, connector: 'notice' as const, owner: r.owner.staffId, ownerEmail: r.owner.email, dueAt, remindAt };
      tasks.push(
        notify
          ? { ...base, status: 'open' }
          : {
              ...base,
              status: 'done',
              result: { outcome: 'found', summary: `Recipient (${r.kind}, ${r.role}) of: ${r.categories.join(', ')} (${r.source}).`, by: { kind: 'system', id: 'rightsdesk' }, at },
            },
      );
    }
  }
  return tasks;
}

export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['open', 'awaiting_callback', 'awaiting_reply'];

export function isTaskOpen(t: FulfilmentTask): boolean {
  return OPEN_TASK_STATUSES.includes(t.status);
}

/** Replaces one task (by id) in the list. */
export function replaceTask(f: Fulfilment, task: FulfilmentTask): Fulfilment {
  return { ...f, tasks: f.tasks.map((t) => (t.id === task.id ? task : t)) };
}

/** The systems' erasure tasks for `right` are all finished: recipients can be told. */
export function systemsSettled(f: Fulfilment, right: RightType): boolean {
  return f.tasks.filter((t) => t.right === right && t.target.kind === 'system').every((t) => !isTaskOpen(t));
}
