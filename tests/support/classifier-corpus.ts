import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyRights, loadRightsModel } from '#domain/classify-rights.ts';
import { RIGHT_TYPES, type RightType } from '#domain/rights.ts';

/**
 * The labelled request corpus (tests/fixtures/classifier, see its README) and the figures
 * `npm run bench:classifier` prints and tests/unit/classifier-corpus.test.ts holds to.
 */
/** The shipped model (a lazily loaded chunk in the bundles), loaded once here so the figures are those of the classifier as deployed. */
const model = await loadRightsModel();

export interface LabelledRequest {
  readonly id: string;
  readonly lang: 'lt' | 'en';
  readonly subject: string;
  readonly body: string;
  /** What the request asks for; empty when it asks for nothing (a thank-you, a quoted reply). */
  readonly rights: readonly RightType[];
}

export function loadCorpus(name: 'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7' | 'heldout8' | 'heldout9' | 'heldout10' | 'heldout11' | 'train-t1' | 'train-t2' | 'train-t3' | 'train-t4' | 'train-t5' | 'service'): LabelledRequest[] {
  return loadFile(fileURLToPath(new URL(`../fixtures/classifier/${name}.jsonl`, import.meta.url)));
}

/** Any file in the corpus format (one `{ id, lang, subject, body, rights }` a line), e.g. a new blind set. */
export function loadFile(path: string): LabelledRequest[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, n) => {
      const r = JSON.parse(line) as Partial<LabelledRequest>;
      if (typeof r.id !== 'string' || typeof r.body !== 'string' || !Array.isArray(r.rights)) throw new Error(`${path}:${n + 1}: expected { id, lang, subject, body, rights }`);
      return { id: r.id, lang: r.lang === 'lt' ? 'lt' : 'en', subject: r.subject ?? '', body: r.body, rights: r.rights };
    });
}

export interface RightFigures {
  readonly right: RightType;
  readonly support: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Null when the classifier never proposed the right (nothing to be precise about). */
  readonly precision: number | null;
  readonly recall: number | null;
  /** Precision over the requests opened without staff confirmation only: what the system acts on by itself. */
  readonly autoPrecision: number | null;
}

export interface CorpusFigures {
  readonly size: number;
  readonly perRight: readonly RightFigures[];
  /** Requests whose proposed rights are exactly the labelled ones. */
  readonly exact: number;
  /** Requests sent to staff to confirm their rights. */
  readonly toStaff: number;
  /** Requests that open as `information` with no staff confirmation although they ask for another right: must be 0. */
  readonly silentInformation: number;
  /** Requests where the model agrees with the rules' reading (classifier/agreement.ts), and how many of those the rules read exactly. */
  readonly agreement: { readonly agree: number; readonly agreeExact: number; readonly disagreeExact: number };
  readonly errors: ReadonlyArray<{ id: string; expected: readonly RightType[]; got: readonly RightType[]; needsConfirmation: boolean }>;
}

/** What a case opens with, minus the `information` placeholder of a request nothing was read in (it goes to staff). */
export function proposedRights(r: LabelledRequest): { rights: RightType[]; needsConfirmation: boolean; placeholder: boolean; opened: readonly RightType[]; modelAgrees: boolean } {
  const c = classifyRights(r.body, r.subject, model);
  const placeholder = c.matches.length === 0;
  return { rights: placeholder ? [] : [...c.rights], needsConfirmation: c.needsConfirmation === true, placeholder, opened: c.rights, modelAgrees: c.modelAgrees === true };
}

export function figures(corpus: readonly LabelledRequest[]): CorpusFigures {
  const counts = new Map<RightType, { tp: number; fp: number; fn: number; support: number; autoTp: number; autoFp: number }>(RIGHT_TYPES.map((r) => [r, { tp: 0, fp: 0, fn: 0, support: 0, autoTp: 0, autoFp: 0 }]));
  let exact = 0;
  let toStaff = 0;
  let silentInformation = 0;
  const agreement = { agree: 0, agreeExact: 0, disagreeExact: 0 };
  const errors: Array<CorpusFigures['errors'][number]> = [];
  for (const r of corpus) {
    const got = proposedRights(r);
    if (got.needsConfirmation) toStaff += 1;
    const c = { rights: got.opened };
    if (!got.needsConfirmation && c.rights.length === 1 && c.rights[0] === 'information' && !(r.rights.length === 1 && r.rights[0] === 'information')) silentInformation += 1;
    for (const right of RIGHT_TYPES) {
      const k = counts.get(right)!;
      const expected = r.rights.includes(right);
      const predicted = got.rights.includes(right);
      if (expected) k.support += 1;
      if (predicted && !got.needsConfirmation) {
        if (expected) k.autoTp += 1;
        else k.autoFp += 1;
      }
      if (expected && predicted) k.tp += 1;
      else if (predicted) k.fp += 1;
      else if (expected) k.fn += 1;
    }
    const same = got.rights.length === r.rights.length && got.rights.every((x) => r.rights.includes(x));
    if (got.modelAgrees) agreement.agree += 1;
    if (same && got.modelAgrees) agreement.agreeExact += 1;
    if (same && !got.modelAgrees) agreement.disagreeExact += 1;
    if (same) exact += 1;
    else errors.push({ id: r.id, expected: r.rights, got: got.rights, needsConfirmation: got.needsConfirmation });
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  const perRight = RIGHT_TYPES.map((right) => {
    const k = counts.get(right)!;
    return { right, support: k.support, tp: k.tp, fp: k.fp, fn: k.fn, precision: ratio(k.tp, k.tp + k.fp), recall: ratio(k.tp, k.tp + k.fn), autoPrecision: ratio(k.autoTp, k.autoTp + k.autoFp) };
  });
  return { size: corpus.length, perRight, exact, toStaff, silentInformation, agreement, errors };
}
