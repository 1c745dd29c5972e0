import { describe, expect, it } from 'vitest';
import { readByRules } from '#domain/classify-rights.ts';

/**
 * The forms added after b5 and b6 (docs/channels.md, "After b5 and b6"), on sentences written here, not taken from any set:
 * restriction and Art. 22 review in everyday words, a right named as another's ground, and mails that ask nothing.
 * The rules alone (`readByRules`): whether the model then lets a reading open without staff is tested in classifier-model.test.ts.
 */
describe('restriction in everyday words (Art. 18(1)(c): keep it for a claim)', () => {
  it.each([
    ['Please keep the camera recordings from the 3rd of May and do not delete them, my lawyer needs them.', 'en'],
    ['Do not erase the call logs for March until the court case is over.', 'en'],
    ['Pending the outcome of the dispute, please refrain from destroying any records about my contract.', 'en'],
    ['Prašau išsaugoti gegužės 3 d. vaizdo įrašą ir jo neištrinti, nes jo reikės teisme.', 'lt'],
    ['prasau issaugoti geguzes 3 d. vaizdo irasa ir jo neistrinti, nes jo reikes teisme', 'lt without diacritics'],
    ['Neištrinkite mano pokalbių įrašų, kol nebus baigtas tyrimas.', 'lt'],
    ['Stabdykite mano duomenų naudojimą, kol išsiaiškinsime dėl skolos.', 'lt'],
    ['While you look into the disputed invoice, please do not share or pass my details to anyone.', 'en'],
    ['In the meantime please keep the parking camera video from Friday night.', 'en'],
    ['Please do not let the entrance camera recordings be overwritten, the police will ask for them.', 'en'],
    ['Prašome nenaikinti 2026 m. sausio 5 d. įrašų, kol bus baigtas ginčas.', 'lt, a date inside the sentence'],
    ['Prašau užšaldyti mano duomenis, kol išnagrinėsite skundą.', 'lt'],
  ])('"%s" (%s) is restriction, read with confidence', (text) => {
    const c = readByRules(text);
    expect(c.rights).toEqual(['restriction']);
    expect(c.needsConfirmation).toBe(false);
  });

  it('a bare "please do not delete my account" is no restriction (a negated erasure, for staff)', () => {
    const c = readByRules('Please do not delete my account, I still use it.');
    expect(c.rights).not.toContain('restriction');
    expect(c.needsConfirmation).toBe(true);
  });
});

describe('Art. 22 review asked with the person first, or passively', () => {
  it.each([
    ['Mano paraišką atmetė sistema. Noriu, kad žmogus peržiūrėtų šį sprendimą.'],
    ['mano paraiska atmete sistema. noriu kad zmogus perziuretu si sprendima'],
    ['The algorithm refused my loan. I want the decision reviewed by a person.'],
    ['My account was frozen by your automated checks. I would like someone real to look at this.'],
    ['The software turned my application down overnight. I want someone from your team to review it.'],
  ])('"%s" asks for the review', (text) => {
    expect(readByRules(text).rights).toContain('automated_decision_review');
  });

  it('"a person to look at my complaint" with no automated decision in the mail is no Art. 22 request', () => {
    expect(readByRules('The courier broke my parcel. I would like a person to look at my complaint.').rights).not.toContain('automated_decision_review');
  });
});

describe('a right named as the ground of another, not asked beside it', () => {
  it('the data behind a reviewed decision is at most a hint of access: staff confirm it (writers read it as the review\'s explanation or as access)', () => {
    const c = readByRules('Jūsų sistema automatiškai atmetė mano paraišką. Prašau, kad sprendimą peržiūrėtų darbuotojas ir paaiškintų, kokie duomenys tai lėmė.');
    expect(c.rights).toContain('automated_decision_review');
    expect(c.confidence?.automated_decision_review ?? 0).toBeGreaterThanOrEqual(0.75);
    expect(c.confidence?.access ?? 0).toBeLessThan(0.75);
    expect(c.needsConfirmation).toBe(true);
  });

  it('but a copy of one\'s data asked beside the review stays access', () => {
    const c = readByRules('The scoring system automatically rejected my application. I want it reviewed by a person. Please also send me a copy of all my personal data.');
    expect(c.rights).toEqual(['access', 'automated_decision_review']);
  });

  it('an inaccuracy stated as the reason for a pause is the restriction\'s ground, a correction asked is rectification too', () => {
    expect(readByRules('Mano sąskaitoje neteisingai nurodyta skola. Kol tai tikrinate, prašau mano duomenų nenaudoti.').rights).toEqual(['restriction']);
    expect(readByRules('My address is wrong, please correct it. Until you have, do not use it for anything.').rights).toEqual(['rectification', 'restriction']);
  });

  it('an objection named as pending is the restriction\'s ground', () => {
    expect(readByRules('Please restrict the use of my data while my objection to the usage analytics is being considered.').rights).toEqual(['restriction']);
  });
});

describe('mails that ask for nothing', () => {
  it('a forwarded notice of the controller\'s ("galite pateikti prašymą ištrinti…") asks nothing', () => {
    const c = readByRules('Persiunčiu. Nieko neprašau, tik informuoju.\n\n---------- Persiųstas laiškas ---------\nNuo: Parduotuvė <info@parduotuve.lt>\n\nPrimename, kad galite pateikti prašymą ištrinti savo duomenis.');
    expect(c.rights).not.toContain('erasure');
    expect(c.needsConfirmation).toBe(true);
  });

  it('a receipt of a letter saying what the controller will do asks nothing', () => {
    const c = readByRules('Ačiū, jūsų laišką apie tai, kad nebesiųsite naujienlaiškių, gavau.');
    expect(c.rights).not.toContain('direct_marketing_objection');
    expect(c.needsConfirmation).toBe(true);
  });

  it('wanting something but not its cost is a question, not the request', () => {
    const c = readByRules('Ar prarasiu nuolaidas, jei atsisakysiu naujienlaiškio? Noriu atsisakyti, bet nenoriu prarasti nuolaidų.');
    expect(c.rights).not.toContain('direct_marketing_objection');
    expect(c.needsConfirmation).toBe(true);
  });
});

describe('portability in everyday words', () => {
  it('a copy asked in a machine format is portability, and the subject\'s "copy" is its title', () => {
    const c = readByRules('Prašau atsiųsti mano užsakymų istoriją mašininiu formatu, o tada ištrinti paskyrą.', 'Duomenų kopija');
    expect(c.rights).toEqual(['erasure', 'portability']);
  });
});
