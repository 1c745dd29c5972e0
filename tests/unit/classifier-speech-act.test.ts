import { beforeAll, describe, expect, it } from 'vitest';
import { speechAct } from '#domain/classifier/speech-act.ts';
import { classifyRights, loadRightsModel } from '#domain/classify-rights.ts';
import type { RightType } from '#domain/rights.ts';
import { foldLithuanian } from '#domain/text.ts';

beforeAll(() => loadRightsModel());

/** The speech act of the first occurrence of `word` in `text` (folded as the rules fold it). */
const act = (text: string, word: string, right: RightType) => {
  const folded = foldLithuanian(text);
  return speechAct(folded, folded.indexOf(foldLithuanian(word)), right);
};

describe('what a sentence does with a right (shared/domain/classifier/speech-act.ts)', () => {
  it.each([
    ['Jei paprašyčiau ištrinti mano duomenis, ar prarasčiau taškus?', 'ištrinti', 'erasure', 'hypothetical'],
    ['jeigu as paprasyciau istrinti duomenis, kas nutiktu?', 'istrinti', 'erasure', 'hypothetical'],
    ['Jeigu ištrinsiu paskyrą, ar liks garantija?', 'ištrinsiu', 'erasure', 'hypothetical'],
    ['If I asked you to delete my account, would my orders be gone?', 'delete', 'erasure', 'hypothetical'],
    ['Kiek laiko užtruktų mano duomenų ištrynimas?', 'ištrynimas', 'erasure', 'question'],
    ['Ar naudojate automatizuotus sprendimus vertindami paraiškas?', 'automatizuotus', 'automated_decision_review', 'question'],
    ['Do you use automated decisions for credit?', 'automated', 'automated_decision_review', 'question'],
    ['How long does it take to delete an account?', 'delete', 'erasure', 'question'],
    ['Ar galiu paprašyti ištrinti mano duomenis?', 'ištrinti', 'erasure', 'ask'],
    ['How do I withdraw my consent?', 'withdraw', 'consent_withdrawal', 'ask'],
    ['Ačiū, kad ištrynėte mano paskyrą.', 'ištrynėte', 'erasure', 'report'],
    ['Jau atsisakiau naujienlaiškio.', 'naujienlaiškio', 'direct_marketing_objection', 'report'],
    ['Thanks, you deleted my account.', 'deleted', 'erasure', 'report'],
    ['I already unsubscribed from the newsletter.', 'unsubscribed', 'direct_marketing_objection', 'report'],
    // Added after b4 (general forms, sentences written here): an abbreviation does not end the question; a question about the
    // controller's practice that names neither the writer nor a request; a disclaimer that nothing is asked yet; a state told as done.
    ['Ar galiu atšaukti sutikimą gauti žinutes tik el. paštu?', 'atšaukti sutikimą', 'consent_withdrawal', 'ask'],
    ['kaip atšaukti sutikimą dėl slapukų?', 'atšaukti sutikimą', 'consent_withdrawal', 'ask'],
    ['Ar jūsų draudimo įmokos skaičiuojamos automatiniu sprendimu?', 'automatiniu sprendimu', 'automated_decision_review', 'question'],
    ['Are loan applications assessed by automated decision-making?', 'automated decision', 'automated_decision_review', 'question'],
    ['How do I delete my account? Not deleting anything yet, just curious.', 'delete', 'erasure', 'question'],
    ['Jūsų paskyra ištrinta, duomenys pašalinti.', 'ištrinta', 'erasure', 'report'],
    ['Your address was removed from our mailing list.', 'removed', 'direct_marketing_objection', 'report'],
  ] as const)('"%s": %s (%s) is a %s', (text, word, right, expected) => {
    expect(act(text, word, right)).toBe(expected);
  });

  it.each([
    ['Prašau ištrinti mano duomenis.', 'ištrinti', 'erasure'],
    ['Ar galėtumėte ištrinti mano paskyrą?', 'ištrinti', 'erasure'],
    ['Could you please delete my account?', 'delete', 'erasure'],
    ['Can I get a copy of my data?', 'copy', 'access'],
    ['Is it possible to have my data deleted?', 'deleted', 'erasure'],
    ['Once you have deleted my data, please confirm it in writing.', 'deleted', 'erasure'],
    ['Thank you in advance for deleting my data.', 'deleting', 'erasure'],
    ['I want to know how the score was calculated and have a person look at it again.', 'person look', 'automated_decision_review'],
    ['Prašau, kad mano paskyra būtų ištrinta.', 'ištrinta', 'erasure'],
    ['Ar galėtumėte ištrinti paskyrą?', 'ištrinti', 'erasure'],
    ['Can you delete the account this week?', 'delete', 'erasure'],
  ] as const)('"%s" asks for %s (%s) now', (text, word, right) => {
    expect(act(text, word, right)).toBeNull();
  });
});

