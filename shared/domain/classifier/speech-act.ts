import type { RightType } from '../rights.ts';

/**
 * What the sentence around a right's words *does*, read on folded text (lower case, Lithuanian
 * letters folded to ASCII, so written with or without diacritics alike). A right's words in a
 * request ("prašau ištrinti", "please delete") ask for it; the same words can also
 * - ask *about* the right: its timing, consequences, or the controller's practice ("kiek laiko
 *   užtruktų ištrynimas?", "how long does deleting an account take?", "do you use automated
 *   decisions?"), → `question` (the writer asks for information);
 * - ask whether or how the writer may exercise it ("ar galiu paprašyti ištrinti…?", "how do I
 *   withdraw that consent?"), → `ask` (perhaps a polite request: staff confirm);
 * - suppose it ("jei paprašyčiau ištrinti…", "jeigu ištrinsiu paskyrą…", "if I asked you to
 *   delete…"), → `hypothetical`;
 * - report it as done ("ačiū, kad ištrynėte", "jau atsisakiau naujienlaiškio", "viskas ištrinta",
 *   "thanks, you deleted my account", "I already unsubscribed", "pateikiau prašymą ištrinti…"),
 *   → `report`.
 * None of these is a request made now. The rules (classify-rights.ts) read a `question` or
 * `hypothetical` as a question for information (a hint for staff; dropped beside a right asked
 * now), an `ask` as a hint of the right for staff, and a `report` not at all.
 *
 * Not questions: asking the controller to act ("could you delete my data?", "ar galėtumėte
 * ištrinti…?") is the ordinary polite request. Access is read from questions as asked (asking
 * whether and what is processed about oneself *is* the access request, Art. 15(1)), but not from a
 * supposition or a report ("thanks for sending my data"); information is never re-read.
 */
export type SpeechAct = 'question' | 'ask' | 'hypothetical' | 'report';

/**
 * Markers of a question *about* a right, asked in a sentence ending in "?": its timing, what follows
 * from it, or whether the controller does something at all ("kiek laiko užtruktų…?", "what happens
 * to my reviews if…?", "ar naudojate automatizuotus sprendimus…?"). Such a question asks for
 * information, not for the right.
 */
const ABOUT_QUESTION = new RegExp(
  [
    String.raw`\bhow (long|soon|quickly|fast|much time|many days)\b`,
    String.raw`\bwhat (happens|would happen|will happen|becomes of)\b`,
    String.raw`\b(do|does) (you|your \w+|[\w.-]+( [\w.-]+)?) (use|make|apply|rely|employ|carry out|run)\b`,
    String.raw`\b(kiek laiko|per kiek|kaip ilgai|kas (nutiktu|atsitiktu|butu|bus|nutinka|vyksta|atsitinka))\b`,
    String.raw`\bar (jus |jusu \w+ )?(naudojat~|taikot~|priimat~|vykdot~|darot~|naudoja|taiko|priima)`,
  ].join('|').replaceAll('~', String.raw`\w*`),
);

/**
 * Markers of a question asking how or whether the writer may exercise a right ("ar galiu paprašyti
 * ištrinti…?", "how do I withdraw that consent?"): often a request in a polite form, but not one
 * made yet, so the right is proposed to staff rather than opened. Not "can I get / have …" or "is it
 * possible to have my data deleted?": asking to receive something is the polite request itself.
 */
const ASK_QUESTION = new RegExp(
  [
    String.raw`\b(can|may|could|should|must) i\b(?! (please |also |just )?(get|have|receive|obtain|see|download)\b)`,
    String.raw`\bam i (able|allowed|entitled)\b(?! to (get|have|receive|obtain|see|download)\b)`,
    String.raw`\b(is|would) it (be )?possible\b(?! (for me )?to (get|have|receive|obtain|see|download)\b)`,
    String.raw`\bis there (a|any) way\b`,
    String.raw`\bhow (do|can|would|should) i\b|\bwhat do i (need|have) to\b|\bwhat (are the steps|is the (procedure|process))\b|\bwhere (can|do|should) i\b`,
    String.raw`\bar (as )?(galiu|galima|imanoma|gali buti|reikia|reiketu|turiu|tureciau|privalau|galeciau|butu galima)\b(?! (man )?(gauti|pamatyti|atsisiusti|susipazinti)\b)`,
    String.raw`\b(kaip|kur) (galiu|galima|reikia|turiu|tureciau|pateikti)\b|\bkaip (man )?\w+ti\b|\bhow to\b`,
  ].join('|'),
);

