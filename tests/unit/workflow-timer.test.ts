import { describe, expect, it } from 'vitest';
import { openCase } from '#domain/open-case.ts';
import type { Case } from '#domain/case.ts';
import { alertsToSend, DEFAULT_WORKFLOW_SETTINGS, planTimer, timerPoints } from '#domain/workflow.ts';
import { tenantRegistry } from '#tenants/registry.ts';

const settings = DEFAULT_WORKFLOW_SETTINGS;

function newCase(tenantId: string, receivedAt: string, overrides: Partial<Case> = {}, rights: Array<'access' | 'direct_marketing_objection'> = ['access']): Case {
  const tenant = tenantRegistry.get(tenantId);
  const opened = openCase({
    tenant,
    id: 'c1',
    referenceNumber: 1,
    channel: 'email',
    receivedAt: new Date(receivedAt),
    request: { rights: rights.map((type) => ({ type })), subject: { name: 'Ona', email: 'ona@example.lt' } },
    actor: { kind: 'subject', id: 'ona' },
    earlierRequests: [],
    now: new Date(receivedAt),
  });
  return { ...opened.case, status: 'in_progress', ...overrides };
}

describe('planTimer', () => {
  it('sleeps until the first reminder, 7 days before the due date', () => {
    const c = newCase('softera', '2027-03-01T08:00:00Z');
    expect(planTimer(c, settings, new Date('2027-03-02T00:00:00Z'))).toEqual({ action: 'wait', until: new Date(Date.parse(c.dueAt) - 7 * 86_400_000).toISOString() });
  });

  it('alerts when a point is due and stops once the case is no longer open', () => {
    const c = newCase('softera', '2027-03-01T08:00:00Z');
    const plan = planTimer(c, settings, new Date(c.dueAt));
    expect(plan.action).toBe('alert');
    expect(planTimer({ ...c, status: 'closed' }, settings, new Date(c.dueAt))).toEqual({ action: 'stop' });
  });

  it('moves every point with the due date in force (an extension needs no new timer)', () => {
    const c = newCase('softera', '2027-03-01T08:00:00Z');
    const extended = { ...c, extended: true, dueAt: c.deadlines.extended.dueAt, dueDate: c.deadlines.extended.dueDate! };
    expect(timerPoints(extended, settings).every((p) => p.dueAt === extended.dueAt)).toBe(true);
  });

  it('never repeats an alert it already sent, and escalates again a week later', () => {
    const c = newCase('softera', '2027-03-01T08:00:00Z');
    const due = planTimer(c, settings, new Date(Date.parse(c.dueAt) + 1000));
    if (due.action !== 'alert') throw new Error('expected alerts');
    const sent = alertsToSend(due.due);
    expect(sent.map((p) => p.kind).sort()).toEqual(['deadline_escalation', 'deadline_reminder']);
    const after = { ...c, timer: { fired: due.due.map((p) => p.key) } };
    expect(planTimer(after, settings, new Date(Date.parse(c.dueAt) + 1000))).toEqual({ action: 'wait', until: new Date(Date.parse(c.dueAt) + 7 * 86_400_000).toISOString() });
  });

  it('adds the 14-working-day invalid-request points for Gautora while validity is open', () => {
    const c = newCase('gautora', '2027-03-01T08:00:00Z', { status: 'awaiting_identity' });
    expect(timerPoints(c, settings).map((p) => p.kind)).toContain('invalid_notice_due');
    expect(timerPoints({ ...c, status: 'in_progress' }, settings).map((p) => p.kind)).not.toContain('invalid_notice_due');
  });

  it('adds the 72-hour points for a Lytagra direct marketing objection', () => {
    const c = newCase('lytagra', '2027-03-05T13:30:00Z', {}, ['direct_marketing_objection']);
    const points = timerPoints(c, settings).filter((p) => p.kind.startsWith('marketing'));
    expect(points.map((p) => [p.kind, p.at])).toEqual([
      ['marketing_objection_reminder', '2027-03-07T14:00:00.000Z'],
      ['marketing_objection_due', '2027-03-08T14:00:00.000Z'],
    ]);
  });
});
