import type { Language } from './channels.ts';
import { CLAUSE_BREAK, CUES, CUSTOMERS_IN_GENERAL, FIRST_PERSON, FIRST_PERSON_DATA, NARRATIVE, OWN_UNWILLINGNESS, SENTENCE_BREAK, MAILING_LIST, OWN_INFORMATION, MARKETING_CONTEXT, NEGATION, OBJECT_CLAUSE_BREAK, RECEIVE_MARKETING, WEAK_ACCESS, type Cue } from './classifier/lexicon.ts';
import { agreement, opensWithoutStaff, THRESHOLDS } from './classifier/agreement.ts';
import { namedRights } from './classifier/named-right.ts';
import { modelProbabilities, type LinearModel } from './classifier/model.ts';
import { requestText } from './classifier/request-text.ts';
import { span, speechAct } from './classifier/speech-act.ts';
import { loadedRightsModel } from './classifier/rights-model.ts';
import type { Classification, RightMatch } from './mail.ts';
import type { RightType } from './rights.ts';
import { foldLithuanian } from './text.ts';

/**
 * Reads which rights a free-text request (an e-mail) exercises, in Lithuanian and English.
 * It is deliberately a transparent, scored cue list (classifier/lexicon.ts), not a model: staff
 * see exactly which words led to each right (`matches`), each right has a confidence, and a
 * request the cues do not settle goes to staff (`needsConfirmation`) instead of being guessed.
 * Figures on the labelled corpus: `npm run bench:classifier` (docs/channels.md).
 */

/** A right read with at least this confidence is taken without asking staff. */
export const CONFIDENT = 0.75;
/** Below this a right is not proposed at all. */
const PROPOSE = 0.35;
/** How many words before a cue a negation still reaches within its clause. */
const NEGATION_REACH_WORDS = 6;

export { requestText } from './classifier/request-text.ts';
export { loadRightsModel } from './classifier/rights-model.ts';

function clauseBefore(folded: string, index: number): string {
  let start = 0;
  for (const m of folded.slice(0, index).matchAll(CLAUSE_BREAK)) start = (m.index ?? 0) + m[0].length;
  const words = folded.slice(start, index).trim().split(/\s+/).filter(Boolean);
  return words.slice(-NEGATION_REACH_WORDS).join(' ');
}

/** The rest of the clause from `index`, at most `max` characters. */
function clauseAfter(folded: string, index: number, max: number): string {
  const rest = folded.slice(index, index + max);
  const stop = [...rest.matchAll(CLAUSE_BREAK)].find((m) => (m.index ?? 0) > 0);
  return stop ? rest.slice(0, stop.index) : rest;
}

/**
 * Which right a phrase belongs to is decided by the verb that governs it, within its clause or sentence:
 * - a noun-phrase cue (`objectOnly`: "everything you have on me") after another right's verb in the
 *   same clause is that verb's object ("erase everything you have on me" is erasure only);
 * - an access cue in the same clause as a portability cue is the portability request's own
 *   wording ("send me a copy of my data in a machine-readable format"); access asked in another
 *   clause stays ("a copy of all my data, and the call history in CSV for my new operator").
 */
function governed(hits: readonly Hit[], folded: string): Hit[] {
  return hits.filter((h) => {
    if (h.cue.right !== 'access') return true;
    if (h.cue.objectOnly) {
      // A relative clause ("ištrinti viską, ką apie mane turite") belongs to the object it follows.
      const clause = span(folded, h.index, OBJECT_CLAUSE_BREAK);
      // The governing verb comes before the object; a cue that only starts earlier but reaches past it ("want … it deleted") does not govern it.
      if (hits.some((o) => o.cue.right !== 'access' && !o.cue.objectOnly && o.index >= clause.start && o.index < h.index && o.index + o.length <= h.index + h.length)) return false;
    }
    const clause = span(folded, h.index, CLAUSE_BREAK);
    return !hits.some((o) => o.cue.right === 'portability' && o.cue.weight >= CONFIDENT && o.index >= clause.start && o.index < clause.end);
  });
}

const derived = new Map<Cue, Map<RightType, Cue>>();
/** The same cue read as another right (one object per cue and right, so noisy-OR counts it once). */
function asRight(c: Cue, right: RightType): Cue {
  const byRight = derived.get(c) ?? new Map<RightType, Cue>();
  derived.set(c, byRight);
  const made = byRight.get(right) ?? { ...c, right };
  byRight.set(right, made);
  return made;
}