describe('the rules and the model on such sentences (classify-rights.ts)', () => {
  it('opens no right without staff for a supposition or a question about one, and proposes information', () => {
    for (const text of ['Jei paprašyčiau ištrinti visus mano duomenis, kiek laiko tai užtruktų?', 'jei prasyciau istrinti mano paskyra, kiek laiko tai uztruktu?', 'If I asked you to erase my data, how long would it take?', 'Ar naudojate automatizuotus sprendimus, kai vertinate paraiškas?']) {
      const c = classifyRights(text);
      expect(c.rights, text).toEqual(['information']);
      expect(c.needsConfirmation, text).toBe(true);
    }
  });

  it('reads a report of a right done as no request: nothing opens, staff see it', () => {
    for (const text of ['Ačiū, kad ištrynėte mano duomenis.', 'Jau atsisakiau naujienlaiškio, nieko nebegaunu.', 'Thanks, you deleted my account within a day.', 'I already unsubscribed last week and get nothing now.']) {
      const c = classifyRights(text);
      expect(c.matches, text).toEqual([]);
      expect(c.needsConfirmation, text).toBe(true);
    }
  });

  it('still opens a request made now beside a report or a question', () => {
    const c = classifyRights('I already unsubscribed from the newsletter. Now please delete my account and all my data as well.');
    expect(c.rights).toEqual(['erasure']);
    expect(c.needsConfirmation).toBe(false);
    const d = classifyRights('Prašau ištrinti mano paskyrą ir visus duomenis. Kiek laiko užtruks ištrynimas?');
    expect(d.rights).toEqual(['erasure']);
  });
});

describe('questions and disclaimers around a right (classify-rights.ts, after b4)', () => {
  it('a subject that calls the mail a question reads the right it names as asked about', () => {
    const c = classifyRights('Ar ištrinate ir užsakymų istoriją, ar ją saugote?', 'Klausimas dėl paskyros ištrynimo');
    expect(c.rights).toEqual(['information']);
    expect(c.needsConfirmation).toBe(true);
  });

  it('a question about a right does not lift weak words of it elsewhere to a confident request', () => {
    const c = classifyRights('Your notice says you rely on legitimate interest for analytics. How can I object to that?');
    expect(c.needsConfirmation).toBe(true);
    expect(c.confidence?.objection ?? 0).toBeLessThan(0.75);
  });

  it('a question about processing beside what the writer does not want done goes to staff, not silently to information', () => {
    const c = classifyRights('Kokiu teisiniu pagrindu filmuojate darbuotojų poilsio zoną? Nenoriu, kad mane filmuotų per pertrauką.');
    expect(c.needsConfirmation).toBe(true);
  });
});

describe('the erasure verb with a pronoun for its object (classifier/lexicon.ts)', () => {
  it.each(['Mano duomenys buvo perduoti be sutikimo. Prašau juos ištrinti.', 'istrinkit mane', 'Please delete me, I no longer use the app.', 'My father passed away. Please delete his account.'])('"%s" is erasure, read with confidence', (text) => {
    const c = classifyRights(text);
    expect(c.rights).toEqual(['erasure']);
    expect(c.confidence?.erasure ?? 0).toBeGreaterThanOrEqual(0.75);
  });

  it('leaves "remove me from your SMS list" to the marketing objection', () => {
    expect(classifyRights('Please remove me from your SMS list, I get texts every day.').rights).toEqual(['direct_marketing_objection']);
  });
});
