import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { opensWithoutStaff, THRESHOLDS, type Thresholds } from '#domain/classifier/agreement.ts';
import { probabilitiesOfSlots } from '#domain/classifier/model.ts';
import { namedRights } from '#domain/classifier/named-right.ts';
import { requestText } from '#domain/classifier/request-text.ts';
import { readByRules } from '#domain/classify-rights.ts';
import { RIGHT_TYPES, type RightType } from '#domain/rights.ts';
import { example, SETTINGS, train, weightsModule, type TrainingSettings } from './classifier-training.ts';

/**
 * `npm run train:classifier`: trains the statistical reading of requests on every labelled set
 * (tests/fixtures/classifier) and writes shared/domain/classifier/model-weights.ts.
 *
 * `npm run train:classifier -- --loso [--per-right] [--buckets N] [--l2 X] [--iterations N] [--agree X] [--several X] [--miss X] [--errors]`,
 * `--grid [--only heldout2,heldout3]`, `--choose [--errors]` (per-right thresholds chosen leave-one-set-out: tools/classifier-thresholds.ts)
 * or `--dump folds.json` (the folds' readings and probabilities, for `tsx tools/classifier-thresholds.ts --from folds.json`)
 * writes nothing: it trains once per set with that set left out and measures on it (leave one set
 * out), the model alone, the rules alone and the two together (classify-rights.ts), so settings
 * and thresholds are chosen on text the model was not trained on. For the sets the rules were later
 * corrected on (n, t, b1, b2, b3, b4, t1–t3), the rules' reading before the set was first seen
 * (first-run-rules.json) is measured as well: only that is text the rules had not seen either.
 */
