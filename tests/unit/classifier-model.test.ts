import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreement, opensWithoutStaff } from '#domain/classifier/agreement.ts';
import { decodeModel, modelProbabilities, type LinearModel } from '#domain/classifier/model.ts';
import { MODEL_WEIGHTS } from '#domain/classifier/model-weights.ts';
import { requestText } from '#domain/classifier/request-text.ts';
import { classifyRights, loadRightsModel } from '#domain/classify-rights.ts';
import { RIGHT_TYPES, type RightType } from '#domain/rights.ts';
import { OUTPUT, trainedModule } from '../../tools/train-classifier.ts';

let model: LinearModel;
beforeAll(async () => {
  model = await loadRightsModel();
});

const top = (p: Partial<Record<RightType, number>>) => (Object.entries(p) as Array<[RightType, number]>).sort((a, b) => b[1] - a[1])[0]![0];

describe('the statistical reading of requests (shared/domain/classifier/model.ts)', () => {
  it('is the committed weights, exactly what `npm run train:classifier` produces from the corpus (they cannot drift)', () => {
    expect(trainedModule()).toBe(readFileSync(OUTPUT, 'utf8'));
  }, 120_000);

  it('reads deterministically: the same text gives the same probabilities, decoded once or again', () => {
    const text = requestText('Prašymas', 'Prašau ištrinti mano paskyrą ir visus duomenis.');
    const a = modelProbabilities(model, text);
    const b = modelProbabilities(decodeModel(MODEL_WEIGHTS), text);
    expect(b).toEqual(a);
    expect(Object.keys(a).sort()).toEqual([...RIGHT_TYPES].sort());
    expect(a.erasure).toBeGreaterThan(0.9);
  });

  // Written for this test, in wording the corpus does not use (checked: none of these sentences or
  // their key phrases — "pakoreguoti", "wipe my profile", "leidimą naudoti", "to a competitor" — is in tests/fixtures/classifier).
  it.each([
    ['Could you tell me everything your company has stored about me, please?', 'access'],
    ['Kindly wipe my profile from your servers, I no longer use your service.', 'erasure'],
    ['Mano pavardė po vestuvių pasikeitė, prašyčiau tai pakoreguoti jūsų sistemoje.', 'rectification'],
    ['Nebesiųskite man jokių reklaminių žinučių.', 'direct_marketing_objection'],
    ['I would like to take my purchase history to a competitor in a format their system can import.', 'portability'],
    ['Atšaukiu anksčiau duotą leidimą naudoti mano nuotrauką.', 'consent_withdrawal'],
    ['Your algorithm refused my credit application; I want a person to look at it again.', 'automated_decision_review'],
    ['Kas yra jūsų duomenų apsaugos pareigūnas?', 'information'],
  ] as const)('a paraphrase it was not trained on: "%s" is most likely %s', (text, right) => {
    expect(top(modelProbabilities(model, requestText('', text)))).toBe(right);
  });

  it('does not read a refused right ("nenoriu, kad ištrintumėte") or our own words quoted in a reply as asked', () => {
    const refused = 'Nenoriu, kad ištrintumėte mano paskyrą.';
    expect(modelProbabilities(model, requestText('', refused)).erasure).toBeLessThan(0.5);
    expect(classifyRights(refused).rights).not.toContain('erasure');
    const quoted = 'Thanks!\n\nOn Mon, 1 Dec 2026, Softera <privacy@softera.lt> wrote:\n> You asked us to erase your data and send you a copy.';
    const p = modelProbabilities(model, requestText('Re: Request received', quoted));
    expect(p.erasure).toBeLessThan(0.5);
    expect(p.access).toBeLessThan(0.5);
    const c = classifyRights(quoted, 'Re: Request received');
    expect(c.matches).toEqual([]);
    expect(c.needsConfirmation).toBe(true);
  });
});

describe('rules and model together (shared/domain/classifier/agreement.ts)', () => {
  it('opens a right without staff only when the model agrees with the rules', () => {
    const c = classifyRights('Prašau ištrinti mano duomenis');
    expect(c.rights).toEqual(['erasure']);
    expect(c.modelAgrees).toBe(true);
    expect(c.needsConfirmation).toBe(false);
    expect(c.model?.erasure).toBeGreaterThan(0.9);
  });

  it('sends a confident rules reading to staff when the model finds it unlikely (a model that reads nothing doubts everything)', () => {
    const doubting: LinearModel = { rights: RIGHT_TYPES, buckets: 8, weights: RIGHT_TYPES.map(() => new Int8Array(8)), scales: RIGHT_TYPES.map(() => 1), biases: RIGHT_TYPES.map(() => -10) };
    const c = classifyRights('Prašau ištrinti mano duomenis', '', doubting);
    expect(c.rights).toEqual(['erasure']);
    expect(c.modelAgrees).toBe(false);
    expect(c.needsConfirmation).toBe(true);
    expect(c.confident).toBe(false);
  });

  it('sends to staff a right the model is sure of and the rules missed, and a reading the rules were unsure of, whatever the model says', () => {
    expect(agreement(['access'], { access: 0.9, erasure: 0.85 })).toEqual({ agrees: false, doubted: [], missed: ['erasure'] });
    expect(agreement(['access'], { access: 0.9, information: 0.85 }).missed).toEqual(['information']);
    expect(agreement(['access'], { access: 0.1 }).doubted).toEqual(['access']);
    expect(opensWithoutStaff(['erasure'], false, { erasure: 0.99 })).toBe(false);
    expect(opensWithoutStaff([], true, { erasure: 0.99 })).toBe(false);
    expect(opensWithoutStaff(['erasure'], true, { erasure: 0.99 })).toBe(true);
  });

  it('with no model loaded, no reading opens without staff (never information silently)', () => {
    const c = classifyRights('Prašau ištrinti mano duomenis', '', null);
    expect(c.rights).toEqual(['erasure']);
    expect(c.needsConfirmation).toBe(true);
    const nothing = classifyRights('Laba diena', '', null);
    expect(nothing.rights).toEqual(['information']);
    expect(nothing.needsConfirmation).toBe(true);
  });
});
