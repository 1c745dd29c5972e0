import type { RightType } from '../rights.ts';

/**
 * When the rules' reading of a request may be acted on without staff: only when the statistical
 * model (model.ts) agrees with it. The thresholds were chosen on leave-one-set-out predictions
 * (tools/train-classifier.ts --loso; figures in docs/channels.md, "The second opinion").
 */
export interface Thresholds {
  /** Each right the rules read needs at least this model probability. */
  readonly agree: number;
  /**
   * The same for each right of a reading with several: the model, trained mostly on requests for one
   * right, gives the second right of "I object to profiling and ask that a person review the
   * decision" less than it gives either alone.
   */
  readonly agreeSeveral: number;
  /** A right the rules did not read with at least this model probability may have been missed. */
  readonly miss: number;
}

export const THRESHOLDS: Thresholds = { agree: 0.15, agreeSeveral: 0.02, miss: 0.8 };

export interface Agreement {
  readonly agrees: boolean;
  /** Rights the rules read that the model finds unlikely. */
  readonly doubted: readonly RightType[];
  /** Rights the model finds likely and the rules did not read. */
  readonly missed: readonly RightType[];
}

/**
 * Example: the rules read `['access']` and the model gives access 0.91, erasure 0.85 → erasure may have
 * been missed: `{ agrees: false, doubted: [], missed: ['erasure'] }`, and staff confirm the rights.
 */
export function agreement(read: readonly RightType[], probabilities: Partial<Record<RightType, number>>, t: Thresholds = THRESHOLDS): Agreement {
  const doubted = read.filter((r) => (probabilities[r] ?? 0) < (read.length > 1 ? t.agreeSeveral : t.agree));
  // `information` too: a question about processing read as a request for one's own data asks for identity nobody needed.
  const missed = (Object.keys(probabilities) as RightType[]).filter((r) => !read.includes(r) && (probabilities[r] ?? 0) >= t.miss);
  return { agrees: doubted.length === 0 && missed.length === 0, doubted, missed };
}

/**
 * Whether a request opens without staff: the rules read some right with confidence and the model
 * agrees. The model only ever holds a reading back; it never opens one the rules were unsure of:
 * measured leave-one-set-out, letting it do so opened customer-service mail ("delete the duplicate
 * invoice") as erasure or rectification (docs/channels.md).
 */
export function opensWithoutStaff(read: readonly RightType[], rulesSure: boolean, probabilities: Partial<Record<RightType, number>>, t: Thresholds = THRESHOLDS): boolean {
  return rulesSure && read.length > 0 && agreement(read, probabilities, t).agrees;
}
