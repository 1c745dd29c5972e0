import { describe, expect, it } from 'vitest';
import { withOverdueMetric } from '#adapters/metrics/overdue-metric.ts';
import type { Case } from '#domain/case.ts';
import type { StaffAlerts } from '#domain/ports.ts';

describe('withOverdueMetric', () => {
  const c = { id: 'case-1', tenantId: 'gautora' } as Case; // only the ids are read
  const sent: string[] = [];
  const inner: StaffAlerts = { alert: async (_c, a) => void sent.push(a.kind) };

  it('publishes one CasesOverdue point in Embedded Metric Format when a case is escalated', async () => {
    const lines: string[] = [];
    await withOverdueMetric(inner, (l) => lines.push(l)).alert(c, { kind: 'deadline_escalation', message: 'overdue', dueAt: '2026-12-21T21:59:59.999Z' });
    expect(sent).toContain('deadline_escalation');
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0] ?? '{}') as { CasesOverdue: number; _aws: { CloudWatchMetrics: Array<{ Namespace: string; Metrics: Array<{ Name: string }> }> } };
    expect(emf.CasesOverdue).toBe(1);
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Rightsdesk', Metrics: [{ Name: 'CasesOverdue' }] });
  });

  it('publishes nothing for reminders', async () => {
    const lines: string[] = [];
    await withOverdueMetric(inner, (l) => lines.push(l)).alert(c, { kind: 'deadline_reminder', message: 'due soon' });
    expect(lines).toEqual([]);
  });
});
