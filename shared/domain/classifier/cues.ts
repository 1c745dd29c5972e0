import type { Language } from '../channels.ts';
import type { RightType } from '../rights.ts';
import type { Cue } from './lexicon.ts';

// The cues as written, with the shorthand of `spaced`. Only cue-sources.ts imports this module: a
// Lambda bundle holds the cues' expanded sources, computed when it is built (issue 15: expanding
// and compiling the ~270 written patterns was ~7 ms of the first classified e-mail).

/** The rights and languages as names, so that each cue below reads short. */
const ACCESS = 'access';
const RECTIFICATION = 'rectification';
const ERASURE = 'erasure';
const RESTRICTION = 'restriction';
const PORTABILITY = 'portability';
const OBJECTION = 'objection';
const MARKETING = 'direct_marketing_objection';
const AUTOMATED = 'automated_decision_review';
const CONSENT = 'consent_withdrawal';
const INFORMATION = 'information';
const EN = 'en';
const LT = 'lt';

const MY_LT = '((mano|savo|apie mane|visus|visu|visa|visa mano|visus mano|visus savo) )*';
const DATA_LT = '(asmens )?(duomen~|informacij~)';
const MY_EN = '((my|the|all|all of my|all the|any|of my|his|her|their|account) )*';
const DATA_EN = `${MY_EN}((personal|private|customer) )?(data|information|details|records?)`;
const ABOUT_ME = '( (about|on|of|regarding|concerning) me)?';
/** Personal data a correction is about, for telling it from a wrong order or bill. */
const PERSONAL_EN = '((first |last |family )?name|surname|address|data|details|information|e-?mail|phone|number|date of birth|birthday|records?|profile|spelling|personal code|iban|bank account)';
const PERSONAL_LT = '(duomen|adres|vard|pavard|telefon|numer|el\\.?\\s*pa|gimimo|asmens kod|informacij|irasa|iras|saskaitos numer|duomenyse)';
const WORDS = (n: number) => `( \\S+){0,${n}}?`;

/**
 * A space in a cue stands for `\s+` (any run of white space, line breaks included) and `~` for
 * `\w*` (any ending: `istrin~` is ištrinti, ištrinkite, ištrinimo …): the cues read
 * as the words they match, and the inbound-email bundle stays within its budget (for the same
 * reason the cues group with plain parentheses: only where a match is, never what a group
 * captured, is used). Spaces inside a character class (`[- ]`) stay literal.
 */
function spaced(pattern: RegExp): RegExp {
  let out = '';
  let inClass = false;
  const src = pattern.source;
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i] ?? '';
    if (ch === '\\') {
      out += src.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += inClass ? ch : ch === ' ' ? '\\s+' : ch === '~' ? '\\w*' : ch;
  }
  return new RegExp(out);
}

const cue = (right: RightType, language: Language, weight: number, pattern: RegExp, yieldsTo?: readonly RightType[], objectOnly?: boolean): Cue => ({ right, language, weight, pattern: spaced(pattern), ...(yieldsTo ? { yieldsTo } : {}), ...(objectOnly ? { objectOnly } : {}) });
/** A noun-phrase cue ("everything you have on me"): not read when another right's verb governs it. */
const object = (right: RightType, language: Language, weight: number, pattern: RegExp): Cue => cue(right, language, weight, pattern, undefined, true);
const re = (source: string) => new RegExp(source);

const ANY_OTHER_RIGHT: readonly RightType[] = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'direct_marketing_objection', 'automated_decision_review', 'consent_withdrawal'];