interface Hit {
  readonly cue: Cue;
  readonly index: number;
  readonly length: number;
  /** Told as what the writer asked before ("prašiau ištrinti"), not asked now. */
  readonly narrative?: boolean;
  /** Asked about, supposed or reported done (classifier/speech-act.ts): a right read only from such hits stays a hint however many there are. */
  readonly notNow?: boolean;
}

const weakened = new Map<Cue, Cue>();
/** The same cue as a hint only (`NARRATIVE_WEIGHT`): staff confirm what it reads. */
function asHint(c: Cue): Cue {
  const made = weakened.get(c) ?? { ...c, weight: Math.min(c.weight, NARRATIVE_WEIGHT) };
  weakened.set(c, made);
  return made;
}
const NARRATIVE_WEIGHT = 0.6;

/**
 * Two readings that depend on who and when, not on the words of the right:
 * - a right told as asked before ("prašiau ištrinti paskyrą, bet vis dar gaunu naujienlaiškius") is
 *   not read when something else is asked now with confidence, and is only a hint otherwise;
 * - "what data do you collect" about customers in general, with no first person in the sentence,
 *   is a question about processing (information), not an access request.
 */
function whoAndWhen(hits: readonly Hit[], folded: string): Hit[] {
  const now = hits.some((h) => !h.narrative && h.cue.weight >= CONFIDENT);
  return hits
    .filter((h) => !(h.narrative && now))
    .map((h) => (h.narrative ? { ...h, cue: asHint(h.cue) } : h))
    .map((h) => {
      const sentence = span(folded, h.index, SENTENCE_BREAK);
      const text = folded.slice(sentence.start, sentence.end);
      if (h.cue.right === 'access') return CUSTOMERS_IN_GENERAL.test(text) && !FIRST_PERSON.test(text) ? { ...h, cue: asRight(h.cue, 'information') } : h;
      return h;
    });
}

/** Words of the data behind a decision ("kokie duomenys lėmė rezultatą", "what data was used", "what triggered it"). */
const DECISION_DATA = /\b(?:lem\w*|nulem\w*|leme|nuleme|(?:buvo )?panaudot\w*|naudo(?:t|jam)\w* (?:priimant|vertinant|nustatant|sprendim\w*|vertinim\w*|skaiciuojant)|was used|were used|(?:you )?used (?:for|in) (?:this|that|it|the decision)|used (?:in|for|to make|to reach) (?:the|this|that|my) (?:decision|assessment|score|scoring|calculation)|led to|triggered|determined|based (?:on|upon)|explanation of (?:how|why)|paaiskint\w* (?:kaip|kodel))\b/;
/** Asking for a copy or to be sent the data: access in its own right, whatever the sentence says about a decision ("…based on, plus a copy of that data"). */
const COPY = /\b(?:cop(?:y|ies)|kopij\w*|atsius\w*|send|pateik\w*)\b/;
/** A question about how long the writer's own things are kept, or about what is held about them ("how long will you keep my CV?", "what notes … about me?"). */
const ABOUT_MY_OWN = /\babout me\b|\bapie mane\b|\b(?:keep|store|hold|retain|saugo\w*|laiky\w*|laikot\w*)\s+(?:my|mano|savo)\b/;
/** The writer's own earlier request, told ("pateikiau prašymą…", "I submitted a request…"): a chase, not a report of the right done. */
const OWN_EARLIER_REQUEST = /\b(?:pateikiau|issiunciau|pateikem|prasiau|paprasiau|submitted|sent|requested|asked)\b/;
/** A correction asked in the cue's own words ("pataisyti", "correct", "update", "use my new"), not only a statement that something is wrong. */
const CORRECTION_VERB = /(?:istais|patais|patikslin|pakeis|pakeist|atnaujin|irasy|nurodyk|correct|fix|updat|amend|chang|replac|rectif|record|register|enter|put in|use my)/;
/** A pending ground of a restriction (Art. 18(1)(a), (d)): "while my objection is assessed", "kol nagrinėjate mano skundą". */
const PENDING = /\b(?:while|until|pending|whilst|kol|iki|is being|are being|nagrinej\w*|vertinam\w*|tikrinam\w*|tikrinat\w*|assessed|considered|reviewed|verified|checked)\b/;
const OBJECTION_NOUN = /^(?:my )?(?:objection|priestaravim\w*|nesutikim\w*)/;

