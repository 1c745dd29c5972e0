import type { RightType } from '../rights.ts';
import { foldLithuanian } from '../text.ts';

/**
 * A right named in legal terms by the writer ("I am exercising my right of access", "Article 17", "naudojuosi teise susipažinti",
 * "noriu susipažinti su savo duomenimis" — the words of Art. 15's Lithuanian title, "teisė susipažinti su duomenimis",
 * "BDAR 15 str."). Such a reading is unambiguous in a way the model, trained on everyday wording, does not always see, so the
 * per-right bars of agreement.ts (which hold back the rights most often misread) do not apply to it; the base bar still does.
 * A question about such a right or our own notice quoting it is no request: the speech-act reading (speech-act.ts) keeps those
 * from being read with confidence, and only a confident reading opens without staff.
 */
const NAMED: ReadonlyArray<readonly [RightType, RegExp]> = [
  ['access', /\bright (?:of|to) access\b|\bsubject access\b|\barticle 15\b|\bart\. ?15\b|\bteis\w* susipazinti\b|\bsusipazinti su (?:savo |mano )?(?:asmens )?duomenimis\b|\b15 str\b/],
  ['rectification', /\bright (?:of|to) rectification\b|\barticle 16\b|\bart\. ?16\b|\bteis\w* (?:reikalauti )?istaisyti\b|\b16 str\b/],
  ['erasure', /\bright (?:of|to) (?:erasure|be forgotten)\b|\barticle 17\b|\bart\. ?17\b|\bteis\w* (?:reikalauti )?istrinti\b|\bteis\w* buti pamirst\w*|\b17 str\b/],
  ['restriction', /\bright (?:of|to) restrict\w*\b|\barticle 18\b|\bart\. ?18\b|\bteis\w* apriboti\b|\b18 str\b/],
  ['portability', /\bright (?:of|to) (?:data )?portability\b|\barticle 20\b|\bart\. ?20\b|\bteis\w* i (?:duomenu )?perkeliamum\w*|\b20 str\b/],
  ['automated_decision_review', /\barticle 22\b|\bart\. ?22\b|\b22 str\b/],
  ['consent_withdrawal', /\barticle 7\(3\)|\bart\. ?7\(3\)|\b7 str\. 3 d\b/],
];

/** The rights of `read` that the request names in legal terms. */
export function namedRights(request: string, read: readonly RightType[]): RightType[] {
  const folded = foldLithuanian(request);
  return read.filter((r) => NAMED.some(([right, pattern]) => right === r && pattern.test(folded)));
}