export const SETS = ['dev', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'train-t1', 'train-t2', 'train-t3', 'train-t4', 'train-t5', 'service'] as const;
const fixture = (name: string) => fileURLToPath(new URL(`../tests/fixtures/classifier/${name}`, import.meta.url));
/** One labelled set (its format: tests/fixtures/classifier/README.md). Read here, not through the test support, which loads the model this script writes. */
export const loadSet = (name: (typeof SETS)[number]): LabelledRequest[] =>
  readFileSync(fixture(`${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledRequest);

interface LabelledRequest {
  readonly id: string;
  readonly subject: string;
  readonly body: string;
  readonly rights: readonly RightType[];
}
/** The generated weights, in this repository's own `shared/` tree (resolved from the repository root). */
export const OUTPUT = fileURLToPath(new URL('shared/domain/classifier/model-weights.ts', new URL('..', import.meta.url)));

/** The module the corpus trains to, with the shipped settings. */
export function trainedModule(settings: TrainingSettings = SETTINGS): string {
  const all = SETS.flatMap((s) => loadSet(s));
  const model = train(
    all.map((r) => example(r, settings.buckets)),
    settings,
  );
  return weightsModule(model, `${all.length} labelled requests (${SETS.join(', ')}); buckets ${settings.buckets}, l2 ${settings.l2}, ${settings.iterations} iterations.`);
}

export interface Read {
  readonly rights: readonly RightType[];
  readonly needsConfirmation: boolean;
}

interface Row {
  readonly label: readonly RightType[];
  readonly got: readonly RightType[];
  readonly staff: boolean;
}

function summary(rows: readonly Row[]): string {
  const staff = rows.filter((r) => r.staff).length;
  const exact = rows.filter((r) => r.got.length === r.label.length && r.got.every((x) => r.label.includes(x))).length;
  const silent = rows.filter((r) => !r.staff && r.got.length === 1 && r.got[0] === 'information' && !(r.label.length === 1 && r.label[0] === 'information')).length;
  const wrongAuto = rows.filter((r) => !r.staff && r.got.some((x) => !r.label.includes(x))).length;
  const parts: string[] = [];
  let low = 1;
  let lowAuto = 1;
  for (const right of RIGHT_TYPES.filter((x) => x !== 'information')) {
    const tp = rows.filter((r) => r.got.includes(right) && r.label.includes(right)).length;
    const fp = rows.filter((r) => r.got.includes(right) && !r.label.includes(right)).length;
    const atp = rows.filter((r) => !r.staff && r.got.includes(right) && r.label.includes(right)).length;
    const afp = rows.filter((r) => !r.staff && r.got.includes(right) && !r.label.includes(right)).length;
    const p = tp + fp ? tp / (tp + fp) : 1;
    const ap = atp + afp ? atp / (atp + afp) : 1;
    low = Math.min(low, p);
    lowAuto = Math.min(lowAuto, ap);
    if (ap < 0.95 && !process.argv.includes('--per-right')) parts.push(`${right} ${ap.toFixed(3)} (${afp} wrong)`);
  }
  if (process.argv.includes('--per-right'))
    for (const right of RIGHT_TYPES.filter((x) => x !== 'information')) {
      const count = (pick: (r: Row) => boolean) => rows.filter(pick).length;
      const tp = count((r) => r.got.includes(right) && r.label.includes(right));
      const fp = count((r) => r.got.includes(right) && !r.label.includes(right));
      const atp = count((r) => !r.staff && r.got.includes(right) && r.label.includes(right));
      const afp = count((r) => !r.staff && r.got.includes(right) && !r.label.includes(right));
      const fmt = (a: number, b: number) => (a + b ? (a / (a + b)).toFixed(3) : '–');
      parts.push(`${right} P ${fmt(tp, fp)} / without staff ${fmt(atp, afp)} (${atp + afp} opened)`);
    }
  return `exact ${exact}/${rows.length}, staff ${staff} (${((100 * staff) / rows.length).toFixed(1)} %), wrong right opened without staff ${wrongAuto}, silent information ${silent}, lowest precision ${low.toFixed(3)}, without staff ${lowAuto.toFixed(3)}${parts.length ? ` [${process.argv.includes('--per-right') ? 'per right' : 'below 0.95 without staff'}: ${parts.join(', ')}]` : ''}`;
}

export interface Fold {
  readonly set: (typeof SETS)[number];
  readonly ids: readonly string[];
  /** The request text of each (what the rules and the model read), for named-right.ts. */
  readonly texts: readonly string[];
  readonly labels: ReadonlyArray<readonly RightType[]>;
  readonly probs: ReadonlyArray<Partial<Record<RightType, number>>>;
  readonly rulesNow: readonly Read[];
  /** The rules' reading before the set was first seen (first-run-rules.json); null for the sets the rules were written on. */
  readonly rulesUnseen: readonly Read[] | null;
}

/** One model per set, trained on the others, and its probabilities on the set left out. */
export function folds(settings: TrainingSettings): Fold[] {
  const firstRun = JSON.parse(readFileSync(fixture('first-run-rules.json'), 'utf8')) as { reads: Record<string, Read> };
  const extracted = new Map(SETS.map((s) => [s, loadSet(s).map((r) => ({ r, e: example(r, settings.buckets) }))]));
  return SETS.map((held) => {
    const test = extracted.get(held)!;
    const model = train(
      SETS.filter((s) => s !== held).flatMap((s) => extracted.get(s)!.map((x) => x.e)),
      settings,
    );
    const rulesNow = test.map((x) => rulesRead(x.r));
    const rulesUnseen = test.every((x) => firstRun.reads[x.r.id]) ? test.map((x) => firstRun.reads[x.r.id]!) : null;
    return { set: held, ids: test.map((x) => x.r.id), texts: test.map((x) => requestText(x.r.subject, x.r.body)), labels: test.map((x) => x.r.rights), probs: test.map((x) => probabilitiesOfSlots(model, x.e.slots)), rulesNow, rulesUnseen };
  });
}

const combined = (f: Fold, reads: readonly Read[], t: Thresholds): Row[] =>
  f.labels.map((label, i) => ({ label, got: reads[i]!.rights, staff: !opensWithoutStaff(reads[i]!.rights, !reads[i]!.needsConfirmation, f.probs[i]!, t, namedRights(f.texts[i]!, reads[i]!.rights)) }));
const alone = (f: Fold, reads: readonly Read[]): Row[] => f.labels.map((label, i) => ({ label, got: reads[i]!.rights, staff: reads[i]!.needsConfirmation }));

function loso(all: readonly Fold[], t: Thresholds): void {
  for (const f of all) {
    const modelRows = f.labels.map((label, i) => {
      const got = RIGHT_TYPES.filter((x) => (f.probs[i]![x] ?? 0) >= 0.5);
      return { label, got, staff: got.length === 0 };
    });
    console.log(`\n${f.set} (${f.labels.length}), model trained on the other sets:`);
    console.log(`  model alone (p ≥ 0.5)         ${summary(modelRows)}`);
    console.log(`  rules now                     ${summary(alone(f, f.rulesNow))}`);
    console.log(`  rules now + model             ${summary(combined(f, f.rulesNow, t))}`);
    if (f.rulesUnseen) {
      console.log(`  rules before the set was seen ${summary(alone(f, f.rulesUnseen))}`);
      console.log(`  the same + model              ${summary(combined(f, f.rulesUnseen, t))}`);
    }
  }
  let loss = 0;
  let count = 0;
  for (const f of all.filter((x) => x.set !== 'service'))
    f.labels.forEach((label, i) => {
      for (const r of RIGHT_TYPES) {
        const p = Math.min(1 - 1e-6, Math.max(1e-6, f.probs[i]![r] ?? 0));
        loss -= Math.log(label.includes(r) ? p : 1 - p);
        count += 1;
      }
    });
  console.log(`\nmodel alone, every set but service: log-loss per right ${(loss / count).toFixed(4)}`);
  const unseen = all.filter((f) => f.rulesUnseen);
  console.log('\npooled over the sets the rules had not seen (each with the rules before it was seen: first-run-rules.json):');
  console.log(`  rules                        ${summary(unseen.flatMap((f) => alone(f, f.rulesUnseen!)))}`);
  console.log(`  rules + model                ${summary(unseen.flatMap((f) => combined(f, f.rulesUnseen!, t)))}`);
  if (process.argv.includes('--errors'))
    for (const f of unseen)
      combined(f, f.rulesUnseen!, t).forEach((row, i) => {
        if (!row.staff && row.got.some((x) => !row.label.includes(x))) console.log(`  wrong without staff: ${f.set} #${i + 1} label [${row.label.join(', ')}] read [${row.got.join(', ')}] model ${JSON.stringify(Object.fromEntries(Object.entries(f.probs[i]!).map(([k, v]) => [k, Math.round(v * 100) / 100])))}`);
      });
}

