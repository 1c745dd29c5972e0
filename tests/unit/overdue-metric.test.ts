import { describe, expect, it } from 'vitest';
import { publishOverdueGauge, withEscalationMetric } from '#adapters/metrics/overdue-metric.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import type { Case } from '#domain/case.ts';
import type { StaffAlerts } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { measureOverdue } from '#usecases/overdue-gauge.ts';
import { storedCase } from '../support/identity-methods.ts';

interface Emf {
  readonly _aws: { readonly Timestamp: number; readonly CloudWatchMetrics: ReadonlyArray<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
  readonly [key: string]: unknown;
}
const parse = (line: string) => JSON.parse(line) as Emf;

describe('withEscalationMetric', () => {
  const c = { id: 'case-1', tenantId: 'gautora' } as Case; // only the ids are read
  const sent: string[] = [];
  const inner: StaffAlerts = { alert: async (_c, a) => void sent.push(a.kind) };

  it('publishes one CaseEscalations point in Embedded Metric Format when a case is escalated', async () => {
    const lines: string[] = [];
    await withEscalationMetric(inner, (l) => lines.push(l)).alert(c, { kind: 'deadline_escalation', message: 'overdue', dueAt: '2026-12-21T21:59:59.999Z' });
    expect(sent).toContain('deadline_escalation');
    expect(lines).toHaveLength(1);
    const emf = parse(lines[0]!);
    expect(emf).toMatchObject({ CaseEscalations: 1, tenantId: 'gautora', caseId: 'case-1' });
    expect(emf._aws.CloudWatchMetrics[0]).toEqual({ Namespace: 'Rightsdesk', Dimensions: [[]], Metrics: [{ Name: 'CaseEscalations', Unit: 'Count' }] });
  });

  it('publishes nothing for reminders', async () => {
    const lines: string[] = [];
    await withEscalationMetric(inner, (l) => lines.push(l)).alert(c, { kind: 'deadline_reminder', message: 'due soon' });
    expect(lines).toEqual([]);
  });
});

describe('the overdue gauge', () => {
  it('counts open cases past their due date per tenant, leaving out closed and not yet due ones', async () => {
    const repo = new InMemoryCaseRepository();
    const add = async (id: string, tenant: string, dueAt: string, status: Case['status'] = 'in_progress') => {
      const { c } = await storedCase({ tenant, channel: 'email', patch: { status } });
      await repo.createCase({ ...c, id, dueAt }, []);
    };
    await add('a', 'softera', '2026-11-20T21:59:59.999Z');
    await add('b', 'softera', '2026-11-21T09:59:59.999Z');
    await add('c', 'softera', '2026-11-21T10:00:00.001Z'); // due later today
    await add('d', 'softera', '2026-11-01T21:59:59.999Z', 'closed');
    await add('e', 'gautora', '2026-10-01T20:59:59.999Z', 'awaiting_identity');
    const gauge = await measureOverdue({ tenants: tenantRegistry, repo, clock: { now: () => new Date('2026-11-21T10:00:00Z') } });
    expect(gauge).toEqual({ at: '2026-11-21T10:00:00.000Z', byTenant: { softera: 2, gautora: 1, lytagra: 0, bajtel: 0, legalbalance: 0 }, total: 3 });
  });

  it('is published as the total the alarm watches and one point per TenantId', () => {
    const lines: string[] = [];
    publishOverdueGauge({ at: '2026-11-21T10:00:00.000Z', byTenant: { softera: 2, gautora: 0 }, total: 2 }, (l) => lines.push(l));
    const [total, ...perTenant] = lines.map(parse);
    expect(total).toMatchObject({ CasesOverdue: 2, _aws: { Timestamp: Date.parse('2026-11-21T10:00:00.000Z'), CloudWatchMetrics: [{ Dimensions: [[]] }] } });
    expect(perTenant).toEqual([
      expect.objectContaining({ CasesOverdue: 2, TenantId: 'softera', _aws: expect.objectContaining({ CloudWatchMetrics: [expect.objectContaining({ Dimensions: [['TenantId']] })] }) }),
      expect.objectContaining({ CasesOverdue: 0, TenantId: 'gautora' }),
    ]);
  });
});
