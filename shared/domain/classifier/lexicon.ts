import type { Language } from '../channels.ts';
import type { RightType } from '../rights.ts';
import { CUE_SOURCES, WEAK_ACCESS_SOURCES, type CueSource } from './cue-sources.ts';

/**
 * The cues the classifier scores, over text lower-cased with Lithuanian letters folded to ASCII
 * (`foldLithuanian`), so "ištrinkite" and "istrinkite" read the same.
 *
 * Lithuanian morphology is handled by roots with open endings (`istr(?:in|yn)\w*` covers ištrinti,
 * ištrinkite, ištrintumėte, ištrynimą, ištrinimo), written by hand. Why not a stemmer: the one
 * maintained Lithuanian stemmer on npm (Snowball's, in @orama/stemmers 3.1.18) was tried and
 * conflates inconsistently for this vocabulary: ištrinti → "ištr" but ištrinkite → "ištrin" and
 * ištrynimą → "ištrynim"; duomenis → "duom" but duomenų → "duomen"; ištaisyti → "išt" and
 * pataisyti → "pat" (three letters, shared with "pats", "patinka"). Equal stems would miss forms
 * and short stems would match unrelated words, so roots chosen per verb are both more precise and
 * easier for staff to read.
 *
 * Weights: 0.9 an unambiguous request ("prašau ištrinti mano duomenis", "right of access"); 0.6
 * the right's verb without its object ("delete", "ištrinkite"); 0.4 a hint that is not a request
 * by itself ("mano asmens duomenys"). A right's confidence is 1 − Π(1 − weight) over its cues.
 */
export interface Cue {
  readonly right: RightType;
  readonly language: Language;
  readonly pattern: RegExp;
  readonly weight: number;
  /** A generic "give me my data" cue that means nothing more when a more specific right is read (portability contains access). */
  readonly yieldsTo?: readonly RightType[];
  /**
   * The cue is only a noun phrase ("everything you have on me", "ką apie mane turite"): when a verb of
   * another right governs it in the same clause ("erase everything you have on me"), that verb's
   * right is what is asked, and this cue is not read.
   */
  readonly objectOnly?: boolean;
}

/** The cues (cues.ts, as written) with their patterns expanded, each compiled here from its source (cue-sources.ts). */
export const CUES: readonly Cue[] = CUE_SOURCES.map(cueOf);

/** A plain mention of "my data" with no verb we know: probably access, but only staff can say. */
export const WEAK_ACCESS: readonly Cue[] = WEAK_ACCESS_SOURCES.map(cueOf);

function cueOf({ pattern, flags, ...cue }: CueSource): Cue {
  return { ...cue, pattern: new RegExp(pattern, flags) };
}

/** Words that make a following cue in the same clause a refusal ("nenoriu, kad ištrintumėte", "please don't delete"). */
export const NEGATION = /\b(?:nenoriu|nenorim\w*|nenorejau|nepageidauju|neprasau|neprasiau|neprasem\w*|neprasom|nereikia|nebutina|ne(?!\s+tik\b)|jokiu\s+budu|not|don'?t|do\s+not|does\s+not|doesn'?t|never|no\s+need\s+to|without|instead\s+of|rather\s+than)\b/;
/** What ends a clause for negation: sentence ends, commas (except before "kad"/"that", which carry the negated wish on) and "but"/"bet". */
export const CLAUSE_BREAK = /[.!?;\n]|,(?!\s*(?:kad|jog|that)\b)|\s(?:but|bet|taciau|however|instead|and\s+(?:i|we)|ir\s+(?:as|mes))\b/g;

/** A list someone is taken off ("remove my e-mail from your newsletter"): direct marketing, not erasure. */
export const MAILING_LIST = /\b(?:from|off|is)\s+(?:\S+\s+){0,2}?(?:newsletter|mailing|marketing|subscri|distribution|call\s+list|calling\s+list|naujienlaisk|prenumerat|adresat|reklam|skambuciu\s+saras)/;
/**
 * Someone telling what they asked before ("prašiau ištrinti…", "I asked you to delete…") or might ask
 * later ("before I decide whether to ask for erasure", "galbūt vėliau"): not asked now, so read as a
 * request only when nothing else is, and then for staff to confirm.
 */
