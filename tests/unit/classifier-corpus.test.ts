import { beforeAll, describe, expect, it } from 'vitest';
import { classifyRights, loadRightsModel } from '#domain/classify-rights.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { figures, loadCorpus, proposedRights } from '../support/classifier-corpus.ts';

// The shipped model is a lazily loaded chunk (classifier/rights-model.ts): loaded as the inbound-email use case loads it.
beforeAll(() => loadRightsModel());

/** Every right but `information` needs the subject's identity (shared/domain/identity-policy.ts). */
const NEEDS_IDENTITY: readonly string[] = RIGHT_TYPES.filter((r) => r !== 'information');
const dev = loadCorpus('dev');
const heldout = loadCorpus('heldout');
/** Two later held-out parts (written on 2026-12-05, see the corpus README), judged together: alone each is too small for a recall figure. */
const later = [...loadCorpus('heldout2'), ...loadCorpus('heldout3')];
/** The blind set b1 (120, written by a collaborator who had not seen the classifier; see the corpus README for its first-run figures). */
const blind = loadCorpus('heldout4');
/** Some 600 mails are read for several assertions: on a loaded machine that outlasts the default 5 s. */
const READING_ALL = { timeout: 60_000 };

describe('the labelled corpus (tests/fixtures/classifier)', () => {
  it('has at least 150 requests in lt and en, every right in both parts, and unique ids', () => {
    expect(dev.length + heldout.length).toBeGreaterThanOrEqual(150);
    expect(new Set([...dev, ...heldout, ...later, ...blind].map((r) => r.id)).size).toBe(dev.length + heldout.length + later.length + blind.length);
    expect(blind.length).toBe(120);
    for (const part of [dev, heldout]) {
      for (const right of RIGHT_TYPES) expect(part.filter((r) => r.rights.includes(right)).length, `${right}`).toBeGreaterThanOrEqual(4);
      expect(part.filter((r) => r.lang === 'lt').length).toBeGreaterThan(part.length / 3);
      expect(part.filter((r) => r.lang === 'en').length).toBeGreaterThan(part.length / 3);
    }
  });

  it.each([
    ['development', dev],
    ['held-out', heldout],
    ['later held-out', later],
    ['blind b1 (heldout4)', blind],
  ] as const)('%s part: precision ≥ 0.95 for each right needing identity (with and without staff), recall ≥ 0.9, most requests read exactly', (_name, part) => {
    const f = figures(part);
    for (const r of f.perRight.filter((x) => NEEDS_IDENTITY.includes(x.right))) {
      expect(r.autoPrecision ?? 1, `${r.right} precision without staff`).toBeGreaterThanOrEqual(0.95);
      // Counting the rights staff are asked to confirm too (issue 16's review read 0.857 here for automated decisions).
      expect(r.precision ?? 1, `${r.right} precision of every proposal`).toBeGreaterThanOrEqual(0.95);
      expect(r.recall ?? 1, `${r.right} recall`).toBeGreaterThanOrEqual(0.9);
    }
    expect(f.exact / f.size).toBeGreaterThanOrEqual(0.9);
  }, READING_ALL.timeout);

  it('never opens an uncertain request as information silently: nothing read means staff confirm the rights', READING_ALL, () => {
    for (const r of [...dev, ...heldout, ...later, ...blind]) {
      const got = proposedRights(r);
      if (got.placeholder) expect(got.needsConfirmation, r.id).toBe(true);
    }
    expect(figures([...dev, ...heldout, ...later, ...blind]).silentInformation).toBe(0);
  });

  it('sends a reasonable share to staff: at most a quarter of each part (a classifier that asks about everything is no help)', READING_ALL, () => {
    for (const part of [dev, heldout, later, blind]) expect(figures(part).toStaff / part.length).toBeLessThanOrEqual(0.25);
  });

  it('opens no right without staff for customer-service mail that uses the rights\' verbs ("delete the duplicate invoice", "correct the order")', () => {
    const service = loadCorpus('service');
    expect(service.length).toBeGreaterThanOrEqual(15);
    for (const r of service) {
      expect(r.rights, r.id).toEqual([]);
      const got = proposedRights(r);
      expect(got.rights.length === 0 || got.needsConfirmation, `${r.id} opened ${got.rights.join(', ')} without staff`).toBe(true);
    }
  });

  it('on b1 (heldout4), reads every request exactly as labelled after development (the first-run figures are in the README)', () => {
    const f = figures(blind);
    expect(f.exact).toBe(blind.length);
    for (const r of f.perRight) expect(r.precision ?? 1, r.right).toBe(1);
  });
});

describe('the forms the issue names', () => {
  it.each(['Prašau ištrinti mano duomenis', 'Ištrinkite mano duomenis', 'Prašau mano duomenų ištrynimo', 'Prašau pašalinti mano duomenis', 'prasau istrinkite mano paskyra', 'Noriu, kad ištrintumėte mano paskyrą'])('"%s" is erasure, confidently', (text) => {
    const c = classifyRights(text);
    expect(c.rights).toEqual(['erasure']);
    expect(c.needsConfirmation).toBe(false);
    expect(c.confidence?.erasure).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    ['Prašau pateikti mano duomenis susistemintu, kompiuterio skaitomu formatu, kad galėčiau juos perduoti kitam paslaugų teikėjui', ['portability']],
    ['Prašau, kad sprendimą peržiūrėtų jūsų darbuotojas', ['automated_decision_review']],
    ['please correct it', ['rectification']],
    ['i want to see my data', ['access']],
  ])('"%s" → %j', (text, rights) => {
    expect(classifyRights(text).rights).toEqual(rights);
  });

  it('reads a forwarded request (access and erasure) and ignores the controller text quoted in a reply', () => {
    const forwarded = classifyRights('FYI\n\n---------- Forwarded message ---------\nFrom: A <a@example.com>\nSubject: data\n\nPlease send me a copy of my data … and delete everything.', 'Fwd: data');
    expect(forwarded.rights).toEqual(['access', 'erasure']);
    const reply = classifyRights('Thank you.\n\nOn Tue, 24 Nov 2026, Softera <privacy@softera.lt> wrote:\n> You asked us to erase your data.', 'Re: Request received');
    expect(reply.matches).toEqual([]);
    expect(reply.needsConfirmation).toBe(true);
  });

  it('a negated right is not opened but shown: "nenoriu, kad ištrintumėte" with access asked', () => {
    const c = classifyRights('Nenoriu, kad ištrintumėte mano duomenis, tik noriu susipažinti su savo duomenimis.');
    expect(c.rights).toEqual(['access']);
    expect(c.negated).toEqual(['erasure']);
  });

  it('"my personal data" with no verb proposes access with low confidence and asks staff (it never says information silently)', () => {
    const c = classifyRights('Laba diena, rašau dėl savo asmens duomenų.', '');
    expect(c.rights).toEqual(['access']);
    expect(c.confidence?.access).toBeLessThan(0.75);
    expect(c.needsConfirmation).toBe(true);
    expect(c.confident).toBe(false);
  });

  it('reads the request from the body when the subject is empty, and from the subject when the body is empty', () => {
    expect(classifyRights('Prašau ištrinti mano paskyrą', '').rights).toEqual(['erasure']);
    expect(classifyRights('', 'Unsubscribe').rights).toEqual(['direct_marketing_objection']);
  });
});
