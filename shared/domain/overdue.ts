/** Open cases past their legal due date at one instant, per tenant (the `CasesOverdue` gauge). */
export interface OverdueGauge {
  readonly at: string;
  /** Open cases past their due date in force (extensions included), per tenant. */
  readonly byTenant: Readonly<Record<string, number>>;
  readonly total: number;
}