/**
 * What a right asked now makes of the words of another beside it:
 * - the data behind a decision, asked beside an Art. 22 review ("peržiūrėtų žmogus ir paaiškintų, kokie mano duomenys lėmė
 *   rezultatą", "I also want to know what data was used"), may be the review's explanation (Art. 22(3)) or an access request:
 *   the writers of the labelled sets read it both ways, so it is only a hint and staff confirm it; asking for one's data as
 *   such ("atsiųskit, kokius duomenis apie mane naudojat", "a copy of the data you hold") stays access;
 * - beside a restriction asked with confidence, a statement that data is wrong with no correction asked ("neteisingai nurodytas
 *   vėlavimas … kol tikrinate, nenaudokite") and an objection named as pending ("while my objection is being assessed") are the
 *   restriction's grounds (Art. 18(1)(a), (d)), not rights asked too; so is a bare "delete" there (the deletion to hold off).
 */
function grounds(hits: readonly Hit[], folded: string): Hit[] {
  const askedNow = (right: RightType) => hits.some((h) => h.cue.right === right && !h.notNow && !h.narrative && h.cue.weight >= CONFIDENT);
  const review = askedNow('automated_decision_review');
  const restriction = askedNow('restriction');
  return hits.flatMap((h) => {
    const sentence = span(folded, h.index, SENTENCE_BREAK);
    const text = folded.slice(sentence.start, sentence.end);
    const words = folded.slice(h.index, h.index + h.length);
    // Writers label this form both ways (the explanation Art. 22(3) gives, or access beside it): a hint, so staff confirm it.
    if (review && h.cue.right === 'access' && DECISION_DATA.test(text) && !COPY.test(words)) return [{ ...h, cue: asHint(h.cue), notNow: true }];
    return keep(h, sentence, words, text) ? [h] : [];
  });
  function keep(h: Hit, sentence: { start: number; end: number }, words: string, text: string): boolean {
    if (restriction && h.cue.right === 'rectification' && !CORRECTION_VERB.test(words)) return false;
    if (restriction && h.cue.right === 'objection' && OBJECTION_NOUN.test(words) && PENDING.test(text)) return false;
    // A bare "delete" beside "keep it, don't delete it until…" is the deletion the writer wants held off (the controller's usual one).
    if (restriction && h.cue.right === 'erasure' && h.cue.weight < CONFIDENT) return false;
    // …and a retention period named in the restriction's own sentence ("nenaikinkite pasibaigus įprastam saugojimo terminui") is the deletion it holds off, not a question.
    if (restriction && h.cue.right === 'information' && hits.some((o) => o.cue.right === 'restriction' && o.index >= sentence.start && o.index < sentence.end)) return false;
    return true;
  }
}

/** Marketing named only to say it is not about marketing. */
const NOT_MARKETING = /\b(?:ne|not|nei|no|isskyrus)\s+(?:\w+\s+)?(?:del\s+|for\s+|about\s+)?(?:reklam|rinkodar|marketing|advertis|naujienlaisk|newsletter)\w*/g;

/** Asking to be sent something of one's own (an access request the cues may not name). */
const SEND_ME_MINE = /\b(?:atsiust\w*|atsiusk\w*|pateikt\w*|pateik(?:it|ite)\b|send me|provide me|give me|email me|forward me)\b[^.?!\n]{0,50}?\b(?:mano|man|my|all|visk\w*|vis\w*|kopij\w*|copy|istorij\w*|history|records?|irasu?\w*)\b/;

/** A subject line that calls the mail a question. */
const SUBJECT_QUESTION = /^\s*(?:klausim\w*|paklausim\w*|teiravim\w*|pasiteiravim\w*|question|query|inquiry|enquiry|quick question)\b/;

const globals = new WeakMap<Cue, RegExp>();
/** The cue's pattern with the `g` flag, compiled once (some 400 cues per mail otherwise). */
function globalOf(c: Cue): RegExp {
  const made = globals.get(c) ?? new RegExp(c.pattern.source, 'g');
  globals.set(c, made);
  return made;
}

