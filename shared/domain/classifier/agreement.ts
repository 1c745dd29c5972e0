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
  /**
   * Per right, a higher bar than `agree` / `agreeSeveral` for that right, alone or beside others: the rights whose rules reading
   * was wrong more often on text the rules had not seen (chosen leave-one-set-out: tools/classifier-thresholds.ts).
   */
  readonly byRight?: Partial<Record<RightType, number>>;
}

/**
 * Chosen on 2026-12-05 by `npm run train:classifier -- --choose` on the nine sets the rules had not seen (n, t, b1–b4, t1–t3):
 * access and erasure were read wrongly without staff more often than the others,
 * so the model must agree more strongly before they open (figures: docs/channels.md, "Training on t1–t3").
 * Kept after b5, b6, t4 and t5 (13 folds): chosen again without each set, thresholds gave no better precision on it and sent more
 * to staff (docs/channels.md, "After b5 and b6").
 */
export const THRESHOLDS: Thresholds = { agree: 0.15, agreeSeveral: 0.1, miss: 0.6, byRight: { access: 0.9, erasure: 0.3 } };

const SIBLING: Partial<Record<RightType, RightType>> = { objection: 'direct_marketing_objection', direct_marketing_objection: 'objection' };

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
export function agreement(read: readonly RightType[], probabilities: Partial<Record<RightType, number>>, t: Thresholds = THRESHOLDS, named: readonly RightType[] = []): Agreement {
  // The per-right bars hold a right read alone; beside others the model gives each less (trained mostly on one-right mails), so `agreeSeveral` holds them.
  // A right the writer names in legal terms (named-right.ts) keeps the base bar.
  const doubted = read.filter((r) => (probabilities[r] ?? 0) < (read.length > 1 ? t.agreeSeveral : Math.max(t.agree, named.includes(r) ? 0 : (t.byRight?.[r] ?? 0))));
  // `information` too: a question about processing read as a request for one's own data asks for identity nobody needed.
  // The two objections are one article (21(1) and 21(2)); the rules tell them apart by the marketing named, which the model reads poorly,
  // so the model's sure objection beside a marketing objection the rules read (or the reverse) is no missed right.
  const missed = (Object.keys(probabilities) as RightType[]).filter((r) => !read.includes(r) && !read.includes(SIBLING[r] as RightType) && (probabilities[r] ?? 0) >= t.miss);
  return { agrees: doubted.length === 0 && missed.length === 0, doubted, missed };
}

/**
 * Whether a request opens without staff: the rules read some right with confidence and the model
 * agrees. The model only ever holds a reading back; it never opens one the rules were unsure of:
 * measured leave-one-set-out, letting it do so opened customer-service mail ("delete the duplicate
 * invoice") as erasure or rectification (docs/channels.md).
 */
export function opensWithoutStaff(read: readonly RightType[], rulesSure: boolean, probabilities: Partial<Record<RightType, number>>, t: Thresholds = THRESHOLDS, named: readonly RightType[] = []): boolean {
  return rulesSure && read.length > 0 && agreement(read, probabilities, t, named).agrees;
}
