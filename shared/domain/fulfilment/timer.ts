import type { Case } from '../case.ts';
import { isTaskOpen } from './tasks.ts';

/**
 * The deadline timer's points for fulfilment tasks (docs/fulfilment.md): a reminder to the owner
 * before the task's internal due date, and an escalation at it while the task is still open
 * (a recipient's reply due date for Art. 19 notices). Keys name the due instant, so a task
 * whose due date moves gets fresh points.
 */
export function taskTimerPoints(c: Pick<Case, 'fulfilment'>): Array<{ key: string; kind: 'task_reminder' | 'task_overdue'; at: string; dueAt: string; taskId: string }> {
  const points: Array<{ key: string; kind: 'task_reminder' | 'task_overdue'; at: string; dueAt: string; taskId: string }> = [];
  for (const t of c.fulfilment?.tasks ?? []) {
    if (!isTaskOpen(t)) continue;
    if (t.remindAt && t.remindAt < t.dueAt) points.push({ key: `task_reminder:${t.id}:${t.dueAt}`, kind: 'task_reminder', at: t.remindAt, dueAt: t.dueAt, taskId: t.id });
    points.push({ key: `task_overdue:${t.id}:${t.dueAt}`, kind: 'task_overdue', at: t.dueAt, dueAt: t.dueAt, taskId: t.id });
  }
  return points;
}