export const NARRATIVE = /\b(?:prasiau|paprasiau|prasem|paprasem|buvau\s+(?:pa)?prases\w*|(?:esu|esame|buvau)\s+pateik\w*|pateikiau|i\s+have\s+(?:already\s+)?(?:submitted|filed)|asked(?:\s+you)?|asking(?:\s+you)?|ignore|disregard|had\s+asked|requested|already\s+asked|whether\s+to|might|may\s+later|later\s+(?:i\s+)?(?:may|might|will)|maybe|perhaps|considering|thinking\s+(?:about|of)|galbut|veliau|svarstau|ketinu|planuoju)\b/;
/** Customers in general, not the writer: "kokius duomenis renkate apie klientus", "what data you process about your customers". */
export const CUSTOMERS_IN_GENERAL = /\b(?:klient\w*|vartotoj\w*|pirkej\w*|customers|clients|users|visitors|people|someone|apskritai|paprastai|in\s+general|generally|typically)\b/;
/** What ends a sentence, for rules that look at the whole sentence. */
export const SENTENCE_BREAK = /[.!?;\n]+/g;
export const FIRST_PERSON = /\b(?:mano|man|mane|manes|as|my|me|mine|i)\b/;
/** A clause for "which verb governs this object": like `CLAUSE_BREAK`, but a relative clause ("…, ką apie mane turite", "…, which you hold") stays with its noun. */
export const OBJECT_CLAUSE_BREAK = /[.!?;\n]|,(?!\s*(?:kad|jog|that|ka|kuri\w*|kuriuos|kurie|which|what|whatever)\b)|\s(?:but|bet|taciau|however|instead)\b/g;
/** What a consent to receive marketing names ("sutikimą gauti naujienlaiškius", "consent to receive offers"). */
export const RECEIVE_MARKETING = /\b(?:gaut\w*|receiv\w*|get(?:ting)?|to\s+be\s+sent)\b[^.\n]{0,40}?\b(?:naujienlaisk\w*|reklam\w*|pasiulym\w*|newsletters?|offers|promotion\w*|advertis\w*|marketing)/;
/** The writer's own data, in a mail otherwise read as a general question. */
export const FIRST_PERSON_DATA = /\b(?:mano|savo|apie\s+mane)\s+(?:\w+\s+)?(?:asmens\s+)?(?:duomen\w*|informacij\w*)|\b(?:my|about\s+me)\s+(?:\w+\s+)?(?:personal\s+)?(?:data|information|details)\b|\bdata\s+(?:about|on)\s+me\b/;
/** The writer saying what they do not want done with them or their data: beside a question, perhaps an objection (Art. 21) staff should confirm. */
export const OWN_UNWILLINGNESS = /\b(?:as\s+|mes\s+)?(?:nenoriu|nenorim\w*|nesutinku|nesutinkam\w*|nepageidauju|nepageidaujam\w*|pries(?:tarauju|taraujam\w*))\b|\bi\s+(?:do\s+not|don'?t|dont)\s+(?:want|agree|consent|accept|like\s+(?:being|that|my|it))\b|\bi\s+(?:object|disagree|refuse)\b/;
/** Information that is not part of an access answer: who the data protection officer is and how to reach them. */
export const OWN_INFORMATION = /pareig|officer|\bdpo\b|atsaking/;
export const MARKETING_CONTEXT = /(marketing|newsletter|advertis|catalog|brochure|leaflet|promotion|promo\b|\bads\b|personali[sz]ed\s+(?:ads|offers)|sales\s+(?:team|calls?|people|department|agents?)|receiv\w*\s+(?:calls|sms|texts|e-?mails|letters|messages|offers)|rinkodar|reklam|naujienlaisk|pasiulym)/;