function hitsOf(cues: readonly Cue[], folded: string): { hits: Hit[]; negated: Hit[]; reports: Hit[] } {
  const hits: Hit[] = [];
  const negated: Hit[] = [];
  const reports: Hit[] = [];
  // A marketing word the writer rules out ("ne reklamai, tiesiog nesutinku", "not for marketing") is no marketing context (blanked, same length).
  const unmarketed = folded.replace(NOT_MARKETING, (m) => ' '.repeat(m.length));
  for (const c of cues) {
    for (const m of folded.matchAll(globalOf(c))) {
      const index = m.index ?? 0;
      let read = c;
      if (c.right === 'objection') {
        const around = unmarketed.slice(Math.max(0, index - 20), index) + clauseAfter(unmarketed, index, 120);
        // "I object to direct marketing" ("prieštarauju, kad … rinkodaros kampanijose") is the Art. 21(2) right, which has its own deadline.
        if (MARKETING_CONTEXT.test(around)) read = asRight(c, 'direct_marketing_objection');
      }
      // "Remove my e-mail from your newsletter" ends the marketing, not the data: Art. 21(2), not Art. 17.
      if (c.right === 'erasure' && MAILING_LIST.test(clauseAfter(folded, index, 70))) continue;
      const before = clauseBefore(folded, index);
      const isNegated = NEGATION.test(before);
      // What the sentence does with the right (classifier/speech-act.ts): a report of it done asks nothing; a question
      // about it or a supposition asks for information (dropped beside a right asked now); asking whether one may is a hint for staff.
      const act = isNegated ? null : speechAct(folded, index, read.right);
      if (act === 'report') {
        reports.push({ cue: read, index, length: m[0].length });
        continue;
      }
      const told = NARRATIVE.test(before) || act === 'hypothetical' || act === 'question';
      const meant = act === 'ask' ? asHint(read) : act === 'question' || act === 'hypothetical' ? asHint(asRight(read, 'information')) : read;
      const hit = { cue: meant, index, length: m[0].length, ...(told ? { narrative: true } : {}), ...(act ? { notNow: true } : {}) };
      (isNegated ? negated : hits).push(hit);
      // Withdrawing the consent to *receive* marketing ("atšaukiu sutikimą gauti naujienlaiškius") also objects to that marketing.
      if (c.right === 'consent_withdrawal' && !isNegated && RECEIVE_MARKETING.test(clauseAfter(folded, index, 120))) hits.push({ ...hit, cue: asRight(hit.cue, 'direct_marketing_objection') });
    }
  }
  return { hits, negated, reports };
}

/**
 * Example: `classifyRights('Prašau ištrinti mano duomenis')` →
 * `{ rights: ['erasure'], matches: [{ right: 'erasure', phrase: 'ištrinti', language: 'lt' }], confident: true,
 *    confidence: { erasure: 0.9 }, needsConfirmation: false }`.
 * A right read with less than `CONFIDENT`, or nothing read at all, sets `needsConfirmation`: the
 * case opens with the best reading (`information` when there is none) and waits for staff to
 * confirm its rights before anything else happens.
 */
