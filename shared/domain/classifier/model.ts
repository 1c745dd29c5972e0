import type { RightType } from '../rights.ts';
import { featureSlots } from './features.ts';

/**
 * The statistical reading of a request: one logistic regression per right (one-vs-rest) over the
 * hashed features of features.ts, trained by `npm run train:classifier` (tools/train-classifier.ts)
 * on the labelled corpus and shipped as int8 weights (model-weights.ts, generated). Inference is a
 * sparse dot product: no library, nothing loaded at run time.
 *
 * The rules (classify-rights.ts) say which rights a request asks for and why; this model is the
 * second opinion that decides whether the rules' reading is safe to act on without staff
 * (classify-rights.ts, `agreement`).
 */
export interface LinearModel {
  readonly rights: readonly RightType[];
  readonly buckets: number;
  /** Per right: the slot weights (quantised; the real weight is `weight × scale`). */
  readonly weights: readonly ArrayLike<number>[];
  readonly scales: readonly number[];
  readonly biases: readonly number[];
}

/** Per right, the model's probability that the request asks for it. */
export function modelProbabilities(model: LinearModel, request: string): Partial<Record<RightType, number>> {
  return probabilitiesOfSlots(model, featureSlots(request, model.buckets));
}

/** The same for features already extracted (training evaluates many weight sets on one extraction). */
export function probabilitiesOfSlots(model: LinearModel, slots: readonly number[]): Partial<Record<RightType, number>> {
  // Each request's features are scaled to unit length, so a long mail is not more sure than a short one.
  const norm = slots.length > 0 ? 1 / Math.sqrt(slots.length) : 0;
  const out: Partial<Record<RightType, number>> = {};
  model.rights.forEach((right, k) => {
    const w = model.weights[k]!;
    let sum = 0;
    for (const s of slots) sum += w[s]!;
    const z = model.biases[k]! + model.scales[k]! * sum * norm;
    out[right] = 1 / (1 + Math.exp(-z));
  });
  return out;
}

/** Decodes the generated weights (base64 int8 rows). */
export function decodeModel(encoded: { rights: readonly RightType[]; buckets: number; scales: readonly number[]; biases: readonly number[]; weights: string }): LinearModel {
  const bytes = Uint8Array.from(atob(encoded.weights), (c) => c.charCodeAt(0));
  const all = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = encoded.rights.map((_, k) => all.subarray(k * encoded.buckets, (k + 1) * encoded.buckets));
  return { rights: encoded.rights, buckets: encoded.buckets, weights, scales: encoded.scales, biases: encoded.biases };
}