/**
 * A question that names neither the writer nor a request to act ("ar jūsų paraiškos vertinamos automatiškai?", "ar ištrinsit ir užsakymų
 * istoriją?", "does the app profile users?") asks about the controller's practice, not for a right over the writer's own data.
 * "Could you delete my account?", "ar galėtumėte ištrinti paskyrą?" and "can I get a copy…?" name the writer or ask politely, and stay requests.
 */
const SELF_OR_POLITE = /\b(?:mano|man|mane|manes|manim|as|musu|mus|mums|savo|my|me|mine|i|we|us|our|myself|this|that|it|tai|tas|sis|si|jis|ji|please|kindly|prasau|prasyciau|prasom|malonekite|(?:could|can|would|will) you|(?:ar|gal) (?:galetumet\w*|galite|galit|galetute|galesite|galesit|butu galima|galima)|galetumet\w*)\b/;

/** A sentence put as a question (a question word or an auxiliary at its start or after a comma), not a topic with a "?" ("Portability to another e-shop?"). */
const QUESTION_FORM = /(?:^|[,:]|\s-)\s*(?:ar|kodel|kaip|kada|kiek|kur|do|does|did|is|are|was|were|will|would|why|how|when|who|where|which|what)\b/;

/**
 * A disclaimer anywhere in the mail that nothing is asked yet ("not objecting now, just want to understand", "dar negalvoju trinti,
 * tiesiog noriu žinoti", "kol kas tik klausiu"): the rights it names are asked about, not asked for.
 */