export function readByRules(text: string, subject = ''): Classification {
  const original = requestText(subject, text);
  const folded = foldLithuanian(original);
  const first = hitsOf(CUES, folded);
  const negated = first.negated;
  let hits = first.hits;
  // "Ačiū, kad ištrynėte mano duomenis" reports a right done: its "mano duomenis" is no hint of access either.
  if (hits.length === 0 && negated.length === 0 && first.reports.length === 0) hits = hitsOf(WEAK_ACCESS, folded).hits;

  hits = grounds(whoAndWhen(governed(hits, folded), folded), folded);
  // The subject line is a summary: a bare verb there ("Subject: delete") gives way to a body read with confidence ("I deleted my old address, please replace it with …").
  // Likewise a bare "Prieštarauju" / "Objection" subject over a body that objects to marketing is that marketing objection.
  const subjectEnd = original.indexOf('\n') === -1 ? original.length : original.indexOf('\n');
  // A subject that says it is a question ("Klausimas dėl automatinių sprendimų", "Question about deleting accounts") names what is asked about.
  if (SUBJECT_QUESTION.test(folded.slice(0, subjectEnd))) hits = hits.map((h) => (h.index < subjectEnd && h.cue.right !== 'access' && h.cue.right !== 'information' ? { ...h, cue: asHint(asRight(h.cue, 'information')), notNow: true, narrative: true } : h));
  // A subject names the topic the body is about: when the body only asks about a right ("Subject: duomenų ištrynimas" over
  // "kiek laiko užtrunka ištrinti paskyrą?"), the subject's words of it are no request either.
  hits = hits.map((h) => (h.index < subjectEnd && !h.notNow && hits.some((o) => o.index >= subjectEnd && o.cue.right === h.cue.right) && hits.every((o) => o.index < subjectEnd || o.cue.right !== h.cue.right || o.notNow) ? { ...h, cue: asHint(h.cue), notNow: true } : h));
  // A subject naming a right over a body that reports it done ("Subject: ištrynimas" over "paskyra tikrai ištrinta, ačiū", "Re: Unsubscribe
  // confirmation" over "I unsubscribed last week"), and asks for it nowhere, is the report's title, not a request.
  // Not a chase: "pateikiau prašymą gauti kopiją…, atsakymo negavau" under "Prašymas gauti duomenis" still asks for it.
  const done = first.reports.filter((r) => {
    const sentence = span(folded, r.index, SENTENCE_BREAK);
    return r.index >= subjectEnd && !OWN_EARLIER_REQUEST.test(folded.slice(sentence.start, sentence.end));
  });
  hits = hits.filter((h) => !(h.index < subjectEnd && h.cue.right !== 'information' && done.some((r) => r.cue.right === h.cue.right) && !hits.some((o) => o.index >= subjectEnd && o.cue.right === h.cue.right && !o.notNow)));
  const body = hits.filter((h) => h.index >= subjectEnd);
  if (body.some((h) => h.cue.weight >= CONFIDENT)) hits = hits.filter((h) => h.index >= subjectEnd || h.cue.weight >= CONFIDENT);
  if (body.some((h) => h.cue.right === 'direct_marketing_objection') && !body.some((h) => h.cue.right === 'objection')) hits = hits.filter((h) => h.index >= subjectEnd || h.cue.right !== 'objection');
  // …and a bare "opt out" subject over a body that objects to something that is not marketing ("Analytics opt out") is that objection.
  if (body.some((h) => h.cue.right === 'objection') && !body.some((h) => h.cue.right === 'direct_marketing_objection') && !MARKETING_CONTEXT.test(folded.replace(NOT_MARKETING, ' '))) hits = hits.filter((h) => h.index >= subjectEnd || h.cue.right !== 'direct_marketing_objection');
  // A subject that names a copy of the data ("Duomenų kopija ir ištrynimas") over a body asking for it in a machine format is that portability request's title.
  if (body.some((h) => h.cue.right === 'portability' && h.cue.weight >= CONFIDENT) && !body.some((h) => h.cue.right === 'access')) hits = hits.filter((h) => h.index >= subjectEnd || h.cue.right !== 'access');
  const read = new Set(hits.map((h) => h.cue.right));
  // A generic "send me my data" means nothing more when a more specific right (portability) is read.
  hits = hits.filter((h) => !(h.cue.yieldsTo ?? []).some((r) => read.has(r)));
  // An access answer (Art. 15(1)) already tells the purposes, recipients, retention and sources, so
  // those questions beside an access request are part of it; who the data protection officer is is not.
  if (read.has('access')) hits = hits.filter((h) => h.cue.right !== 'information' || OWN_INFORMATION.test(folded.slice(h.index, h.index + h.length)));

  const confidence: Partial<Record<RightType, number>> = {};
  for (const right of new Set(hits.map((h) => h.cue.right))) {
    // Several cues for one right: noisy-OR, each cue counted once however often it matched.
    const own = hits.filter((h) => h.cue.right === right);
    const weights = [...new Set(own.map((h) => h.cue))].map((c) => c.weight);
    const combined = 1 - weights.reduce((p, w) => p * (1 - w), 1);
    // Two hints of a right nobody asks for now ("jei paprašyčiau ištrinti … kiek laiko užtruktų ištrynimas?") are still no request,
    // and a question about a right does not lift weak words of it elsewhere to a request ("how can I object to it?" beside "legitimate interest").
    const asked = own.filter((h) => h.notNow !== true).map((h) => h.cue);
    const askedNow = 1 - [...new Set(asked)].reduce((p, c) => p * (1 - c.weight), 1);
    confidence[right] = round(asked.length < own.length && askedNow < CONFIDENT ? Math.min(combined, NARRATIVE_WEIGHT) : combined);
  }
  const proposed = (Object.keys(confidence) as RightType[]).filter((r) => (confidence[r] ?? 0) >= PROPOSE);
  const matches: RightMatch[] = [];
  const weightOf = new Map<RightMatch, number>();
  for (const h of hits.filter((x) => proposed.includes(x.cue.right)).sort((a, b) => a.index - b.index)) {
    const phrase = original.slice(h.index, h.index + h.length).trim();
    const match: RightMatch = { right: h.cue.right, phrase, language: h.cue.language };
    // One phrase per place: overlapping cues of one right show the strongest cue's words (the shorter on a tie).
    const same = matches.findIndex((x) => x.right === h.cue.right && (x.phrase.toLowerCase().includes(phrase.toLowerCase()) || phrase.toLowerCase().includes(x.phrase.toLowerCase())));
    const old = matches[same];
    if (same === -1 || !old) matches.push(match);
    else if (h.cue.weight > (weightOf.get(old) ?? 0) || (h.cue.weight === weightOf.get(old) && phrase.length < old.phrase.length)) matches[same] = match;
    else continue;
    weightOf.set(match, h.cue.weight);
  }
  const refused = [...new Set(negated.map((h) => h.cue.right))].filter((r) => !proposed.includes(r));
  const rights = proposed.length > 0 ? order(proposed) : (['information'] as RightType[]);
  // A question about processing that also speaks of the writer's own data ("…teisėto intereso pagrindu naudojate mano duomenis. Nesutinku…")
  // may ask more than information, which needs no identity: staff confirm it rather than it opening silently.
  // So does one where the writer says what they do not want done to them ("As nenoriu, kad mane filmuotų", "I don't want my calls recorded").
  // And one where the writer also asks to be sent something of their own ("prašau atsiųsti visų mano pirkimų istoriją", "send me a copy of all chats").
  // So does a question about how long the writer's own things are kept or what is held about them (Art. 15(1)(d), (a)): "how long will you keep my CV?".
  const onlyInformation = proposed.length === 1 && proposed[0] === 'information' && (FIRST_PERSON_DATA.test(folded) || OWN_UNWILLINGNESS.test(folded) || SEND_ME_MINE.test(folded) || ABOUT_MY_OWN.test(folded));
  const needsConfirmation = proposed.length === 0 || onlyInformation || proposed.some((r) => (confidence[r] ?? 0) < CONFIDENT);
  return {
    rights,
    matches,
    confident: !needsConfirmation,
    confidence,
    needsConfirmation,
    ...(refused.length > 0 ? { negated: refused } : {}),
  };
}