/** Thresholds tried on the folds the rules had not seen, pooled; `only` restricts to some folds (calibrate on n, t, b1 and check on b2). */
function grid(all: readonly Fold[], only: readonly string[] | null): void {
  const unseen = all.filter((f) => f.rulesUnseen && (!only || only.includes(f.set)));
  console.log(`grid over ${unseen.map((f) => f.set).join(', ')}`);
  for (const agree of [0.1, 0.15, 0.2, 0.25, 0.3, 0.4])
    for (const agreeSeveral of [0.02, 0.05, 0.1, agree])
      for (const miss of [0.6, 0.7, 0.8, 0.9]) console.log(`agree ${agree} several ${agreeSeveral} miss ${miss}: ${summary(unseen.flatMap((f) => combined(f, f.rulesUnseen!, { agree, agreeSeveral, miss })))}`);
}

/** The rules' own reading (no model), with the placeholder of a request nothing was read in as no right. */
function rulesRead(r: LabelledRequest): Read {
  const c = readByRules(r.body, r.subject);
  return { rights: c.matches.length === 0 ? [] : c.rights, needsConfirmation: c.needsConfirmation === true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const settings: TrainingSettings = { buckets: flag('buckets') ?? SETTINGS.buckets, l2: flag('l2') ?? SETTINGS.l2, iterations: flag('iterations') ?? SETTINGS.iterations, learningRate: flag('lr') ?? SETTINGS.learningRate };
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : null;
  if (args.includes('--dump')) writeFileSync(args[args.indexOf('--dump') + 1]!, JSON.stringify(folds(settings)));
  // Not awaited at the top level: classifier-thresholds.ts imports this module, and a top-level await here would wait on itself (the process then exits silently).
  else if (args.includes('--choose')) void import('./classifier-thresholds.ts').then((m) => m.report(folds(settings)));
  else if (args.includes('--grid')) grid(folds(settings), only);
  else if (args.includes('--loso')) loso(folds(settings), { agree: flag('agree') ?? THRESHOLDS.agree, agreeSeveral: flag('several') ?? THRESHOLDS.agreeSeveral, miss: flag('miss') ?? THRESHOLDS.miss });
  else {
    writeFileSync(OUTPUT, trainedModule(settings));
    console.log(`wrote ${OUTPUT}`);
  }
}
