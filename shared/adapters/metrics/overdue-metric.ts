import type { Case } from '#domain/case.ts';
import type { StaffAlerts } from '#domain/ports.ts';

/** The metric the "cases overdue" alarm watches (infra/service-stack.ts OVERDUE_METRIC). */
export const OVERDUE_METRIC = { namespace: 'Rightsdesk', name: 'CasesOverdue' } as const;

/**
 * Publishes a `CasesOverdue` data point whenever the deadline timer escalates a case, as a
 * CloudWatch Embedded Metric Format log line: CloudWatch turns it into a metric without an SDK
 * call or an IAM permission, and locally it is just a log line.
 */
export function withOverdueMetric(inner: StaffAlerts, log: (line: string) => void = (line) => console.log(line)): StaffAlerts {
  return {
    async alert(c: Case, alert) {
      await inner.alert(c, alert);
      if (alert.kind !== 'deadline_escalation') return;
      log(
        JSON.stringify({
          _aws: {
            Timestamp: Date.now(),
            CloudWatchMetrics: [{ Namespace: OVERDUE_METRIC.namespace, Dimensions: [[]], Metrics: [{ Name: OVERDUE_METRIC.name, Unit: 'Count' }] }],
          },
          [OVERDUE_METRIC.name]: 1,
          tenantId: c.tenantId,
          caseId: c.id,
          dueAt: alert.dueAt,
        }),
      );
    },
  };
}
