import { foldLithuanian } from '../text.ts';
import { CLAUSE_BREAK, NEGATION } from './lexicon.ts';

/**
 * The features the statistical reading of a request (model.ts) scores, hashed into `buckets` slots.
 * They are chosen to carry over to wording nobody has seen rather than to fit the corpus:
 * - words folded to ASCII ("ištrinkite" and "istrinkite" alike) and cut to their first five letters,
 *   a crude Lithuanian stem ("istrinti", "istrinkite" → "istri"), and pairs of such stems;
 * - letter groups of 3–5 inside each word, which match endings and roots the stem misses
 *   ("istrynima" shares "str", "stry" with nothing but erasure);
 * - a word within a few words after a negation in its clause ("nenoriu, kad ištrintumėte", "please
 *   don't delete") counts as a different feature, so a refused right does not read as asked.
 * The text is what the rules read as the sender's request (`requestText`: quoted replies left out,
 * forwarded requests kept), so the model and the rules judge the same words.
 */

/** How many words after a negation it still reaches within its clause (as the rules: classify-rights.ts). */
const NEGATION_REACH = 6;
const STEM = 5;

/** 32-bit FNV-1a: a fixed, fast hash, the same at training and at run time. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Feature slots of a request text (already reduced to the request: `requestText`), each counted once, as sorted slot numbers. */
export function featureSlots(request: string, buckets: number): number[] {
  const folded = foldLithuanian(request).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const slots = new Set<number>();
  const add = (feature: string) => slots.add(hash(feature) % buckets);
  // A word in a sentence that ends in "?" also counts as asked about ("kiek kainuotų kopija?" is not "atsiųskite kopiją").
  const asked = new Set<string>();
  for (const m of folded.matchAll(/[^.!?\n]*\?/g)) for (const w of m[0].match(/[a-z0-9]+/g) ?? []) asked.add(w);
  for (const clause of folded.split(CLAUSE_BREAK)) {
    const words = clause.match(/[a-z0-9]+/g) ?? [];
    let negatedFor = 0;
    let previous = '^';
    for (const word of words) {
      if (NEGATION.test(word) || /^(ne|nebe)(nor|pagei|pras|reik|tvark|naud|siust|istr|trin|keis|perd|sutink)/.test(word)) negatedFor = NEGATION_REACH + 1;
      const mark = negatedFor > 0 ? '!' : '';
      negatedFor = Math.max(0, negatedFor - 1);
      const stem = word.slice(0, STEM);
      add(`w${mark}${stem}`);
      if (asked.has(word)) add(`q${stem}`);
      add(`b${mark}${previous} ${stem}`);
      previous = stem;
      if (/^\d+$/.test(word)) continue;
      const padded = ` ${word} `;
      for (let n = 3; n <= 5; n += 1) for (let i = 0; i + n <= padded.length; i += 1) add(`c${mark}${padded.slice(i, i + n)}`);
    }
  }
  return [...slots].sort((a, b) => a - b);
}