export const WRITTEN_CUES: readonly Cue[] = [
  // access (Art. 15)
  cue(ACCESS, EN, 0.9, /\bright (of|to) access\b/),
  cue(ACCESS, EN, 0.9, re(`\\b(a |full )?cop(y|ies) of (${DATA_EN}|everything|all (the )?(data|information))`)),
  cue(ACCESS, EN, 0.9, re(`\\baccess (to )?${DATA_EN}`)),
  cue(ACCESS, EN, 0.9, /\b(subject access request|dsar|data access request)\b/),
  cue(ACCESS, EN, 0.9, /\bwhat (kind of )?(personal )?(data|information|details) (do |does )?(you|your company|you guys) (hold|have|keep|store|process|collect)/),
  // "everything you have on me" is what is asked for, unless an erasure verb takes it ("delete everything you have on me").
  object(ACCESS, EN, 0.9, /(?<!\b(erase|delete|remove|destroy|wipe|purge|rid of) )\b(what|everything) (do )?you('ve| have)? (hold|have|keep|store|know|got) (about|on) me\b/),
  cue(ACCESS, EN, 0.9, re(`\\b(see|view|know|check|review|find out|learn|show me) (which |what )?${DATA_EN}(${ABOUT_ME}| (you )?(hold|have|keep|store) (about|on) me)`)),
  cue(ACCESS, EN, 0.75, re(`\\b(send|give|provide|email|forward) (me )?${DATA_EN}${ABOUT_ME}`), ['portability']),
  cue(ACCESS, EN, 0.9, /\b(article|art\.?)\s*15\b/),
  cue(ACCESS, EN, 0.9, /\bwhether (or not )?you (process|hold|store|keep) (any )?(of )?my\b/),
  cue(ACCESS, LT, 0.9, re(`\\bsusipazin~ su ${MY_LT}${DATA_LT}`)),
  cue(ACCESS, LT, 0.6, /\bsusipazin~/),
  cue(ACCESS, LT, 0.9, re(`\\bkopij~ ${MY_LT}${DATA_LT}`)),
  cue(ACCESS, LT, 0.9, re(`\\b${MY_LT}${DATA_LT} kopij~`)),
  cue(ACCESS, LT, 0.9, re(`\\b(kokius|kokie|kokia|kokia|kokiu|ka) (butent )?${MY_LT}${DATA_LT}`)),
  object(ACCESS, LT, 0.9, re(`\\b(kokius|kokie|kokia|kokiu|ka) (jus )?(apie mane )?(tvarkot~|turit~|saugot~|renkat~|zinot~)`)),
  cue(ACCESS, LT, 0.9, re(`\\bar (jus )?(tvarkot~|turit~|saugot~|renkat~) ${MY_LT}${DATA_LT}`)),
  cue(ACCESS, LT, 0.9, re(`\\b(prieig~|teis~ susipazinti) (prie |su )?${MY_LT}${DATA_LT}`)),
  cue(ACCESS, LT, 0.9, re(`\\b(pamatyt~|perziuret~|suzinot~|suzinoti)${WORDS(3)} ${MY_LT}${DATA_LT}`)),
  cue(ACCESS, LT, 0.75, re(`\\b(pateik~|atsius~|atsiunt~|gaut~|isduot~|persius~) (man )?${MY_LT}${DATA_LT}`), ['portability']),
  cue(ACCESS, LT, 0.9, /\b(bdar )?15 str/),
  cue(ACCESS, LT, 0.9, /\b(atsius~|atsiunt~|pateik~|gaut~|isduot~) (man )?(ju |tu duomenu )?kopij~/),

  // erasure (Art. 17)
  cue(ERASURE, EN, 0.9, /\bright to (be forgotten|erasure)\b/),
  // The object, not a place: "delete the duplicate invoice from my account" erases an invoice, not the account.
  cue(ERASURE, EN, 0.9, /\b(erase|delete|remove|destroy|wipe|purge|get rid of) (all )?(of )?(my|me|the|everything|any)\b((?!\b(from|in|on|at|off)\b)[^.\n]){0,40}?\b(data|account|information|details|profile|records?|history|trace|systems?|database)\b/),
  cue(ERASURE, EN, 0.9, /\b(erase|delete|wipe) (it|them|everything)\b/),
  // Not "delete my old e-mail address (and use the new one)": that replaces a value, rectification reads it.
  cue(ERASURE, EN, 0.6, /\b(erase|delete|wipe)\b(?![^.\n]{0,20}\b(old|previous|former)\b)/),
  cue(ERASURE, EN, 0.9, /\b(erasure|deletion) of (my|the|all)\b/),
  cue(ERASURE, EN, 0.9, /\bforget (about )?me\b/),
  // The passive ("have it erased", "want my account deleted"): English morphology too.
  cue(ERASURE, EN, 0.9, /\b((it|them)( all)?|everything|(my|all my) (personal )?(data|account|information|details|profile|records)) (to be |be |being )?(erased|deleted|removed|wiped)\b/),
  cue(ERASURE, EN, 0.9, /\bremove me (completely )?from (your|all your) (database|systems?|records|files|crm)/),
  // The object is looked ahead, not matched: staff see the verb the subject wrote ("IŠTRINTI").
  cue(ERASURE, LT, 0.9, re(`\\b(istr(in|yn)~|pasalin~|sunaikin~|trink~|trint~)(?=${WORDS(4)} (${MY_LT}(${DATA_LT}|paskyr~|profil~|irasu~|duomenis)))`)),
  cue(ERASURE, LT, 0.9, re(`\\b(${MY_LT}${DATA_LT}|paskyros|profilio) (istr(in|yn)~|pasalinim~|sunaikinim~|panaikinim~)`)),
  // Not the first person ("ištryniau programėlę", "pašalinau"): that tells what the writer did, not what they ask.
  cue(ERASURE, LT, 0.6, /\b(istr(in|yn)|pasalin|sunaikin|trinkit|trintumet)(?![a-z]*(iau|au|ome|eme)\b)~(?![^.\n]{0,20}\b(sen~|ankstesn~|buvus~)\s)/),
  cue(ERASURE, LT, 0.9, re(`\\bpanaikin~ ${MY_LT}(paskyr~|${DATA_LT}|profil~)`)),
  cue(ERASURE, LT, 0.9, /\bteis~ buti pamirst~/),
  cue(ERASURE, LT, 0.9, /\bnebesaugot~ (mano|savo) (asmens )?duomen~/),

  // rectification (Art. 16)
  // "Correct the order", "ištaisyti klaidą ir atsiųsti teisingą prekę" are service faults: the verb is sure only with personal data in its sentence.
  cue(RECTIFICATION, EN, 0.9, /\brectif~/),
  cue(RECTIFICATION, EN, 0.9, re(`\\b(correct|fix|amend) (my|the|it|this|that|them)\\b(?=[^.\\n]{0,50}\\b${PERSONAL_EN}\\b)`)),
  cue(RECTIFICATION, EN, 0.9, re(`(?<=\\b${PERSONAL_EN}\\b[^.\\n]{0,80})\\b(correct|fix|amend) (my|the|it|this|that|them)\\b`)),
  cue(RECTIFICATION, EN, 0.6, /\b(correct (my|the|it|this|that|them)\b|fix (my|the|it)\b|amend (my|the)\b)/),
  cue(RECTIFICATION, EN, 0.9, /\b(update|change) (my|the) (postal |home |billing |e-?mail )?(address|name|surname|last name|family name|details|data|e-?mail|phone( number)?|date of birth|birth date)/),
  cue(RECTIFICATION, EN, 0.9, /\b(wrong|incorrect|inaccurate|outdated|out of date|misspelled|mistaken) (personal )?(data|address|name|surname|details|information|e-?mail|phone|date)/),
  cue(RECTIFICATION, EN, 0.9, /\b(name|address|surname|details|data|information|e-?mail|phone number|date of birth) (is|are|was|were|has been) (wrong|incorrect|inaccurate|outdated|out of date|misspelled|not correct)/),
  cue(RECTIFICATION, EN, 0.9, /\bmy (name|surname|address) (has )?changed\b/),
  cue(RECTIFICATION, LT, 0.9, re(`\\b(istaisy|patikslin|pataisy)~(?=[^.\\n]{0,60}\\b${PERSONAL_LT})`)),
  cue(RECTIFICATION, LT, 0.9, re(`(?<=\\b${PERSONAL_LT}~[^.\\n]{0,80})\\b(istaisy|patikslin|pataisy)~`)),
  cue(RECTIFICATION, LT, 0.6, /\b(istaisy~|patikslin~|pataisy~)/),
  cue(RECTIFICATION, LT, 0.9, /\b(neteising~|klaiding~|pasenus~|netiksl~) (mano )?(asmens )?(duomen~|adres~|vard~|pavard~|informacij~|telefon~|gimimo)/),
  cue(RECTIFICATION, LT, 0.9, /\b(pakeisti|pakeiskite|atnaujin~) (mano |savo )?(asmens )?(duomen~|adres~|vard~|pavard~|telefon~|el\.?\s*pa~)/),
  cue(RECTIFICATION, LT, 0.9, /\b(pasikeit~) (mano )?(adres~|pavard~|vard~|telefon~)/),
  cue(RECTIFICATION, LT, 0.9, /\b(adres~|pavard~|vard~|duomen~) (yra )?(neteising~|klaiding~|pasikeit~|pasen~)/),

  // restriction (Art. 18)
  cue(RESTRICTION, EN, 0.9, /\b(restrict~ (the )?(processing|use)|right to restriction|restriction of (the )?processing|limit (the )?(processing|use) of my)\b/),
  cue(RESTRICTION, EN, 0.9, /\b(freeze|suspend|pause) (the )?(processing|use) of my\b/),
  cue(RESTRICTION, EN, 0.9, /\b(stop using|do not use|don'?t use) my (personal )?(data|information)\b[^.\n]{0,30}?\buntil\b/),
  cue(RESTRICTION, LT, 0.9, /\bapribo~ (mano |savo )?(asmens )?(duomen~ )?(tvarkym~|naudojim~)/),
  cue(RESTRICTION, LT, 0.9, /\b(apriboj~|apribot~|apribokit~)\b/),
  cue(RESTRICTION, LT, 0.9, /\b(sustabdyt~|sustabdykit~) (mano )?(asmens )?(duomen~ )?(tvarkym~|naudojim~)[^.\n]{0,60}\bkol\b/),

  // portability (Art. 20)
  cue(PORTABILITY, EN, 0.9, /\b(portab~|machine[- ]readable|export (of )?(all )?my (personal )?data|port my data)\b/),
  cue(PORTABILITY, EN, 0.9, /\b(csv|json|xml|structured|commonly used) (format|file|export)/),
  cue(PORTABILITY, EN, 0.9, /\b(move|transmit|transfer|send|give) (it|them|my (personal )?data) (directly )?to (another|a new|my new|a different|an other) (provider|company|service|bank|operator|controller|supplier)/),
  cue(PORTABILITY, LT, 0.9, /\b(perkeliam~|perkel~ (mano |savo )?(asmens )?duomen~)/),
  cue(PORTABILITY, LT, 0.9, /\b(kompiuterio skaitom~|masiniu budu skaitom~|susistemint~|strukturuot~|iprastai naudojam~) (ir \S+ )?(\S+ )?format~/),
  cue(PORTABILITY, LT, 0.9, /\b(csv|json|xml) format~/),
  // Everyday words for "machine-readable" ("mašininio nuskaitymo", "mašininiu būdu nuskaitomu") and
  // for moving the data to a new provider ("perkelti į naują banką", "perkelsiu kitai įmonei").
  cue(PORTABILITY, LT, 0.9, /\bmasinin~ (budu )?(nu)?skait~/),
  cue(PORTABILITY, LT, 0.9, /\bperkel~ (juos |ju |tai )?(i )?(kit~|nauj~) (paslaug~|tiekej~|teikej~|bendrov~|operator~|imon~|bank~|valdytoj~)/),
  cue(PORTABILITY, LT, 0.9, /\bperduot~ (juos |mano duomenis |duomenis )?(tiesiogiai )?(kitam|kitai|naujam|naujai) (paslaug~|tiekej~|bendrov~|operator~|imon~|bank~|valdytoj~)/),

  // objection (Art. 21(1))
  cue(OBJECTION, EN, 0.9, /\b(i )?object to\b|\bobjection to\b|\bright to object\b/),
  // "…until you have checked" asks for a pause: that is restriction (Art. 18), not an objection.
  cue(OBJECTION, EN, 0.9, /\bstop (processing|using) my (personal )?(data|information)\b(?![^.\n]{0,60}\buntil\b)/),
  cue(OBJECTION, EN, 0.9, /\b(don'?t|do not) (agree|consent) (to )?(you |your )?(processing|using|use of) my\b/),
  cue(OBJECTION, EN, 0.6, /\blegitimate interests?\b/),
  // "Nesutinku su sprendimu" disagrees with a decision (Art. 22 or a complaint), not with the processing.
  // "Nesutinku su sprendimu / atsakymu" disagrees with a decision or an answer (Art. 22, a complaint), not with the processing.
  // "Nesutinku su …" disagrees with something (a decision, a debt, an answer); it objects only when what it disagrees with is the processing.
  cue(OBJECTION, LT, 0.9, /\b(nesutink(?!~ su\b)~|priestarau~|nesutikim~)/),
  cue(OBJECTION, LT, 0.9, /\bnesutink~ su\b(?=[^.\n]{0,40}\b(tvarkym|naudojim|tvarko|naudoja|tvarkot|naudojat|rinkim|renkat|profiliavim|tuo\b))/),
  // "Prašau nebetvarkyti mano duomenų" ends the processing (Art. 21); with "kol …" it is a pause (restriction), read there.
  cue(OBJECTION, LT, 0.9, /(?<!\bkol\b[^.\n]{0,100})\b(nebetvarkyt~|nebetvarkykit~|netvarkyt~|netvarkykit~|nebenaudot~|nebenaudokit~) (mano |savo )?(asmens )?duomen~(?![^.\n]{0,60}\bkol\b)/),
  cue(OBJECTION, LT, 0.9, /\b(nustokit~|liaukit~s) (tvarky~|naudo~) (mano )?(asmens )?duomen~/),
  cue(OBJECTION, LT, 0.6, /\bteisetu~ interes~/),

  // direct marketing objection (Art. 21(2)–(3))
  cue(MARKETING, EN, 0.9, /\b(unsubscribe|opt[- ]?out|direct marketing|(stop|no more|don'?t|do not|never) (sending |send |to send )?(me )?(any )?(more )?(marketing|newsletters?|advertis~|promotion~|offers|spam|ads)|remove me from (your |the )?(mailing|newsletter|marketing|distribution)~)/),
  cue(MARKETING, EN, 0.9, /\b(stop|don'?t|do not|never) (emailing|texting|calling|messaging|contacting|call|text|email|sms) me\b[^.\n]{0,40}?(offers|marketing|promotion|advert|sales|deals|newsletters?|ads)|\b(stop|no more) (marketing|promotional|sales) (e-?mails|calls|texts|sms|messages)/),
  cue(MARKETING, EN, 0.9, /\b(take|get) me off (your|the) (mailing |marketing )?lists?\b/),
  cue(MARKETING, EN, 0.9, /\b(take|get|remove) me (off|from) (every|all|any) (\w+ )?lists?\b/),
  cue(MARKETING, EN, 0.6, /\b(don'?t|do not|never|stop) (call|text|e-?mail|phone|message|contact|ring)(ing)? me\b/),
  cue(MARKETING, EN, 0.9, /\b(take|get|remove) me (off|from) (your|the|all your) ((e-?mail|sms|text|mailing|newsletter|marketing|promo~|subscriber|distribution) )+lists?\b/),
  cue(MARKETING, EN, 0.9, /\b(don'?t|do not|no longer) (want to )?(receive|get) (any )?(more )?(marketing|promotional|newsletters?|offers|advertis~|sales)/),
  cue(MARKETING, LT, 0.9, /\b(atsisak~ (jusu )?(naujienlaisk~|naujien~|reklam~|prenumerat~|rinkodar~|pasiulym~)|nebesiusk~|nebesiust~|nesiuskit~|neskambink~|nebeskambink~|tiesiogin~ rinkodar~|(nenoriu|nebenoriu|nepageidauju) gauti (jokiu |jusu )?(reklam~|naujienlaisk~|pasiulym~|rinkodar~))/),
  cue(MARKETING, LT, 0.9, /\bisbrauk~ (mane )?(is )?(jusu )?(naujienlaisk~|adresat~|prenumerator~|rinkodar~|reklam~)/),

  // automated decision review (Art. 22)
  cue(AUTOMATED, EN, 0.9, /\b(automated (individual )?decision~|human (review|intervention|being (to )?(review|look|reconsider))|automatic(ally)? (decision|rejected|refused|declined|made))/),
  cue(AUTOMATED, EN, 0.9, /\b(a )?(real )?(person|human|member of (your )?staff|employee|staff member) (to |should |would |could )?(review|look at|reconsider|re-?examine|check) (the|this|my|that) (decision|refusal|rejection|application|result|score)/),
  cue(AUTOMATED, EN, 0.9, /\b(decided|rejected|refused|declined|scored) by (an? )?(algorithm|computer|machine|system|software)/),
  // "Profiling" alone is only a hint of Art. 22; where the mail withdraws consent (to profiling, to
  // scoring), that is the right it exercises, and no decision is asked to be reviewed.
  // Art. 21(1) objects to processing "including profiling", and profiling for ads is direct marketing:
  // the hint gives way to those, and to a consent withdrawal; Art. 22 needs a decision.
  cue(AUTOMATED, EN, 0.6, /\b(profiling|algorithm|credit scor~)\b/, ['consent_withdrawal', 'objection', 'direct_marketing_objection']),
  cue(AUTOMATED, EN, 0.9, /\b(article|art\.?)\s*22\b/),
  cue(AUTOMATED, LT, 0.9, /\b(automatizuot~|automatin~|automatisk~) (priimt~ )?(sprendim~|atmet~|priimt~|ivertin~|vertinim~)/),
  cue(AUTOMATED, LT, 0.9, /\bsprendim~ (buvo )?(priimt~ )?automatisk~/),
  cue(AUTOMATED, LT, 0.9, /\bsprendim~[^.\n]{0,40}\b(perziuret~|perziurek~|ivertint~|persvarstyt~|priimt~)[^.\n]{0,30}\b(darbuotoj~|zmog~|specialist~|asmu)\b/),
  cue(AUTOMATED, LT, 0.9, /\b(darbuotoj~|zmog~|specialist~)[^.\n]{0,30}\b(perziuret~|ivertint~|persvarstyt~)[^.\n]{0,20}\bsprendim~/),
  cue(AUTOMATED, LT, 0.9, /\bzmogaus (isikisim~|dalyvavim~|perziur~)/),
  cue(AUTOMATED, LT, 0.6, /\bprofiliavim~/, ['consent_withdrawal', 'objection', 'direct_marketing_objection']),
  cue(AUTOMATED, LT, 0.9, /\b(bdar )?22 str/),

  // consent withdrawal (Art. 7(3))
  cue(CONSENT, EN, 0.9, /\b(withdraw~|revok~|take back|cancel~|retract~) (my |the |any |all )?(previously given )?consents?\b/),
  cue(CONSENT, EN, 0.9, /\bno longer (give (my )?)?consent\b|\b(consent|permission|authori[sz]ation) (is )?(hereby )?(withdrawn|revoked)\b/),
  cue(CONSENT, LT, 0.9, /\b(atsauk~ ((savo|mano|duot~|visus|jums|anksciau) ){0,3}sutikim~|sutikim~[^.\n]{0,40}\batsauk~)/),
  cue(CONSENT, LT, 0.9, /\b(nebeduodu|nebesutinku)\b/),

  // information (Art. 13–14): questions about processing that need no identity
  cue(INFORMATION, EN, 0.9, /\bhow (do |does )?(you|your company) (process|use|handle|collect|protect|store)\b[^.\n?]{0,30}\b(data|information)\b/),
  cue(INFORMATION, EN, 0.9, /\b(who|which (third parties|companies|partners)) (do )?you (share|transfer|disclose|send|give)\b/),
  cue(INFORMATION, EN, 0.9, /\b(how long (do )?you (keep|retain|store)|retention period|(on )?what (legal )?basis (do )?you)/),
  // Naming the privacy policy is where a question usually starts, and often where a request starts ("your privacy policy says …; I object"): a hint only.
  cue(INFORMATION, EN, 0.6, /\byour privacy (policy|notice)/, ANY_OTHER_RIGHT),
  cue(INFORMATION, LT, 0.9, /\bkaip (jus )?(tvarkot~|naudoj~|renkat~|saugot~|apsaugot~) (klientu |mano |savo )?(asmens )?duomen~/),
  cue(INFORMATION, LT, 0.9, /\b(kam|kokioms (imonems|trecio~ \w+)) (jus )?(perduodat~|teikiat~|atskleidziat~|perduodam~|teikiam~|atskleidziam~)/),
  cue(INFORMATION, LT, 0.9, /\b(kiek laiko (jus )?saugot~|saugojimo termin~|kokiu (teisiniu )?pagrindu)/),
  cue(INFORMATION, LT, 0.6, /\bprivatumo politik~/, ANY_OTHER_RIGHT),

  // Paraphrases (2026-12-05, second round): the right's verb and its object apart, everyday words.
  // access
  cue(ACCESS, EN, 0.9, re(`\\b(get hold of|obtain|receive|get|request|have) (a copy of )?${DATA_EN} (that |which )?(you|your (company|organi[sz]ation|firm|bank|shop|store)) (ha(ve|s)|hold|holds|keep|keeps|store|stores|process|processes|collected|gathered|stored)`)),
  object(ACCESS, EN, 0.9, re(`\\b(data|information|details|records?) ((that|which) )?(have )?(you|your (company|organi[sz]ation|firm)) (have |has )?(collected|gathered|stored|kept|processed|recorded|held|hold|have|keep|store|process) (\\w+ ){0,2}?(about|on|regarding|concerning) me\\b`)),
  cue(ACCESS, EN, 0.9, /\b(what|which) (personal )?(data|information|details|records) ((of mine|about me) )?(have |do |does )?(you|your company) (have )?(collected|gathered|stored|kept|recorded|processed|got|gotten|obtained|hold|have|keep|store|process)/),
  cue(ACCESS, EN, 0.9, /\bcan i (get|have|see|receive|obtain) (a copy of )?(all )?(my|the) (personal )?(data|information|details|records)\b/),
  cue(ACCESS, LT, 0.9, re(`\\b(gaut~|pateik~|atsius~|suzinot~|suzinoti|sužinot~) (visa|visus|visu)?\\s*(informacij~|duomen~)\\s*,? (kuri~|kuriuos|kurie) (apie mane )?(jus )?(apie mane )?(turit~|tvarkot~|saugot~|renkat~|surinkot~)`)),
  object(ACCESS, LT, 0.9, /\b(informacij~|duomen~)\s*,? (kuri~|kuriuos|kurie) apie mane (jus )?(turit~|tvarkot~|saugot~|renkat~|surinkot~)/),
  cue(ACCESS, LT, 0.9, /\bar (jus )?(tvarkot~|turit~|saugot~|renkat~) (kokius nors |kokiu nors )?(mano|apie mane)/),

  // erasure: the passive with words between ("all records about me permanently deleted")
  cue(ERASURE, EN, 0.9, /\b(want|would like|wish|ask|request|need|demand|like)\b[^.\n!?]{0,60}?\b(data|records?|information|details|account|profile|everything|it|them|answers|responses|photos?|pictures?|images?|videos?|comments?|reviews?|posts?|recordings?)\b[^.\n!?]{0,40}?\b(permanently |completely |fully )?(deleted|erased|removed|wiped|destroyed|purged)\b/),
  cue(ERASURE, EN, 0.9, /\b(close|terminate|deactivate|cancel) (my )?account and (delete|erase|remove|wipe)\b/),
  cue(ERASURE, EN, 0.9, /\b(erase|delete|remove|wipe|purge|destroy) (all )?(of )?(my|the) (personal )?(data|information|details|photos?|pictures?|images?|recordings?|emails?|comments?|reviews?)\b/),
  cue(ERASURE, LT, 0.9, /\b(paskyr~|duomen~|profil~|informacij~) (butu|bus|turi buti) (visiskai )?(istrint~|pasalint~|sunaikint~|panaikint~)/),
  cue(ERASURE, LT, 0.9, /\b(istrint~|istrink~|pasalint~|pasalink~|sunaikint~|sunaikink~) (viska|visus|visa)\b/),

  // rectification: the wrong value or the new one, in either order
  cue(RECTIFICATION, EN, 0.9, /\b(phone( number)?|mobile( number)?|number|address|surname|(first |last |family )?name|e-?mail( address)?|date of birth|birthday|birth date|personal code|id number|details|spelling)\b[^.\n]{0,30}?\b(is|are|was|were|has been|have been) (\w+ )?(outdated|out of date|wrong|incorrect|misspel+t|misspelled|inaccurate|not right|no longer (valid|correct|current)|changed)\b/),
  cue(RECTIFICATION, EN, 0.9, /\b(misspel+t|misspelled|mistyped|typo in|spelled wrong|wrongly (spelled|spelt|recorded|entered|written))\b/),
  cue(RECTIFICATION, EN, 0.9, /\b(use|record|register|enter|put in) my (new|correct|current) (postal |home |e-?mail )?(address|name|surname|phone|number|e-?mail|details)/),
  cue(RECTIFICATION, EN, 0.9, /\b(correction|update|amendment) (of|to) (my|the) (personal )?(data|address|name|surname|details|e-?mail|phone|record|information)/),
  cue(RECTIFICATION, EN, 0.9, /\bmy new (postal |home )?(address|surname|phone number|e-?mail address|name) is\b/),
  cue(RECTIFICATION, LT, 0.9, /\b(telefon~( numer~)?|numer~|adres~|pavard~|vard~|gimimo dat~|asmens kod~|el\.?\s*pa~) (yra |buvo )?(pasikeit~|nebegalioj~|pasen~|neteising~|klaiding~)/),
  cue(RECTIFICATION, LT, 0.9, /\b(klaidingai|neteisingai|netiksliai) (yra )?(nurodyt~|uzrasyt~|irasyt~|ivest~|pateikt~|parasyt~)/),
  cue(RECTIFICATION, LT, 0.9, /\bnauj~ (mano )?(adres~|telefono numer~|pavard~|el\.?\s*pa~)\s*(yra|:|–|-)/),

  // restriction: "don't use / process it while / until" — a pause, not an end
  cue(RESTRICTION, EN, 0.9, /\b(don'?t|do not|not to|stop|cease|halt|pause) (to )?(process~|us(e|ing)) (my (personal )?(data|information)|it|them)\b[^.\n]{0,60}?\b(while|until|till|pending|for the time being|for now)\b/),
  cue(RESTRICTION, EN, 0.9, /\bkeep (my (personal )?data|it|them) but (do not|don'?t|not) (use|process)\b/),
  cue(RESTRICTION, EN, 0.9, /\b(block|put on hold|lock) (the processing of )?my (personal )?(data|information|record)\b/),
  cue(RESTRICTION, LT, 0.9, /\b(nebenaudot~|nenaudot~|nenaudokit~|nebenaudokit~|netvarkyt~|netvarkykit~|nebetvarky~|sustabdyt~|sustabdykit~)\b[^.\n]{0,60}\bkol\b/),
  cue(RESTRICTION, LT, 0.9, /\blaikinai (nebe)?(nenaudot~|netvarky~|sustabdyt~|apribot~|nenaudokit~)/),

  // portability: export, a file for the new provider, a transfer to "them"
  cue(PORTABILITY, EN, 0.9, /\bexport~\b[^.\n]{0,60}?\b(csv|json|xml|excel|xlsx|spreadsheet|file|format)\b/),
  cue(PORTABILITY, EN, 0.9, /(?<!\b(you|we|they|who|do) )\b(transfer|transmit|move|port) (all )?(of )?my (personal )?(data|information|history|records?) (directly )?to\b/),
  cue(PORTABILITY, EN, 0.9, /\b(import|upload|load) (it|them|the data|my data) (in)?to (my new|a new|another|the new)\b/),
  cue(PORTABILITY, EN, 0.6, /\b(switching|moving|changing) (to )?(another|a new|a different|my) (\w+ )?(provider|bank|operator|supplier|company|service)/),
  cue(PORTABILITY, LT, 0.9, /\beksport~/),
  // A data request in a named file format ("send me all my data in CSV", "in JSON so I can keep it", "csv, kad importuočiau kitur").
  cue(PORTABILITY, EN, 0.9, /\b(my|all|the) (\w+ )?(data|information|history|records?)\b[^.\n]{0,40}?\b(in|as) (a |an )?(csv|json|xml|xlsx|excel|machine[- ]readable)\b/),
  cue(PORTABILITY, LT, 0.9, /\b(csv|json|xml|xlsx|excel)\b[^.\n]{0,40}?\b(importuot~|ikelt~|perkelt~|perkel~)/),
  cue(PORTABILITY, LT, 0.9, /\b(csv|json|xml|excel|xlsx) (faile|failu|faila|rinkmen~)/),
  cue(PORTABILITY, LT, 0.6, /\b(pereinu|pereisiu|keiciu|pakeisiu|keisiu) (pas )?(kit~|nauj~)?\s*(operatori~|tiekej~|bank~|paslaugu teikej~|imon~)/),
  cue(PORTABILITY, LT, 0.9, /\bperduot~ (juos |mano duomenis |duomenis )?(tiesiogiai )?(kitam|kitai|naujam|naujai|kitu|kito)\b/),

  // direct marketing: a marketing word with a stop, refusal or removal in the same sentence
  cue(MARKETING, EN, 0.9, /\b(stop|remove|unsubscribe|delete|don'?t|do not|no longer|never asked|no more|make it stop|not interested)\b((?!\b(but|however)\b)[^.\n!?]){0,60}?\b(newsletters?|marketing|promotional|promotions?|advertising|adverts?|ads|offers|mailing list|sms offers|spam|catalogues?|catalogs?|brochures?|leaflets?|flyers?|(call|calling|phone|sms|contact) lists?)\b|\b(newsletters?|marketing|promotional|promotions?|advertising|adverts?|offers|mailing list)\b((?!\b(but|however)\b)[^.\n!?]){0,60}?\b(stop|unsubscribe|never asked|make it stop|no longer|don'?t want|do not want)\b/),
  cue(MARKETING, LT, 0.9, /\bdaugiau (ne|nebe)\w+ (man )?(jokiu |daugiau )?(laisk~|zinuc~|sms|skambu~|pranesim~)/),
  cue(MARKETING, LT, 0.9, /\b(sustabdyt~|sustabdykit~|nebesius~|nesius~|nebenaudot~|nenaudot~|nenoriu|nebenoriu|nepageidauju|atsisak~|isbrauk~|pasalink~|pasalint~|nebeskambin~|neskambin~|nebetrukdyk~)\b[^.\n!?]{0,60}?\b(reklam~|rinkodar~|naujienlaisk~|pasiulym~|akcij~|nuolaid~)/),
  cue(MARKETING, LT, 0.9, /\b(reklam~|rinkodar~|naujienlaisk~|pasiulym~)\b[^.\n!?]{0,40}?\b(nebesius~|nesius~|nebenoriu|nenoriu|nebereikia|nereikia|atsisak~)/),

  // automated decision: "rejected automatically", "a person should look at it again"
  cue(AUTOMATED, EN, 0.9, /\b(rejected|refused|declined|denied|decided|scored|flagged|blocked|lowered|reduced|cut|cancell?ed|suspended) (\w+ ){0,2}?(automatically|by (an? |your )?(automated|automatic)\b)/),
  cue(AUTOMATED, EN, 0.9, /\b(someone|somebody|a person|a human( being)?|a real person|an? (employee|staff member|human reviewer)) (to |should |would |could |can )?(look at|review|reconsider|re-?examine|re-?assess|check) ((it|this|that)\b[^.\n]{0,20}?\b(again|manually|personally|once more)|(my|the|this) (application|decision|refusal|rejection|score|limit))\b/),
  cue(AUTOMATED, EN, 0.9, /\b(human( being)?|person|manual) (to )?(reconsider|reassess|re-?evaluate|re-?examine|review|reassess|look at)\b[^.\n]{0,40}?\b(decision|refusal|rejection|application|score|result|calculation|assessment|premium|outcome)\b/),
  cue(AUTOMATED, LT, 0.9, /\b(atmest~|atsisakyt~|atsakyt~|ivertint~|nuspręst~|nuspresta|priimt~|blokuot~|uzblokuot~) (\w+ ){0,2}?automatisk~/),
  cue(AUTOMATED, LT, 0.9, /\b(perziuret~|perziurek~|ivertint~|persvarstyt~) (\w+ ){0,3}?(zmog~|darbuotoj~|specialist~)\b/),

  // consent withdrawal: "no longer agree … consent", "withdraw … consent" with words between
  cue(CONSENT, EN, 0.9, /\b(withdraw~|revok~|retract~|take back)\b[^.\n]{0,40}?\bconsent\b|\b(no longer|don'?t|do not) (agree|consent)\b[^.\n]{0,80}?\bconsent\b/),
  cue(CONSENT, LT, 0.9, /\b(nebesutinku|nebeduodu|atsisakau)\b[^.\n]{0,60}?\bsutikim~|\bsutikim~[^.\n]{0,40}\b(nebegalioj~|nebesutinku|atsisakau|atsaukiu)/),

  // information: questions about processing in general
  cue(INFORMATION, EN, 0.9, /\b(what is|what'?s) (your|the) (legal basis|lawful basis|purpose|retention period)\b|\bwho is your (data protection officer|dpo)\b|\bdo you (use|sell|share) (cookies|customer data|personal data|data with)\b/),
  cue(INFORMATION, LT, 0.9, /\b(koks|kokiu) (yra )?(jusu )?(teisinis pagrindas|tikslas|duomenu apsaugos pareig~)|\bkas yra (jusu )?duomenu apsaugos pareig~/),

  // Third round (after b1's first run): general forms seen missing there, written as families, not sentences.
  // restriction: the condition first ("kol patikrinsite…, prašau sustabdyti", "until you…, don't use my data"); data kept for a claim
  cue(RESTRICTION, LT, 0.9, /\bkol\b[^.\n]{0,100}?\b(sustabdyt~|sustabdykit~|nebenaudot~|nenaudot~|nenaudokit~|nebenaudokit~|netvarkyt~|netvarkykit~|nebetvarkyt~|apribot~|apribokit~)/),
  cue(RESTRICTION, EN, 0.9, /\b(until|while|pending)\b[^.\n]{0,100}?\b(don'?t|do not|stop|cease|please stop|not to) (use|using|process|processing|do anything with) (my (personal )?(data|information)|it|them)\b/),
  cue(RESTRICTION, EN, 0.9, /\b(need|keep|preserve|retain) (it|them|the data|my data) for (a |the |my )?(court|legal|lawsuit|claim|proceedings|litigation|dispute)/),
  cue(RESTRICTION, EN, 0.9, /\bstop (processing|using) (it|them|my (personal )?data) for anything else\b|\b(only )?(store|keep) (it|them|my data) (but|and) (not|don'?t|do not) (use|process)\b/),
  cue(RESTRICTION, LT, 0.9, /\b(reikalin~|reikes|prireiks) (man )?(teism~|gin~|ieskin~|byl~)|\b(tik )?(saugokit~|saugoti) (juos|mano duomenis)\s*,? (bet|taciau) (ne|nebe)/),

  // direct marketing: calls and texts from sales; "reklamą" with "nustoti siųsti"
  cue(MARKETING, EN, 0.9, /\b(stop|quit) (calling|texting|phoning|ringing|spamming) me\b|\b(sms|texts?|messages?|calls?) with (promo~|offers|discounts?|deals|coupons?)\b|\bpromo codes?\b[^\n]{0,60}?\b(stop|no more|make it stop|unsubscribe)\b|\bnot interested in (a |your )?(new )?(offers?|tariffs?|plans?|products?|deals?)/),
  cue(MARKETING, LT, 0.9, /\b(nustot~|nustokit~|liaukit~s|baikit~) (man |jai |jam )?(siust~|skambint~|rasyt~)\b[^.\n]{0,30}?(reklam~|pasiulym~|naujienlaisk~)?/),

  // rectification: the new value given ("replace it with kestutis@…", "pakeiskite … adresą į tomas@…")
  cue(RECTIFICATION, EN, 0.9, /\b(replace|change|update|switch|correct|set)\b[^.\n]{0,60}?\b(with|to|into) [^\s@]+@[^\s@]+\.[a-z]{2,}/),
  cue(RECTIFICATION, LT, 0.9, /\b(pakeisk~|pakeist~|atnaujin~|istaisy~|pataisy~|irasykit~|nurodykit~)\b[^.\n]{0,60}?\b(adres~|el\.?\s*pa~|telefon~|numer~|pavard~|vard~)/),
  cue(RECTIFICATION, EN, 0.9, /\b(fix|correct|update|amend) (the|my|your) (records?|account|profile|entry|file)\b/),

  // access: whom my data went to, where you got it, what a decision used
  cue(ACCESS, EN, 0.9, /\b(tell|show|inform|let) me (know )?(who|whom|to whom|which (companies|parties|third parties)) (you )?(have )?(shared|disclosed|sold|passed|given|sent|transferred) (it|them|my (personal )?(data|information|details))\b/),
  cue(ACCESS, EN, 0.9, /\b(tell|show|inform) me (what|which) (personal )?(data|information|details) (about me|of mine|you|it|the decision|this)\b/),
  cue(ACCESS, EN, 0.9, /\bwhere (did|do) you (get|obtain|find|buy) my (personal )?(data|details|information|e-?mail|number|address|phone)/),
  cue(ACCESS, LT, 0.9, /\b(is kur|kaip) (jus )?(turit~|gavot~|gavo~) (mano|savo) (\w+ )?(duomen~|adres~|numer~|telefon~|el\.?\s*pa~|kontakt~)/),
  cue(ACCESS, LT, 0.9, /\b(kam|kokioms \w+) (jus )?(perdavet~|atskleidet~|pardavet~|suteiket~) (mano|savo) (asmens )?duomen~/),

  // erasure: "panaikinkit viską apie mane", the verb before "viską / everything about me"
  cue(ERASURE, LT, 0.9, /\b(istrink~|istrint~|panaikink~|panaikint~|pasalink~|pasalint~|sunaikink~|sunaikint~) (visk~|visus|visa) (apie mane|mano|savo|ka)/),
  cue(ERASURE, EN, 0.9, /\b(delete|erase|remove|wipe|purge) everything\b/),

  // automated decision: "automatically lowered / cut / blocked"
  // "Your system blocked my card" may be a service fault as much as a decision: a hint, confident only with a review asked.
  cue(AUTOMATED, EN, 0.6, /\b(your )?(system|algorithm|software|app) (has )?(automatically )?(rejected|refused|declined|denied|lowered|reduced|cut|blocked|cancell?ed|suspended|flagged|scored)\b|\bautomatically (rejected|refused|declined|denied|lowered|reduced|cut|blocked|cancell?ed|suspended|flagged|scored)\b/),
  cue(AUTOMATED, EN, 0.9, /\b(a )?human( being)? (to |should |would )?(reassess|reconsider|re-?examine|review|look at|check) (this|it|that)\b/),

  // consent withdrawal: "I ticked a box … I take that back"
  cue(CONSENT, EN, 0.9, /\b(ticked (a|the) box|checked (a|the) box|agreed|consented|opted in|signed up)\b[^\n]{0,120}?\b((take|taking) (that|it|this) back|withdraw (that|it|this)|revoke (that|it|this))\b/),
  cue(CONSENT, EN, 0.6, /\b(take|taking) (that|it|this) back\b/),

  // information: the data protection officer, purposes, how long, what is collected "generally"
  cue(INFORMATION, LT, 0.9, /\b(kas|kaip|kontakt~|susisiek~|kur)\b[^.?\n]{0,60}\bduomenu apsaugos pareig~|\bduomenu apsaugos pareig~[^.?\n]{0,40}\b(kontakt~|susisiek~)|\batsaking~ uz (asmens )?duomenu apsaug~|\bkokiu tikslu|\bkokiais tikslais|\bkiek laiko\b[^.?\n]{0,30}?\bsaugo~|\bar (tai|tas|jis|ji) (yra )?privalom~/),
  // "Dear Data Protection Officer" is a greeting: the officer is information when asked about.
  cue(INFORMATION, EN, 0.9, /\b(who|contact~|details|reach|name|e-?mail|address|phone)\b[^.?\n]{0,40}\b(data protection officer|dpo)\b|\b(data protection officer|dpo)\b[^.?\n]{0,30}\b(contact~|details|reach|e-?mail|address|phone)\b/),
  cue(INFORMATION, EN, 0.9, /\bfor what purposes?\b|\bwhy do you (need|collect|ask for|require|store|keep)\b|\bhow long\b[^.?\n]{0,30}?\b(keep|retain|store)\b|\b(asking|just asking) (generally|in general)\b|\b(do|does) you (typically|usually|normally|generally) (collect|keep|store|process|ask for)\b/),

  // The article a request cites names its right (quoted controller text never reaches here).
  cue(RECTIFICATION, EN, 0.9, /\b(article|art\.?)\s*16\b/),
  cue(ERASURE, EN, 0.9, /\b(article|art\.?)\s*17\b/),
  cue(RESTRICTION, EN, 0.9, /\b(article|art\.?)\s*18\b/),
  cue(PORTABILITY, EN, 0.9, /\b(article|art\.?)\s*20\b/),
  cue(OBJECTION, EN, 0.9, /\b(article|art\.?)\s*21\b(?!\s*\(\s*[23]\s*\))/),
  cue(MARKETING, EN, 0.9, /\b(article|art\.?)\s*21\s*\(\s*[23]\s*\)/),
  cue(CONSENT, EN, 0.9, /\b(article|art\.?)\s*7\s*\(\s*3\s*\)/),
  cue(RECTIFICATION, LT, 0.9, /\b(bdar )?16 str/),
  cue(ERASURE, LT, 0.9, /\b(bdar )?17 str/),
  cue(RESTRICTION, LT, 0.9, /\b(bdar )?18 str/),
  cue(PORTABILITY, LT, 0.9, /\b(bdar )?20 str/),
  cue(OBJECTION, LT, 0.9, /\b(bdar )?21 str~\.?(?!\s*[23]\s*d)/),
  cue(MARKETING, LT, 0.9, /\b(bdar )?21 str~\.?\s*[23]\s*d/),
  cue(CONSENT, LT, 0.9, /\b(bdar )?7 str~\.?\s*3\s*d/),
  // Eighth round (an eighth probe; see the corpus README).
  cue(MARKETING, EN, 0.9, /\bdo[- ]not[- ]call\b|\brobinson list\b/),
  // The erasure verb asked with a pronoun for its object ("ištrinkite juos", "prašau jas pašalinti", "ištrinkit mane", "delete me", "delete his profile"):
  // the data the mail spoke of, or the writer. Not "jį / ją / it" (a duplicate invoice, an order); not told as past (speech-act.ts).
  cue(ERASURE, LT, 0.9, /\b(istrink~|pasalink~|sunaikink~|trinkit~) (juos|jas|mane)\b|\b(prasau|noriu|prasome) (\S+ )?(juos|jas|mane) (istrint~|pasalint~|sunaikint~)\b|\b(istrint~|pasalint~) (juos|jas|mane)\b/),
  // Not "remove me": that is as often "remove me from your SMS list" (marketing).
  cue(ERASURE, EN, 0.9, /\b(delete|erase|wipe) (me|all my info|my info)\b|\b(delete|erase|remove|wipe) (his|her|their) (account|profile|data|details|information)\b/),
  // "Stop sending me e-mails" with no word for marketing: what a controller sends unasked and repeatedly is its marketing (service mail is asked for).
  cue(MARKETING, EN, 0.75, /\bstop (sending|mailing) (me )?(any )?(more )?(e-?mails|messages|sms|texts|letters)\b/),
  cue(MARKETING, EN, 0.6, /\bkeep (calling|ringing|phoning|texting|e-?mailing|messaging) me\b|\bremove me\b(?! (completely )?from (your |all your )?(database|systems?|records|files|crm))|\bwhy (am i|do i|do i keep) (getting|receiving) (your )?(newsletters?|e-?mails|offers|sms|texts|ads|marketing|promotions?)\b/),
  cue(RESTRICTION, LT, 0.9, /\bkol\b[^.\n]{0,100}?\b(neperduot~|neperduokit~|nebeperduot~)/),
  cue(ERASURE, EN, 0.9, /\bnone of my (personal )?(data|information|details) (stays|remains|is kept|is left|is stored)\b|\bno (data|trace) of mine (stays|remains|is kept)\b/),
  cue(ACCESS, EN, 0.9, /\bhow (the|my|this|that) (score|decision|price|premium|limit|rating|result) (was|is|were) (calculated|made|reached|determined|set)\b/),
  cue(ACCESS, EN, 0.9, /\b(a |full )?cop(y|ies) of (all )?my (medical|health|financial|account|payment|billing|bank|employment|call|purchase|order|patient|personnel|hr|school|student) (records?|data|history|file|information)\b/),
  cue(OBJECTION, LT, 0.6, /\b(nustot~|nustokit~|liaukit~s) (tai |to |sito )?dary~/),
  cue(INFORMATION, EN, 0.9, /\bwhat (you|your (company|shop|bank|store|firm)) (do|does) with (the |customer |customers'? |personal )?(data|information)\b/),
  cue(INFORMATION, LT, 0.9, /\b(ar|kokius|kokie)\b[^.?\n]{0,40}slapuk~/),
  // Seventh round (a seventh probe; see the corpus README).
  cue(ERASURE, EN, 0.9, /\b(take down|remove|delete|erase) (the |my |all |any )?(photos?|pictures?|images?|videos?|posts?|comments?|reviews?|footage) (of|with|showing) me\b/),
  cue(ACCESS, LT, 0.9, /\b(atsius~|atsiunt~|pateik~|gaut~|perziuret~) (man )?(vaizdo |garso |pokalbio |pokalbiu |kameros )?iras~/),
  cue(CONSENT, EN, 0.9, /\bwithdraw (my )?(participation|agreement|permission)\b/),
  cue(OBJECTION, LT, 0.9, /\bnoriu, kad (mano|mus~) (\S+ ){0,3}?(duomenys|irasai|nuotraukos|informacija) (nebebutu|nebutu) (naudojam~|tvarkom~|analizuojam~)/),
  // Sixth round (a sixth probe; see the corpus README).
  cue(RESTRICTION, EN, 0.9, /\blimit (its|their|the) (use|processing)\b|\bkeep (my (personal )?data|it|them) but (don'?t|do not) do anything with\b/),
  cue(RESTRICTION, EN, 0.6, /\b(contest|dispute) the accuracy\b/),
  cue(OBJECTION, LT, 0.9, /\b(nustot~|nustokit~|liaukit~s) (\S+ ){0,3}?(naudot~|tvarkyt~)\b|\bnenoriu, kad (mano|mus~) (\S+ ){0,3}?(duomenys|irasai|nuotraukos|informacija) (butu|bus) (naudojam~|tvarkom~|analizuojam~)/),
  cue(OBJECTION, EN, 0.9, /\bexclude (me|my (personal )?(data|information|details)) from (your )?(\w+ ){0,3}?(analytics|profiling|research|statistics|processing|analysis|modelling|scoring)\b/),
  cue(CONSENT, EN, 0.9, /\bconsider (that|my|the|this) (permission|consent|agreement) (withdrawn|revoked|cancell?ed)\b/),
  cue(INFORMATION, LT, 0.9, /\bar (jus )?(perduodat~|teikiat~|parduodat~|dalinat~) (klient~|vartotoj~|asmens|pirkej~) (\w+ )?duomen~|\buz es ribu|\bkodel (\S+ ){0,2}?(reikia|reikalingas|reikalinga|renkat~|prasot~|turiu nurodyti)/),
  cue(INFORMATION, EN, 0.9, /\bwho is the (data )?controller\b|\bjoint controllers?\b/),
  cue(ERASURE, EN, 0.9, /\b(remove|delete|erase|wipe) (all |any )?(traces?|mentions?) of me\b/),
  cue(RECTIFICATION, LT, 0.9, re(`(?<=\\b${PERSONAL_LT}~[^.\\n]{0,80})\\bturet~ buti\\b`)),
  cue(RECTIFICATION, EN, 0.9, re(`(?<=\\b${PERSONAL_EN}\\b[^.\\n]{0,80})\\b(it )?should (be|read)\\b`)),
  // Fifth round (a fourth probe in the blind writer's manner; see the corpus README).
  // "Change it to a cheaper plan" is no correction: the new value must look like one (an address, a number, an account).
  cue(RECTIFICATION, EN, 0.9, /\b(update|change|correct|amend|set) (it|this|that|them) to ([^\s@]+@|\+?\d|[a-z]{2}\d{2}\s?\d)|\b(remove|delete) (it|that|this) and (add|use|put|enter|record|write)\b[^.\n]{0,60}?\binstead\b/),
  cue(RECTIFICATION, EN, 0.9, /\b(your )?records? (have|has|show|shows|list|lists) (an? |the )?(old|outdated|wrong|incorrect|previous)\b/),
  cue(PORTABILITY, EN, 0.9, /\b(in )?a format (that )?(their|the new|another|the other|other|my new) (\w+ )?(app|system|service|provider|software|platform) (can|could|will) (read|import|use|open)/),
  cue(PORTABILITY, EN, 0.6, /\b(leaving|switching|moving) (for|to) (another|a new|a different)\b/),
  cue(ERASURE, EN, 0.9, /\b(don'?t|do not) want you to (keep|store|hold|retain) (anything|any( of my)? (data|information|details)|my (data|information|details))\b/),
  cue(ERASURE, EN, 0.6, /\bclose my account\b/),
  cue(ACCESS, EN, 0.9, /\b(explanation|explain|information|details) (of|about|on) (the )?logic\b|\bexplain (the )?logic\b/),
  cue(INFORMATION, LT, 0.9, /\bkoki~ (\S+ ){0,3}?slapuk~|\bkam (yra )?(perduodami|teikiami|atskleidziami)/),
  cue(INFORMATION, EN, 0.9, /\b(what|which) (\w+ ){0,2}?cookies\b|\bdo you (transfer|send|store) (personal )?data (outside|abroad|to third countries)/),
  cue(MARKETING, LT, 0.9, /\b(istrink~|istrint~)\b[^.\n!?]{0,60}?\b(reklamin~|rinkodaros) (\w+ )?(saras~|skambuc~)/),
  // Fourth round (a second paraphrase probe, written to trap the rules; see the corpus README).
  cue(RECTIFICATION, EN, 0.9, /\b(shows?|has|have|lists?|uses?|keeps? (using|sending \w+ to)|still (shows?|has|uses?|lists?)) (\w+ ){0,3}?my (old|previous|former|maiden) (surname|name|address|e-?mail|phone|number)/),
  cue(RECTIFICATION, LT, 0.9, /\b(pasikeiciau|pakeiciau|pasikeite|pasikeitusi|pakeista) (\w+ )?(pavard~|vard~|adres~|telefon~|numer~|el\.?\s*pa~)/),
  cue(RECTIFICATION, LT, 0.9, /\bsen~ ((el\.?\s*pa~|telefono|gyvenamosios vietos) )?(adres~|numer~|pavard~)\b[^.\n]{0,60}?\bnauj~/),
  cue(RECTIFICATION, EN, 0.9, /\bold (e-?mail |postal |home )?(address|number|surname|name)\b[^.\n]{0,60}?\b(new|replace|instead)\b/),
  cue(RECTIFICATION, LT, 0.6, /\b(atnaujinkit~|atnaujinti|pataisykit~|pataisyti|istaisykit~)\b/),
  cue(CONSENT, EN, 0.9, /\bconsent\b[^\n]{0,100}?\b(withdraw|revoke|cancel|retract) (it|that|this)\b/),
  cue(CONSENT, LT, 0.9, /\bsutikim~[^\n]{0,100}?\b(atsaukiu|atsaukite|atsaukti|panaikinkit~|anuliuok~) (ji|ta)\b/),
  cue(ACCESS, EN, 0.9, /\b(a |full )?cop(y|ies) of (all )?(my|the) (\w+ )?(recordings?|call logs?|history|correspondence|messages|chats?|logs?|cctv footage|footage|emails? (about|with) me)\b/),
  cue(ACCESS, LT, 0.9, /\b(irasu|pokalbiu|istorij~|susirasinejim~|vaizdo irasu|zinuciu) kopij~/),
  cue(ACCESS, EN, 0.9, /\b(know|tell me|find out|confirm) (if|whether) (you )?(have )?(sold|shared|passed|disclosed|given|transferred|sent) my\b/),
  cue(PORTABILITY, EN, 0.9, /\b(send|give|pass|forward|transfer) (them|the new \w+) my\b[^.\n]{0,60}?\b(data|history|records?|file|readings?|details)\b/),
  cue(PORTABILITY, EN, 0.6, /\b(they|it|the new \w+) can (import|upload|read in|load)\b/),
  cue(PORTABILITY, EN, 0.9, /\b(take|move|bring|carry) (it|them|my (personal )?data|the data) (over )?to (your competitors?|a competitor|another|a new|my new|the new|a different|other)\b/),
  cue(PORTABILITY, LT, 0.9, /\bperkel~ (mano |savo )?(\w+ )?duomen~ (i|pas) (kit~|nauj~)/),
  cue(ACCESS, EN, 0.9, /\b(get|receive|obtain|have|hear) (the |a copy of the |copies of the )?(recordings?|transcripts?|logs?) of (all )?my\b/),
  cue(INFORMATION, EN, 0.9, /\bdo you (guys )?(sell|share|buy|rent|transfer|give) (customer|client|user|personal|people'?s|your customers'?) (data|information|details)\b|\b(which|what) (companies|partners|sources|third parties|brokers) do you (buy|get|obtain|receive|source|share|sell)\b/),
  cue(INFORMATION, EN, 0.9, /\b(data|information|categories)\b[^.?\n]{0,40}?\byou (process|collect|keep|store|hold) (about|on|from) (your )?(customers|clients|users|visitors|people|guests)\b/),
  // Round after b5/b6 (2026-12-05): restriction and Art. 22 in everyday words, as families of forms (docs/channels.md, "After b5 and b6").
  // Restriction to keep data for a claim (Art. 18(1)(c)): "keep / preserve … and don't delete", "neištrinkite …, kol / nes reikės",
  // "išsaugoti … ir neištrinti", "refrain from erasing … pending". A bare "don't delete" stays a negated erasure, for staff.
  cue(RESTRICTION, EN, 0.9, /\b(preserve|retain|keep|save|secure|hold on to)\b[^.\n]{0,80}?\b(and )?(do not|don'?t|not to|never) (delete|erase|destroy|purge|overwrite|remove|wipe)\b/),
  cue(RESTRICTION, EN, 0.9, /\b(do not|don'?t|not to|refrain from|never) (delet|eras|destroy|purg|overwrit|wip)~\b[^.\n]{0,100}?\b(until|while|pending|for (my|the|a|an) (insurance|court|claim|police|case|lawsuit|dispute|proceedings|complaint|evidence)|(as )?evidence|(police|insurer|lawyer|court)\b)/),
  cue(RESTRICTION, EN, 0.9, /\b(until|while|pending)\b[^.\n]{0,100}?\b(do not|don'?t|not to|refrain from|never) (delet|eras|destroy|purg|overwrit|wip)~/),
  cue(RESTRICTION, EN, 0.9, /\b(preserve|retain) (the |all |any |my |that |those |these )?(\w+ )?(cctv |video |camera )?(footage|recordings?|records?|video|logs?)\b/),
  cue(RESTRICTION, EN, 0.9, /\bkeep (it|them|mine|my (\w+ )?(data|records|account|details)) (frozen|on hold|locked|blocked)\b|\b(do not|don'?t) use (it|them|my (\w+ )?data) for anything else\b/),
  cue(RESTRICTION, EN, 0.9, /\b(until|while|pending|in the meantime|meanwhile)\b[^.\n]{0,100}?\b(do not|don'?t|not to|stop|cease)\b[^.\n]{0,30}?\b(use|using|share|sharing|pass|passing|disclose|disclosing|process|processing|send|sending)\b/),
  cue(RESTRICTION, LT, 0.9, /\b(issaugot~|issaugokit~|islaikyt~|islaikykit~|pasaugot~)\b[^.\n]{0,120}?\b(neistrint~|neistrinkit~|nenaikint~|nenaikinkit~|netrint~|netrinkit~|nesunaikint~)/),
  // "Kol kas" is "for now" ("kol kas nieko netrinkite, tik klausiu"), not "until"; "man reikalinga" alone (I still use it) is no claim.
  cue(RESTRICTION, LT, 0.9, /\b(neistrint~|neistrinkit~|nenaikint~|nenaikinkit~|netrint~|netrinkit~|nesunaikint~)\b[^.\n]{0,120}?(\b(kol(?! kas\b)|iki)\b|\b(reikes|prireiks|reikaling~|reikia)\b[^.\n]{0,60}?\b(teism~|gin~|ieskin~|byl~|policij~|skund~|draudik~|draudim~|irodym~|tyrim~|advokat~))/),
  cue(RESTRICTION, LT, 0.9, /\b(kol(?! kas\b)|iki)\b[^.\n]{0,100}?\b(neistrint~|neistrinkit~|nenaikint~|nenaikinkit~|netrint~|netrinkit~|nesunaikint~|nesiust~|nesiusk~)/),
  cue(RESTRICTION, LT, 0.9, /\b(issaugot~|issaugokit~)\b[^.\n]{0,100}?\b(kol(?! kas\b)|iki)\b/),
  cue(RESTRICTION, LT, 0.9, /\b(stabdyt~|stabdykit~|sustabdyt~|sustabdykit~) (mano |savo )?(asmens )?(duomen~ )?(tvarkym~|naudojim~)[^.\n]{0,60}\b(kol|iki)\b/),
  // …kept "until" or "in the meantime", not let be overwritten, not to be used until; dates' dots ("2026 m. vasario 18 d.") do not end the sentence.
  cue(RESTRICTION, EN, 0.9, /\bkeep (the |all |my |our |that |those |these )?(\w+ ){0,3}?(footage|cctv|recordings?|records?|video|photos?|pictures?|messages|logs?|it|them)\b[^.\n]{0,100}?\b(until|till|pending|exactly as (they|it) (are|is))\b|\b(in the meantime|meanwhile)\b[^.\n]{0,30}?\bkeep\b/),
  cue(RESTRICTION, EN, 0.9, /\b(do not|don'?t) let\b[^.\n]{0,80}?\b(be |get )?(overwritten|deleted|erased|destroyed|wiped)\b|\b(is|are|be|gets?) not (deleted|erased|destroyed|overwritten|wiped)\b[^.\n]{0,60}?\b(claim|court|police|insurance|evidence|dispute|lawyer|legal)/),
  cue(RESTRICTION, EN, 0.9, /\b(until|while|pending)\b[^.\n]{0,100}?\bnot (to )?be (used|processed|shared|passed on|disclosed)\b|\b(do not|don'?t|not to)\b[^.\n]{0,20}?\b(share|pass|disclose)\w*\b[^.\n]{0,80}?\b(until|pending|while)\b|\bfreeze my (\w+ )?(data|records|details|information)\b/),
  cue(RESTRICTION, LT, 0.9, /\b(neistrint~|neistrinkit~|nenaikint~|nenaikinkit~|netrint~|netrinkit~|nesunaikint~)\b([^.\n]|\b(m|d|g|nr|val|str)\.|\.(?=\s?\d)){0,140}?\b(kol(?! kas\b)|iki|teism~|ginc~|ieskin~|byl~|policij~|draudik~|irodym~|tyrim~|advokat~)/),
  cue(RESTRICTION, LT, 0.9, /\b(uzsaldyt~|uzsaldykit~|issaugokit~ ir nenaudokit~) (mano |savo )?(asmens )?(duomen~|paskyr~|iras~)/),
  // Art. 22 review asked with the person first ("noriu, kad žmogus peržiūrėtų", "kad sprendimą peržiūrėtų komisijos narys"),
  // or passive ("reviewed by a person"), or "a real person / someone real to look at" in a mail about an automated decision.
  cue(AUTOMATED, LT, 0.9, /\b(zmog~|darbuotoj~|specialist~|vadybinink~|komisij~|gyv~ zmog~)\b (\w+ ){0,2}?(perziuret~|persvarstyt~|perziurek~|ivertint~|patikrint~)/),
  cue(AUTOMATED, LT, 0.9, /\b(perziuret~|persvarstyt~) (\w+ ){0,3}?(komisij~|vadov~|gyv~ zmog~|zmogus)\b/),
  cue(AUTOMATED, EN, 0.9, /\b(reviewed|looked at|reconsidered|re-?examined|reassessed|re-?evaluated|checked) (again |manually )?by (a|an|one of your|your|some|real) (real |actual |human |living |live )?(person|human( being)?|employee|staff member|member of staff|manager|recruiter|reviewer|people|humans)\b/),
  cue(AUTOMATED, EN, 0.9, /(?<=\b(automat|algorithm|system|bots?\b|robot|computer|software|engine|scor|artificial|\bai\b)[\s\S]{0,600})\b(someone real|somebody real|someone (from|at|on) (your|the) (team|staff|company)|a (real|actual|live|living) (person|human)|a human( \w+)?|a person)\b (to )?(\w+ly )?(look at|review|reconsider|re-?examine|reassess|check)\b/),
  cue(AUTOMATED, EN, 0.9, /\b(someone real|somebody real|a (real|actual|live|living) (person|human)|a human( \w+)?|a person)\b (to )?(look at|review|reconsider|re-?examine|reassess|check)\b(?=[\s\S]{0,600}\b(automat|algorithm|system|bots?\b|robot|computer|engine|scor|artificial|ai\b))/),
  // Portability in a machine format named in everyday words ("mašininiu formatu", "CSV ar JSON").
  cue(PORTABILITY, LT, 0.9, /\bmasinin~ (skaitom~ )?format~/),
  cue(PORTABILITY, EN, 0.9, /\b(csv|json|xml|xlsx) (or|ar|arba|\/) (csv|json|xml|xlsx)\b/),
];

/** A plain mention of "my data" with no verb we know: probably access, but only staff can say. */
export const WRITTEN_WEAK_ACCESS: readonly Cue[] = [
  cue(ACCESS, LT, 0.4, re(`\\b(mano|savo|apie mane) ${DATA_LT}`)),
  cue(ACCESS, EN, 0.4, /\bmy (personal )?(data|information)\b|\bdata (about|on) me\b/),
];
