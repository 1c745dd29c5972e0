/** Every rightsdesk metric lives in one CloudWatch namespace. */
export const METRIC_NAMESPACE = 'Rightsdesk';

/** The metrics the alarms and the dashboard read (infra/service-stack.ts). */
export const METRICS = {
  /** Gauge: open cases past their due date in force, in total and per `TenantId` (functions/overdue-gauge). */
  casesOverdue: 'CasesOverdue',
  /** Count: escalations the deadline timer sent (one per overdue case and repeat). */
  caseEscalations: 'CaseEscalations',
} as const;

/**
 * One CloudWatch Embedded Metric Format log line: CloudWatch turns it into metric data without an
 * SDK call or an IAM permission, and locally it is just a log line. `dimensions` become both the
 * metric's dimensions and properties of the line; `context` is logged beside it, not a dimension.
 */
export function emfLine(
  metrics: Readonly<Record<string, number>>,
  options: { readonly dimensions?: Readonly<Record<string, string>>; readonly context?: Readonly<Record<string, unknown>>; readonly timestamp?: number } = {},
): string {
  const dimensions = options.dimensions ?? {};
  return JSON.stringify({
    _aws: {
      Timestamp: options.timestamp ?? Date.now(),
      CloudWatchMetrics: [{ Namespace: METRIC_NAMESPACE, Dimensions: [Object.keys(dimensions)], Metrics: Object.keys(metrics).map((Name) => ({ Name, Unit: 'Count' })) }],
    },
    ...options.context,
    ...dimensions,
    ...metrics,
  });
}
