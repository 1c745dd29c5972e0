import type { Case } from '#domain/case.ts';
import type { StaffAlerts } from '#ports/cases.ts';
import type { OverdueGauge } from '#domain/overdue.ts';
import { emfLine, METRICS } from './emf.ts';

type Log = (line: string) => void;
const stdout: Log = (line) => console.log(line);

/**
 * Publishes a `CaseEscalations` data point whenever the deadline timer escalates a case (the
 * dashboard's escalation count; the alarm reads the `CasesOverdue` gauge below).
 */
export function withEscalationMetric(inner: StaffAlerts, log: Log = stdout): StaffAlerts {
  return {
    async alert(c: Case, alert) {
      await inner.alert(c, alert);
      if (alert.kind !== 'deadline_escalation') return;
      log(emfLine({ [METRICS.caseEscalations]: 1 }, { context: { tenantId: c.tenantId, caseId: c.id, dueAt: alert.dueAt } }));
    },
  };
}

/** The overdue gauge as metric data: the total (what the alarm watches) and one point per tenant. */
export function publishOverdueGauge(gauge: OverdueGauge, log: Log = stdout): void {
  const timestamp = Date.parse(gauge.at);
  log(emfLine({ [METRICS.casesOverdue]: gauge.total }, { timestamp }));
  for (const [tenantId, count] of Object.entries(gauge.byTenant)) log(emfLine({ [METRICS.casesOverdue]: count }, { dimensions: { TenantId: tenantId }, timestamp }));
}
