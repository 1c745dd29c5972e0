/**
 * A legal time period as Regulation (EEC, Euratom) No 1182/71 counts it (docs/design.md §1.4).
 * `source` names the policy clause that sets the period, so every computed date can say
 * which rule produced it.
 */
export type PeriodUnit = 'months' | 'days' | 'working_days' | 'hours';

export interface Period {
  readonly unit: PeriodUnit;
  readonly amount: number;
}

/** A calendar date in the controller's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** When a period ends: the local date (absent for hour periods) and the UTC instant. */
export interface Deadline {
  /** The controller's local date on which the period ends; `null` for periods in hours. */
  readonly dueDate: LocalDate | null;
  /** ISO 8601 UTC instant at which the period ends (end of `dueDate` in the controller's zone). */
  readonly dueAt: string;
}