const ONLY_ASKING = /\b(?:just|only|merely) (?:want(?:ed)? to|would like to|trying to) (?:know|understand|ask|check|clarify|find out)(?: (?:the options|my options|how (?:it|this) works|whether|if))?(?= *(?:[.!\n]|$|whether|if|the options|my options|how (?:it|this) works))|\bjust (?:asking|curious|wondering)\b|\bnot (?:asking|requesting|objecting|withdrawing|deleting|applying|unsubscribing|requesting anything)\b[^.?!\n]{0,20}\b(?:yet|now|at this (?:point|stage|time))\b|\b(?:tik|tiesiog) (?:noriu|norejau|noreciau|norim|norime|norejome) (?:suzinoti|zinoti|pasiteirauti|paklausti|pasitikslinti|suprasti)(?= *,? *(?:[.!\n]|$|ar\b|kaip\b|kiek\b|kas\b))|\b(?:tik|tiesiog) (?:klausiu|teiraujuosi|domiuosi)\b|\bdar (?:negalvoju|neprasau|nenusprendziau|nesprendziau|neapsisprendziau)\b|\bkol kas (?:tik klausiu|tik domiuosi|nieko neprasau|neprasau)\b|\bnieko (?:daugiau )?(?:neprasau|nebeprasau|nereikalauju|nebereikalauju)\b|\bi(?:'m| am) not (?:asking|requesting) (?:you )?(?:for )?anything\b|\b(?:bet|taciau|but) (?:as |i )?(?:nenoriu|nenoreciau|don'?t want to|do not want to|wouldn'?t want to) (?:prarast\w*|netekt\w*|lose)\b/;

/** Markers of an indirect question ("norėjau pasiteirauti, ar…", "I'd like to know whether…"): no "?" needed. */
const INDIRECT_QUESTION = /\b(?:wondering|wonder|want(?:ed)? to know|like to know|to ask|to enquire|to inquire|curious)\b[^.?!\n]{0,12}?\b(?:if|whether|how|what happens)\b|\b(?:noreciau|norejau|noriu|norim|norime)\s+(?:suzinoti|pasiteirauti|paklausti|pasitikslinti|zinoti)\b[\s,:–-]+(?:ar|kiek|kaip|kada|jeigu|jei)\b|\b(?:idomu|klausimas)\b[\s,:–-]+(?:ar|kiek|kaip|jeigu|jei)\b/;

/** A first-person supposition before the right's words: "jei(gu) paprašyčiau / ištrinsiu …", "if I asked / were to …". */
const HYPOTHETICAL = /\b(?:jei|jeigu|jeu|tarkim\w*|hipotetiskai)\b[^.?!\n]{0,30}?\b(?:as\s+)?\w+(?:ciau|tume|tumem\w*|siu|sim\w*)\b|\b(?:if|suppose|supposing|hypothetically|in case)\s+(?:i|we)\b|\bwhat if\b|\bsay i\b|\bshould i (?:ever )?(?:decide|want|wish|ask|choose)\b|\bwere i to\b/;

/** Something already done, told as such: by the controller ("ištrynėte", "you deleted", "has been removed") or by the writer ("jau atsisakiau", "I already unsubscribed", "pateikiau prašymą"). */
const REPORT = new RegExp(
  [
    String.raw`\b(istrynet|pasalinot|panaikinot|atnaujinot|pataiset|istaiset|sutvarket|atsiuntet|ivykdet|apribojot|nutraukiet|nustojot|atsakiet)\w*`,
    String.raw`\b(jau|sekmingai|viskas|buvo) (buvo )?(istrint|pasalint|panaikint|sutvarkyt|ivykdyt|atnaujint|pataisyt|istaisyt|apribot)\w*`,
    String.raw`\b(istrint|pasalint|panaikint|ivykdyt)\w* (sekmingai|jau)\b`,
    String.raw`\b(jau )?(atsisakiau|atsisakem\w*|atsaukiau|atsaukem\w*|atsiregistravau|atsisakiusi|atsisakes|pateikiau prasym\w*|issiunciau prasym\w*|pateikem prasym\w*)\b`,
    String.raw`\baciu,? kad\b|\bpadekot\w*`,
    String.raw`(?<!\b(once|after|when|until|before|if|as soon as) )\byou (have |'ve |already |have already |did )?(deleted|erased|removed|unsubscribed|corrected|updated|fixed|closed|stopped|restricted|processed|handled|sorted)\b`,
    String.raw`\b(has|have|had|was|were) (already |now |successfully |finally )*been (deleted|erased|removed|unsubscribed|corrected|updated|closed|processed|completed|done|withdrawn)\b`,
    String.raw`\bi (have |'ve |had )?(already |successfully |just )?(unsubscribed|opted out|withdrew|cancell?ed|submitted|sent (you )?(a|my) (request|form))\b`,
    String.raw`\bthanks?( you)? (so much |very much )?for (deleting|erasing|removing|unsubscribing|correcting|updating|closing|processing|handling|sorting)\b`,
    String.raw`\b(seems|appears) to have worked\b`,
    // A notice of what the controller will do ("neaktyvios paskyros bus ištrintos", "your account will be deleted") is theirs, not a request.
    String.raw`\b(bus|busimas|will be|is going to be|are going to be|are scheduled to be|is scheduled to be) (automatiskai |automatically |permanently |visam laikui )?(istrint|pasalint|panaikint|deleted|removed|erased|closed)\w*`,
    // Something received ("gavau jūsų atsiųstą duomenų kopiją", "received the copy of my data"), not missed ("haven't received").
    String.raw`(?<!\b(not|never|n't|yet to|dar ne|vis dar ne) (yet )?)\b(gavau|gavome|gavom|received)\b[^.?!\n]{0,40}?\b(kopij\w*|duomen\w*|copy|data|export|file|archyv\w*|atsakym\w*|reply|answer)`,
    // A state told as done ("jūsų adresas pašalintas iš sąrašo", "paskyra ištrinta", "prašymas įvykdytas"), not wished ("kad būtų ištrinta") or asked ("ar ištrinta?" is not read here: see speechAct).
    String.raw`(?<!\b(butu|bus|buti|kad|jog|jei|jeigu|ar|ne|nebus|nebutu|turi|turetu)\s+(\w+\s+)?)\b(istrint|pasalint|panaikint|ivykdyt|atnaujint|pataisyt|istaisyt|apribot)(as|a)\b(?![^.!?\n]*\?)`,
    String.raw`\b(was|were) (already |successfully |finally |then )?(deleted|erased|removed|unsubscribed|corrected|updated|closed|processed|completed|withdrawn)\b(?! (by|when|if|before|after)\b)`,
    // A past form beside thanks ("Unsubscribed – thanks", "ištrinta, ačiū").
    String.raw`\b(unsubscribed|deleted|erased|removed|corrected|updated|istrint\w*|pasalint\w*|panaikint\w*|atnaujint\w*|pataisyt\w*)\b[^.?!\n]{0,20}?\b(thanks|thank you|aciu|dekoju)\b|\b(thanks|thank you|aciu|dekoju)\b[^.?!\n]{0,20}?\b(unsubscribed|deleted|erased|removed|corrected|updated|istrynet\w*|pasalinot\w*)\b`,
  ].join('|'),
);
/** The controller's own statement of rights, quoted or forwarded ("Jūs turite teisę…", "you have the right to…"): a sentence that asks nothing. */
const RIGHTS_NOTICE = /\b(?:jus )?turite teis\w*|\byou (?:also )?(?:have|has) (?:the |a )?right|\byou (?:can|may) (?:also )?(?:at any time )?(?:request|ask|exercise|object|withdraw|opt out|unsubscribe|submit a request|make a request)\b|\bgalite bet kada\b|(?<!\bar )\bgalite (?:taip pat )?(?:pateikti prasym\w*|(?:pa)?prasyti|reikalauti|kreiptis)\b/;
/**
 * A letter or notice received, and what it said ("laišką apie tai, kad nebesiųsite reklamos, gavau", "I got your e-mail saying the
 * account was closed"): the right's words after "that / kad" are the letter's content, not a request.
 */
const RECEIVED = /\b(?:gavau|gavome|gavom|received|got)\b/;
const LETTER_SAYING = /\b(?:laisk\w*|pranesim\w*|patvirtinim\w*|letter|e-?mail|confirmation|notice|message|notification)\b(?: \w+){0,2}?,? (?:apie tai,? kad|kad|jog|about|that|saying|stating|confirming)\b/;
/** The controller saying it cannot (or the writer repeating that it cannot): "negalite ištrinti", "you can't delete it yet". */
const REFUSED = /\b(?:negalite|negalit|negalime|negalim|you (?:cannot|can'?t|are unable to)|we (?:cannot|can'?t|are unable to))\b/;
const IN_ADVANCE = /\b(?:in advance|is anksto)\b/;

/**
 * Questions about the access procedure rather than asking for the data: its cost or the controller's deadline ("is there a fee for
 * a copy?", "kiek kainuotų kopija?", "per kiek laiko privalote atsakyti?"). Asking for the data as a question ("can I get a copy?") is not one.
 */
const PROCEDURE_QUESTION = /\b(?:is there a (?:fee|charge|cost)|how much (?:does|would|will|do)|(?:does|would|will) (?:it|that|this) cost|do you charge|kiek (?:kainuo\w*|kainuot\w*|kaina|kainuos)|ar (?:tai |tas |ji )?(?:mokam\w*|nemokam\w*)|ar reikes (?:moketi|sumoketi)|(?:per )?kiek laiko (?:privalote|turite|turit|gali|galite|uztrunka|uztruktu|uztruks)|how long (?:do|does|will|would) (?:you|it) (?:have|take|need))\b/;
/** A first-person supposition anywhere in the sentence ("kiek kainuotų kopija, jei jos paprašyčiau", "what would it cost if I asked for…"). */
const SUPPOSED = /\b(?:jei|jeigu)\b[^.?!\n]{0,30}?\b\w+ciau\b|\bif i (?:were to |ever )?(?:ask|asked|request|requested|wanted|applied)\b/;

/** A right whose question is itself the request (Art. 15: whether and what is processed); information is never re-read. */
const ASKED_BY_QUESTION: ReadonlySet<RightType> = new Set<RightType>(['access']);

/** What ends a sentence: not the dot of an abbreviation ("el. paštu", "pvz.", "nr.", "e.g.") or of a number, so "ar galiu atšaukti sutikimą el. paštu?" is one question. */
const ENDS = /[!?;\n]|(?<!\b(?:el|pvz|nr|tel|tt|pan|kt|sav|val|str|angl|lot|e\.g|i\.e|etc|mr|mrs|ms|dr|st|no|vs|approx|[a-z]))\.(?!\d)/g;
/** What ends a clause for a report: sentence ends, commas (except before "kad"/"that") and "but"/"bet". */
const CLAUSE_ENDS = /[.!?;\n]|,(?!\s*(?:kad|jog|that)\b)|\s(?:but|bet|taciau|however)\b|\s(?:and|ir)\s+(?=(?:i|as|also|taip pat|please|prasau|noriu|have|get|ask|kad)\b)/g;
/** "and"/"ir" joining a new request to an indirect question. */
const JOINED_REQUEST = /\s(?:and|ir)\s+(?=(?:i|as|also|taip pat|please|prasau|noriu|have|get|ask|kad)\b)/g;

/** Where the clause holding `index` starts and ends (`breaks`: which marks end a clause); the rules use it too. */
export function span(folded: string, index: number, breaks: RegExp): { start: number; end: number } {
  let start = 0;
  let end = folded.length;
  for (const m of folded.matchAll(breaks)) {
    const at = m.index ?? 0;
    if (at < index) start = at + m[0].length;
    else {
      end = at;
      break;
    }
  }
  return { start, end };
}

/**
 * Example: `speechAct('jei paprasyciau istrinti mano duomenis, kiek laiko tai uztruktu?', 16, 'erasure')` → `'hypothetical'`;
 * `speechAct('prasau istrinti mano duomenis', 6, 'erasure')` → `null` (a request).
 */
export function speechAct(folded: string, index: number, right: RightType): SpeechAct | null {
  const sentence = span(folded, index, ENDS);
  // Up to the end of the right's first word: the supposition may be that word ("jeigu ištrinsiu paskyrą").
  const before = folded.slice(sentence.start, index + (/^\w*/.exec(folded.slice(index))?.[0].length ?? 0));
  const clause = span(folded, index, CLAUSE_ENDS);
  const clauseText = folded.slice(clause.start, clause.end);
  if (REPORT.test(clauseText) && !IN_ADVANCE.test(clauseText)) return 'report';
  // The controller's refusal, told ("duomenų ištrinti negalite", "you can't delete it while…"): not asked.
  if (REFUSED.test(clauseText) && folded[sentence.end] !== '?') return 'report';
  if (RIGHTS_NOTICE.test(folded.slice(sentence.start, sentence.end))) return 'report';
  if (right === 'information') return null;
  if (RECEIVED.test(folded.slice(sentence.start, sentence.end)) && LETTER_SAYING.test(folded.slice(sentence.start, index))) return 'report';
  if (HYPOTHETICAL.test(before)) return 'hypothetical';
  if (ASKED_BY_QUESTION.has(right)) {
    const text = folded.slice(sentence.start, sentence.end);
    if (SUPPOSED.test(text)) return 'hypothetical';
    return folded[sentence.end] === '?' && PROCEDURE_QUESTION.test(text) ? 'question' : null;
  }
  if (ONLY_ASKING.test(folded)) return 'question';
  // An indirect question reaches the rest of its sentence up to a new request joined by "and"/"ir" ("I want to know how the score was calculated and have a person look at it").
  const joined = [...before.matchAll(JOINED_REQUEST)].at(-1);
  if (INDIRECT_QUESTION.test(joined ? before.slice((joined.index ?? 0) + joined[0].length) : before)) return 'question';
  if (folded[sentence.end] !== '?') return null;
  const text = folded.slice(sentence.start, sentence.end);
  if (ABOUT_QUESTION.test(text)) return 'question';
  if (ASK_QUESTION.test(text)) return 'ask';
  return QUESTION_FORM.test(text) && !SELF_OR_POLITE.test(text) ? 'question' : null;
}
