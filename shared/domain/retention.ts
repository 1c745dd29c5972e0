import * as z from 'zod/mini';
import type { AuditEvent } from './audit.ts';
import type { Channel } from './channels.ts';
import type { Outcome } from './outcome.ts';
import type { RightStatus, RightType } from './rights.ts';

/**
 * How long a controller keeps a closed case, counted from its closure, and why
 * (docs/accountability.md). `source` is the policy clause the period comes from, or null where the
 * policy names no period for rights-request records: then `reason` says why this default.
 */
const retentionRule = () =>
  z.object({
  period: z.object({ unit: z.enum(['years', 'months', 'days']), amount: z.int().check(z.positive(), z.lte(100 * 366)) }),
  source: z.nullable(z.string().check(z.minLength(3))),
    reason: z.string().check(z.minLength(10)),
  });
let schema: ReturnType<typeof retentionRule> | undefined;
/** Built on first use (bundles that only read the type carry no schema code). */
export const retentionRuleSchema = () => (schema ??= retentionRule());
export type RetentionRule = z.infer<ReturnType<typeof retentionRule>>;

/** Each tenant's rule validated with `retentionRuleSchema`; throws zod's error, whose path names the tenant and the field. */
export function validateRetentionRules(rules: Readonly<Record<string, RetentionRule>>): Readonly<Record<string, RetentionRule>> {
  return z.record(z.string(), retentionRuleSchema()).parse(rules);
}

/** The instant a closed case's retention period ends (calendar arithmetic in UTC). */
export function retentionEndsAt(closedAt: string, rule: Pick<RetentionRule, 'period'>): string {
  const end = new Date(closedAt);
  const { unit, amount } = rule.period;
  if (unit === 'years') end.setUTCFullYear(end.getUTCFullYear() + amount);
  else if (unit === 'months') end.setUTCMonth(end.getUTCMonth() + amount);
  else end.setTime(end.getTime() + amount * 86_400_000);
  return end.toISOString();
}

export const LEGAL_HOLD_PLACED = 'retention.hold_placed';
export const LEGAL_HOLD_LIFTED = 'retention.hold_lifted';

export interface LegalHold {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** The legal hold in force, from the case's audit trail (the last place/lift wins), or null. */
export function legalHoldOf(events: readonly AuditEvent[]): LegalHold | null {
  let hold: LegalHold | null = null;
  for (const e of events) {
    if (e.type === LEGAL_HOLD_PLACED) hold = { reason: String(e.details?.reason ?? ''), by: e.actor.id, at: e.at };
    else if (e.type === LEGAL_HOLD_LIFTED) hold = null;
  }
  return hold;
}

/** When the case was closed: the last status change to `closed`, or null while it is not. */
export function closedAtOf(events: readonly AuditEvent[]): string | null {
  let at: string | null = null;
  for (const e of events) if (e.type === 'case.status_changed' && e.details?.to === 'closed') at = e.at;
  return at;
}

/**
 * What stays of a purged case: enough for the register and statistics (reference, dates,
 * rights, outcome, timeliness), nothing about the person (no name, address, text or files).
 */
export interface Tombstone {
  readonly tenantId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly channel: Channel;
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly extended: boolean;
  readonly answeredAt: string | null;
  readonly closedAt: string;
  readonly outcome: Outcome;
  readonly rights: ReadonlyArray<{ readonly type: RightType; readonly status: RightStatus }>;
  readonly identityMethod: string | null;
  readonly retention: { readonly endsAt: string; readonly source: string | null };
  readonly purgedAt: string;
}