/**
 * The classification a case opens with: the rules' reading (`readByRules`), acted on without staff
 * only when the statistical model (classifier/model.ts, loaded by `loadRightsModel`) agrees with it
 * (classifier/agreement.ts): each right the rules read is likely enough to the model, and the model
 * is not confident of a right the rules missed. Otherwise the rights need staff confirmation, as
 * when the rules are unsure or read nothing; with no model loaded, every request does (never a
 * reading acted on without the second opinion).
 * Example: `classifyRights('Prašau ištrinti mano duomenis', '', model)` → rights `['erasure']`,
 * `needsConfirmation: false`, `model: { erasure: 0.97 }`, `modelAgrees: true`.
 */
export function classifyRights(text: string, subject = '', model: LinearModel | null = loadedRightsModel()): Classification {
  const rules = readByRules(text, subject);
  if (!model) return { ...rules, confident: false, needsConfirmation: true };
  const request = requestText(subject, text);
  const probabilities = modelProbabilities(model, request);
  const read = rules.matches.length === 0 ? [] : rules.rights;
  const named = namedRights(request, read);
  const agrees = agreement(read, probabilities, THRESHOLDS, named).agrees;
  const open = opensWithoutStaff(read, rules.needsConfirmation !== true, probabilities, THRESHOLDS, named);
  // What staff see of the model: the rights it finds at all likely, to two decimals.
  const likely = Object.fromEntries(Object.entries(probabilities).filter(([, p]) => (p ?? 0) >= 0.05).map(([r, p]) => [r, Math.round((p ?? 0) * 100) / 100]));
  return { ...rules, confident: open, needsConfirmation: !open, model: likely, modelAgrees: agrees };
}

const RIGHT_ORDER: readonly RightType[] = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'direct_marketing_objection', 'automated_decision_review', 'consent_withdrawal', 'information'];
const order = (rights: readonly RightType[]) => RIGHT_ORDER.filter((r) => rights.includes(r));
const round = (n: number) => Math.round(n * 1000) / 1000;

const LITHUANIAN_HINTS = /[ąčęėįšųūž]|\b(prasau|prašau|sveiki|laba diena|duomen\w*|aciu|ačiū|mano|noriu|pagarbiai)\b/i;

/** The language of a request: Lithuanian when it reads Lithuanian, English otherwise. */
export function detectLanguage(text: string, subject = ''): Language {
  return LITHUANIAN_HINTS.test(requestText(subject, text)) ? 'lt' : 'en';
}
