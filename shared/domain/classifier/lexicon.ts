import type { Language } from '../channels.ts';
import type { RightType } from '../rights.ts';

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

const MY_LT = '(?:(?:mano|savo|apie mane|visus|visu|visa|visa mano|visus mano|visus savo)\\s+)*';
const DATA_LT = '(?:asmens\\s+)?(?:duomen\\w*|informacij\\w*)';
const MY_EN = '(?:(?:my|the|all|all of my|all the|any|of my|his|her|their|account)\\s+)*';
const DATA_EN = `${MY_EN}(?:(?:personal|private|customer)\\s+)?(?:data|information|details|records?)`;
const ABOUT_ME = '(?:\\s+(?:about|on|of|regarding|concerning)\\s+me)?';
/** Personal data a correction is about, for telling it from a wrong order or bill. */
const PERSONAL_EN = '(?:(?:first\\s+|last\\s+|family\\s+)?name|surname|address|data|details|information|e-?mail|phone|number|date\\s+of\\s+birth|birthday|records?|profile|spelling|personal\\s+code|iban|bank\\s+account)';
const PERSONAL_LT = '(?:duomen|adres|vard|pavard|telefon|numer|el\\.?\\s*pa|gimimo|asmens\\s+kod|informacij|irasa|iras|saskaitos\\s+numer|duomenyse)';
const WORDS = (n: number) => `(?:\\s+\\S+){0,${n}}?`;

const cue = (right: RightType, language: Language, weight: number, pattern: RegExp, yieldsTo?: readonly RightType[], objectOnly?: boolean): Cue => ({ right, language, weight, pattern, ...(yieldsTo ? { yieldsTo } : {}), ...(objectOnly ? { objectOnly } : {}) });
/** A noun-phrase cue ("everything you have on me"): not read when another right's verb governs it. */
const object = (right: RightType, language: Language, weight: number, pattern: RegExp): Cue => cue(right, language, weight, pattern, undefined, true);
const re = (source: string) => new RegExp(source);

const ANY_OTHER_RIGHT: readonly RightType[] = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'direct_marketing_objection', 'automated_decision_review', 'consent_withdrawal'];

export const CUES: readonly Cue[] = [
  // access (Art. 15)
  cue('access', 'en', 0.9, /\bright\s+(?:of|to)\s+access\b/),
  cue('access', 'en', 0.9, re(`\\b(?:a\\s+|full\\s+)?cop(?:y|ies)\\s+of\\s+(?:${DATA_EN}|everything|all\\s+(?:the\\s+)?(?:data|information))`)),
  cue('access', 'en', 0.9, re(`\\baccess\\s+(?:to\\s+)?${DATA_EN}`)),
  cue('access', 'en', 0.9, /\b(?:subject\s+access\s+request|dsar|data\s+access\s+request)\b/),
  cue('access', 'en', 0.9, /\bwhat\s+(?:kind\s+of\s+)?(?:personal\s+)?(?:data|information|details)\s+(?:do\s+|does\s+)?(?:you|your\s+company|you\s+guys)\s+(?:hold|have|keep|store|process|collect)/),
  // "everything you have on me" is what is asked for, unless an erasure verb takes it ("delete everything you have on me").
  object('access', 'en', 0.9, /(?<!\b(?:erase|delete|remove|destroy|wipe|purge|rid\s+of)\s+)\b(?:what|everything)\s+(?:do\s+)?you(?:'ve|\s+have)?\s+(?:hold|have|keep|store|know|got)\s+(?:about|on)\s+me\b/),
  cue('access', 'en', 0.9, re(`\\b(?:see|view|know|check|review|find\\s+out|learn|show\\s+me)\\s+(?:which\\s+|what\\s+)?${DATA_EN}(?:${ABOUT_ME}|\\s+(?:you\\s+)?(?:hold|have|keep|store)\\s+(?:about|on)\\s+me)`)),
  cue('access', 'en', 0.75, re(`\\b(?:send|give|provide|email|forward)\\s+(?:me\\s+)?${DATA_EN}${ABOUT_ME}`), ['portability']),
  cue('access', 'en', 0.9, /\b(?:article|art\.?)\s*15\b/),
  cue('access', 'en', 0.9, /\bwhether\s+(?:or\s+not\s+)?you\s+(?:process|hold|store|keep)\s+(?:any\s+)?(?:of\s+)?my\b/),
  cue('access', 'lt', 0.9, re(`\\bsusipazin\\w*\\s+su\\s+${MY_LT}${DATA_LT}`)),
  cue('access', 'lt', 0.6, /\bsusipazin\w*/),
  cue('access', 'lt', 0.9, re(`\\bkopij\\w*\\s+${MY_LT}${DATA_LT}`)),
  cue('access', 'lt', 0.9, re(`\\b${MY_LT}${DATA_LT}\\s+kopij\\w*`)),
  cue('access', 'lt', 0.9, re(`\\b(?:kokius|kokie|kokia|kokia|kokiu|ka)\\s+(?:butent\\s+)?${MY_LT}${DATA_LT}`)),
  object('access', 'lt', 0.9, re(`\\b(?:kokius|kokie|kokia|kokiu|ka)\\s+(?:jus\\s+)?(?:apie mane\\s+)?(?:tvarkot\\w*|turit\\w*|saugot\\w*|renkat\\w*|zinot\\w*)`)),
  cue('access', 'lt', 0.9, re(`\\bar\\s+(?:jus\\s+)?(?:tvarkot\\w*|turit\\w*|saugot\\w*|renkat\\w*)\\s+${MY_LT}${DATA_LT}`)),
  cue('access', 'lt', 0.9, re(`\\b(?:prieig\\w*|teis\\w*\\s+susipazinti)\\s+(?:prie\\s+|su\\s+)?${MY_LT}${DATA_LT}`)),
  cue('access', 'lt', 0.9, re(`\\b(?:pamatyt\\w*|perziuret\\w*|suzinot\\w*|suzinoti)${WORDS(3)}\\s+${MY_LT}${DATA_LT}`)),
  cue('access', 'lt', 0.75, re(`\\b(?:pateik\\w*|atsius\\w*|atsiunt\\w*|gaut\\w*|isduot\\w*|persius\\w*)\\s+(?:man\\s+)?${MY_LT}${DATA_LT}`), ['portability']),
  cue('access', 'lt', 0.9, /\b(?:bdar\s+)?15\s+str/),
  cue('access', 'lt', 0.9, /\b(?:atsius\w*|atsiunt\w*|pateik\w*|gaut\w*|isduot\w*)\s+(?:man\s+)?(?:ju\s+|tu\s+duomenu\s+)?kopij\w*/),

  // erasure (Art. 17)
  cue('erasure', 'en', 0.9, /\bright\s+to\s+(?:be\s+forgotten|erasure)\b/),
  // The object, not a place: "delete the duplicate invoice from my account" erases an invoice, not the account.
  cue('erasure', 'en', 0.9, /\b(?:erase|delete|remove|destroy|wipe|purge|get\s+rid\s+of)\s+(?:all\s+)?(?:of\s+)?(?:my|me|the|everything|any)\b(?:(?!\b(?:from|in|on|at|off)\b)[^.\n]){0,40}?\b(?:data|account|information|details|profile|records?|history|trace|systems?|database)\b/),
  cue('erasure', 'en', 0.9, /\b(?:erase|delete|wipe)\s+(?:it|them|everything)\b/),
  // Not "delete my old e-mail address (and use the new one)": that replaces a value, rectification reads it.
  cue('erasure', 'en', 0.6, /\b(?:erase|delete|wipe)\b(?![^.\n]{0,20}\b(?:old|previous|former)\b)/),
  cue('erasure', 'en', 0.9, /\b(?:erasure|deletion)\s+of\s+(?:my|the|all)\b/),
  cue('erasure', 'en', 0.9, /\bforget\s+(?:about\s+)?me\b/),
  // The passive ("have it erased", "want my account deleted"): English morphology too.
  cue('erasure', 'en', 0.9, /\b(?:(?:it|them)(?:\s+all)?|everything|(?:my|all\s+my)\s+(?:personal\s+)?(?:data|account|information|details|profile|records))\s+(?:to\s+be\s+|be\s+|being\s+)?(?:erased|deleted|removed|wiped)\b/),
  cue('erasure', 'en', 0.9, /\bremove\s+me\s+(?:completely\s+)?from\s+(?:your|all\s+your)\s+(?:database|systems?|records|files|crm)/),
  // The object is looked ahead, not matched: staff see the verb the subject wrote ("IŠTRINTI").
  cue('erasure', 'lt', 0.9, re(`\\b(?:istr(?:in|yn)\\w*|pasalin\\w*|sunaikin\\w*|trink\\w*|trint\\w*)(?=${WORDS(4)}\\s+(?:${MY_LT}(?:${DATA_LT}|paskyr\\w*|profil\\w*|irasu\\w*|duomenis)))`)),
  cue('erasure', 'lt', 0.9, re(`\\b(?:${MY_LT}${DATA_LT}|paskyros|profilio)\\s+(?:istr(?:in|yn)\\w*|pasalinim\\w*|sunaikinim\\w*|panaikinim\\w*)`)),
  // Not the first person ("ištryniau programėlę", "pašalinau"): that tells what the writer did, not what they ask.
  cue('erasure', 'lt', 0.6, /\b(?:istr(?:in|yn)|pasalin|sunaikin|trinkit|trintumet)(?![a-z]*(?:iau|au|ome|eme)\b)\w*(?![^.\n]{0,20}\b(?:sen\w*|ankstesn\w*|buvus\w*)\s)/),
  cue('erasure', 'lt', 0.9, re(`\\bpanaikin\\w*\\s+${MY_LT}(?:paskyr\\w*|${DATA_LT}|profil\\w*)`)),
  cue('erasure', 'lt', 0.9, /\bteis\w*\s+buti\s+pamirst\w*/),
  cue('erasure', 'lt', 0.9, /\bnebesaugot\w*\s+(?:mano|savo)\s+(?:asmens\s+)?duomen\w*/),

  // rectification (Art. 16)
  // "Correct the order", "ištaisyti klaidą ir atsiųsti teisingą prekę" are service faults: the verb is sure only with personal data in its sentence.
  cue('rectification', 'en', 0.9, /\brectif\w*/),
  cue('rectification', 'en', 0.9, re(`\\b(?:correct|fix|amend)\\s+(?:my|the|it|this|that|them)\\b(?=[^.\\n]{0,50}\\b${PERSONAL_EN}\\b)`)),
  cue('rectification', 'en', 0.9, re(`(?<=\\b${PERSONAL_EN}\\b[^.\\n]{0,80})\\b(?:correct|fix|amend)\\s+(?:my|the|it|this|that|them)\\b`)),
  cue('rectification', 'en', 0.6, /\b(?:correct\s+(?:my|the|it|this|that|them)\b|fix\s+(?:my|the|it)\b|amend\s+(?:my|the)\b)/),
  cue('rectification', 'en', 0.9, /\b(?:update|change)\s+(?:my|the)\s+(?:postal\s+|home\s+|billing\s+|e-?mail\s+)?(?:address|name|surname|last\s+name|family\s+name|details|data|e-?mail|phone(?:\s+number)?|date\s+of\s+birth|birth\s+date)/),
  cue('rectification', 'en', 0.9, /\b(?:wrong|incorrect|inaccurate|outdated|out\s+of\s+date|misspelled|mistaken)\s+(?:personal\s+)?(?:data|address|name|surname|details|information|e-?mail|phone|date)/),
  cue('rectification', 'en', 0.9, /\b(?:name|address|surname|details|data|information|e-?mail|phone\s+number|date\s+of\s+birth)\s+(?:is|are|was|were|has\s+been)\s+(?:wrong|incorrect|inaccurate|outdated|out\s+of\s+date|misspelled|not\s+correct)/),
  cue('rectification', 'en', 0.9, /\bmy\s+(?:name|surname|address)\s+(?:has\s+)?changed\b/),
  cue('rectification', 'lt', 0.9, re(`\\b(?:istaisy|patikslin|pataisy)\\w*(?=[^.\\n]{0,60}\\b${PERSONAL_LT})`)),
  cue('rectification', 'lt', 0.9, re(`(?<=\\b${PERSONAL_LT}\\w*[^.\\n]{0,80})\\b(?:istaisy|patikslin|pataisy)\\w*`)),
  cue('rectification', 'lt', 0.6, /\b(?:istaisy\w*|patikslin\w*|pataisy\w*)/),
  cue('rectification', 'lt', 0.9, /\b(?:neteising\w*|klaiding\w*|pasenus\w*|netiksl\w*)\s+(?:mano\s+)?(?:asmens\s+)?(?:duomen\w*|adres\w*|vard\w*|pavard\w*|informacij\w*|telefon\w*|gimimo)/),
  cue('rectification', 'lt', 0.9, /\b(?:pakeisti|pakeiskite|atnaujin\w*)\s+(?:mano\s+|savo\s+)?(?:asmens\s+)?(?:duomen\w*|adres\w*|vard\w*|pavard\w*|telefon\w*|el\.?\s*pa\w*)/),
  cue('rectification', 'lt', 0.9, /\b(?:pasikeit\w*)\s+(?:mano\s+)?(?:adres\w*|pavard\w*|vard\w*|telefon\w*)/),
  cue('rectification', 'lt', 0.9, /\b(?:adres\w*|pavard\w*|vard\w*|duomen\w*)\s+(?:yra\s+)?(?:neteising\w*|klaiding\w*|pasikeit\w*|pasen\w*)/),

  // restriction (Art. 18)
  cue('restriction', 'en', 0.9, /\b(?:restrict\w*\s+(?:the\s+)?(?:processing|use)|right\s+to\s+restriction|restriction\s+of\s+(?:the\s+)?processing|limit\s+(?:the\s+)?(?:processing|use)\s+of\s+my)\b/),
  cue('restriction', 'en', 0.9, /\b(?:freeze|suspend|pause)\s+(?:the\s+)?(?:processing|use)\s+of\s+my\b/),
  cue('restriction', 'en', 0.9, /\b(?:stop\s+using|do\s+not\s+use|don'?t\s+use)\s+my\s+(?:personal\s+)?(?:data|information)\b[^.\n]{0,30}?\buntil\b/),
  cue('restriction', 'lt', 0.9, /\bapribo\w*\s+(?:mano\s+|savo\s+)?(?:asmens\s+)?(?:duomen\w*\s+)?(?:tvarkym\w*|naudojim\w*)/),
  cue('restriction', 'lt', 0.9, /\b(?:apriboj\w*|apribot\w*|apribokit\w*)\b/),
  cue('restriction', 'lt', 0.9, /\b(?:sustabdyt\w*|sustabdykit\w*)\s+(?:mano\s+)?(?:asmens\s+)?(?:duomen\w*\s+)?(?:tvarkym\w*|naudojim\w*)[^.\n]{0,60}\bkol\b/),

  // portability (Art. 20)
  cue('portability', 'en', 0.9, /\b(?:portab\w*|machine[- ]readable|export\s+(?:of\s+)?(?:all\s+)?my\s+(?:personal\s+)?data|port\s+my\s+data)\b/),
  cue('portability', 'en', 0.9, /\b(?:csv|json|xml|structured|commonly\s+used)\s+(?:format|file|export)/),
  cue('portability', 'en', 0.9, /\b(?:move|transmit|transfer|send|give)\s+(?:it|them|my\s+(?:personal\s+)?data)\s+(?:directly\s+)?to\s+(?:another|a\s+new|my\s+new|a\s+different|an\s+other)\s+(?:provider|company|service|bank|operator|controller|supplier)/),
  cue('portability', 'lt', 0.9, /\b(?:perkeliam\w*|perkel\w*\s+(?:mano\s+|savo\s+)?(?:asmens\s+)?duomen\w*)/),
  cue('portability', 'lt', 0.9, /\b(?:kompiuterio\s+skaitom\w*|masiniu\s+budu\s+skaitom\w*|susistemint\w*|strukturuot\w*|iprastai\s+naudojam\w*)\s+(?:ir\s+\S+\s+)?(?:\S+\s+)?format\w*/),
  cue('portability', 'lt', 0.9, /\b(?:csv|json|xml)\s+format\w*/),
  // Everyday words for "machine-readable" ("mašininio nuskaitymo", "mašininiu būdu nuskaitomu") and
  // for moving the data to a new provider ("perkelti į naują banką", "perkelsiu kitai įmonei").
  cue('portability', 'lt', 0.9, /\bmasinin\w*\s+(?:budu\s+)?(?:nu)?skait\w*/),
  cue('portability', 'lt', 0.9, /\bperkel\w*\s+(?:juos\s+|ju\s+|tai\s+)?(?:i\s+)?(?:kit\w*|nauj\w*)\s+(?:paslaug\w*|tiekej\w*|teikej\w*|bendrov\w*|operator\w*|imon\w*|bank\w*|valdytoj\w*)/),
  cue('portability', 'lt', 0.9, /\bperduot\w*\s+(?:juos\s+|mano\s+duomenis\s+|duomenis\s+)?(?:tiesiogiai\s+)?(?:kitam|kitai|naujam|naujai)\s+(?:paslaug\w*|tiekej\w*|bendrov\w*|operator\w*|imon\w*|bank\w*|valdytoj\w*)/),

  // objection (Art. 21(1))
  cue('objection', 'en', 0.9, /\b(?:i\s+)?object\s+to\b|\bobjection\s+to\b|\bright\s+to\s+object\b/),
  // "…until you have checked" asks for a pause: that is restriction (Art. 18), not an objection.
  cue('objection', 'en', 0.9, /\bstop\s+(?:processing|using)\s+my\s+(?:personal\s+)?(?:data|information)\b(?![^.\n]{0,60}\buntil\b)/),
  cue('objection', 'en', 0.9, /\b(?:don'?t|do\s+not)\s+(?:agree|consent)\s+(?:to\s+)?(?:you\s+|your\s+)?(?:processing|using|use\s+of)\s+my\b/),
  cue('objection', 'en', 0.6, /\blegitimate\s+interests?\b/),
  // "Nesutinku su sprendimu" disagrees with a decision (Art. 22 or a complaint), not with the processing.
  // "Nesutinku su sprendimu / atsakymu" disagrees with a decision or an answer (Art. 22, a complaint), not with the processing.
  cue('objection', 'lt', 0.9, /\b(?:nesutink(?!\w*\s+su\s+(?:\w+\s+)?(?:sprendim|atsakym|vertinim|skol|saskait|mokesc|kain|salyg))\w*|priestarau\w*|nesutikim\w*)/),
  // "Prašau nebetvarkyti mano duomenų" ends the processing (Art. 21); with "kol …" it is a pause (restriction), read there.
  cue('objection', 'lt', 0.9, /(?<!\bkol\b[^.\n]{0,100})\b(?:nebetvarkyt\w*|nebetvarkykit\w*|netvarkyt\w*|netvarkykit\w*|nebenaudot\w*|nebenaudokit\w*)\s+(?:mano\s+|savo\s+)?(?:asmens\s+)?duomen\w*(?![^.\n]{0,60}\bkol\b)/),
  cue('objection', 'lt', 0.9, /\b(?:nustokit\w*|liaukit\w*s)\s+(?:tvarky\w*|naudo\w*)\s+(?:mano\s+)?(?:asmens\s+)?duomen\w*/),
  cue('objection', 'lt', 0.6, /\bteisetu\w*\s+interes\w*/),

  // direct marketing objection (Art. 21(2)–(3))
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:unsubscribe|opt[- ]?out|direct\s+marketing|(?:stop|no\s+more|don'?t|do\s+not|never)\s+(?:sending\s+|send\s+|to\s+send\s+)?(?:me\s+)?(?:any\s+)?(?:more\s+)?(?:marketing|newsletters?|advertis\w*|promotion\w*|offers|spam|ads)|remove\s+me\s+from\s+(?:your\s+|the\s+)?(?:mailing|newsletter|marketing|distribution)\w*)/),
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:stop|don'?t|do\s+not|never)\s+(?:emailing|texting|calling|messaging|contacting|call|text|email|sms)\s+me\b[^.\n]{0,40}?(?:offers|marketing|promotion|advert|sales|deals|newsletters?|ads)|\b(?:stop|no\s+more)\s+(?:marketing|promotional|sales)\s+(?:e-?mails|calls|texts|sms|messages)/),
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:take|get)\s+me\s+off\s+(?:your|the)\s+(?:mailing\s+|marketing\s+)?lists?\b/),
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:take|get|remove)\s+me\s+(?:off|from)\s+(?:your|the|all\s+your)\s+(?:(?:e-?mail|sms|text|mailing|newsletter|marketing|promo\w*|subscriber|distribution)\s+)+lists?\b/),
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:don'?t|do\s+not|no\s+longer)\s+(?:want\s+to\s+)?(?:receive|get)\s+(?:any\s+)?(?:more\s+)?(?:marketing|promotional|newsletters?|offers|advertis\w*|sales)/),
  cue('direct_marketing_objection', 'lt', 0.9, /\b(?:atsisak\w*\s+(?:jusu\s+)?(?:naujienlaisk\w*|naujien\w*|reklam\w*|prenumerat\w*|rinkodar\w*|pasiulym\w*)|nebesiusk\w*|nebesiust\w*|nesiuskit\w*|neskambink\w*|nebeskambink\w*|tiesiogin\w*\s+rinkodar\w*|(?:nenoriu|nebenoriu|nepageidauju)\s+gauti\s+(?:jokiu\s+|jusu\s+)?(?:reklam\w*|naujienlaisk\w*|pasiulym\w*|rinkodar\w*))/),
  cue('direct_marketing_objection', 'lt', 0.9, /\bisbrauk\w*\s+(?:mane\s+)?(?:is\s+)?(?:jusu\s+)?(?:naujienlaisk\w*|adresat\w*|prenumerator\w*|rinkodar\w*|reklam\w*)/),

  // automated decision review (Art. 22)
  cue('automated_decision_review', 'en', 0.9, /\b(?:automated\s+(?:individual\s+)?decision\w*|human\s+(?:review|intervention|being\s+(?:to\s+)?(?:review|look|reconsider))|automatic(?:ally)?\s+(?:decision|rejected|refused|declined|made))/),
  cue('automated_decision_review', 'en', 0.9, /\b(?:a\s+)?(?:real\s+)?(?:person|human|member\s+of\s+(?:your\s+)?staff|employee|staff\s+member)\s+(?:to\s+|should\s+|would\s+|could\s+)?(?:review|look\s+at|reconsider|re-?examine|check)\s+(?:the|this|my|that)\s+(?:decision|refusal|rejection|application|result|score)/),
  cue('automated_decision_review', 'en', 0.9, /\b(?:decided|rejected|refused|declined|scored)\s+by\s+(?:an?\s+)?(?:algorithm|computer|machine|system|software)/),
  // "Profiling" alone is only a hint of Art. 22; where the mail withdraws consent (to profiling, to
  // scoring), that is the right it exercises, and no decision is asked to be reviewed.
  // Art. 21(1) objects to processing "including profiling", and profiling for ads is direct marketing:
  // the hint gives way to those, and to a consent withdrawal; Art. 22 needs a decision.
  cue('automated_decision_review', 'en', 0.6, /\b(?:profiling|algorithm|credit\s+scor\w*)\b/, ['consent_withdrawal', 'objection', 'direct_marketing_objection']),
  cue('automated_decision_review', 'en', 0.9, /\b(?:article|art\.?)\s*22\b/),
  cue('automated_decision_review', 'lt', 0.9, /\b(?:automatizuot\w*|automatin\w*|automatisk\w*)\s+(?:priimt\w*\s+)?(?:sprendim\w*|atmet\w*|priimt\w*|ivertin\w*|vertinim\w*)/),
  cue('automated_decision_review', 'lt', 0.9, /\bsprendim\w*\s+(?:buvo\s+)?(?:priimt\w*\s+)?automatisk\w*/),
  cue('automated_decision_review', 'lt', 0.9, /\bsprendim\w*[^.\n]{0,40}\b(?:perziuret\w*|perziurek\w*|ivertint\w*|persvarstyt\w*|priimt\w*)[^.\n]{0,30}\b(?:darbuotoj\w*|zmog\w*|specialist\w*|asmu)\b/),
  cue('automated_decision_review', 'lt', 0.9, /\b(?:darbuotoj\w*|zmog\w*|specialist\w*)[^.\n]{0,30}\b(?:perziuret\w*|ivertint\w*|persvarstyt\w*)[^.\n]{0,20}\bsprendim\w*/),
  cue('automated_decision_review', 'lt', 0.9, /\bzmogaus\s+(?:isikisim\w*|dalyvavim\w*|perziur\w*)/),
  cue('automated_decision_review', 'lt', 0.6, /\bprofiliavim\w*/, ['consent_withdrawal', 'objection', 'direct_marketing_objection']),
  cue('automated_decision_review', 'lt', 0.9, /\b(?:bdar\s+)?22\s+str/),

  // consent withdrawal (Art. 7(3))
  cue('consent_withdrawal', 'en', 0.9, /\b(?:withdraw\w*|revok\w*|take\s+back|cancel\w*|retract\w*)\s+(?:my\s+|the\s+|any\s+|all\s+)?(?:previously\s+given\s+)?consents?\b/),
  cue('consent_withdrawal', 'en', 0.9, /\bno\s+longer\s+(?:give\s+(?:my\s+)?)?consent\b|\bconsent\s+(?:is\s+)?(?:hereby\s+)?(?:withdrawn|revoked)\b/),
  cue('consent_withdrawal', 'lt', 0.9, /\b(?:atsauk\w*\s+(?:(?:savo|mano|duot\w*|visus|jums|anksciau)\s+){0,3}sutikim\w*|sutikim\w*[^.\n]{0,40}\batsauk\w*)/),
  cue('consent_withdrawal', 'lt', 0.9, /\b(?:nebeduodu|nebesutinku)\b/),

  // information (Art. 13–14): questions about processing that need no identity
  cue('information', 'en', 0.9, /\bhow\s+(?:do\s+|does\s+)?(?:you|your\s+company)\s+(?:process|use|handle|collect|protect|store)\b[^.\n?]{0,30}\b(?:data|information)\b/),
  cue('information', 'en', 0.9, /\b(?:who|which\s+(?:third\s+parties|companies|partners))\s+(?:do\s+)?you\s+(?:share|transfer|disclose|send|give)\b/),
  cue('information', 'en', 0.9, /\b(?:how\s+long\s+(?:do\s+)?you\s+(?:keep|retain|store)|retention\s+period|(?:on\s+)?what\s+(?:legal\s+)?basis\s+(?:do\s+)?you)/),
  // Naming the privacy policy is where a question usually starts, and often where a request starts ("your privacy policy says …; I object"): a hint only.
  cue('information', 'en', 0.6, /\byour\s+privacy\s+(?:policy|notice)/, ANY_OTHER_RIGHT),
  cue('information', 'lt', 0.9, /\bkaip\s+(?:jus\s+)?(?:tvarkot\w*|naudoj\w*|renkat\w*|saugot\w*|apsaugot\w*)\s+(?:klientu\s+|mano\s+|savo\s+)?(?:asmens\s+)?duomen\w*/),
  cue('information', 'lt', 0.9, /\b(?:kam|kokioms\s+(?:imonems|trecio\w*\s+\w+))\s+(?:jus\s+)?(?:perduodat\w*|teikiat\w*|atskleidziat\w*|perduodam\w*|teikiam\w*|atskleidziam\w*)/),
  cue('information', 'lt', 0.9, /\b(?:kiek\s+laiko\s+(?:jus\s+)?saugot\w*|saugojimo\s+termin\w*|kokiu\s+(?:teisiniu\s+)?pagrindu)/),
  cue('information', 'lt', 0.6, /\bprivatumo\s+politik\w*/, ANY_OTHER_RIGHT),

  // Paraphrases (2026-12-05, second round): the right's verb and its object apart, everyday words.
  // access
  cue('access', 'en', 0.9, re(`\\b(?:get\\s+hold\\s+of|obtain|receive|get|request|have)\\s+(?:a\\s+copy\\s+of\\s+)?${DATA_EN}\\s+(?:that\\s+|which\\s+)?(?:you|your\\s+(?:company|organi[sz]ation|firm|bank|shop|store))\\s+(?:ha(?:ve|s)|hold|holds|keep|keeps|store|stores|process|processes|collected|gathered|stored)`)),
  object('access', 'en', 0.9, re(`\\b(?:data|information|details|records?)\\s+(?:(?:that|which)\\s+)?(?:have\\s+)?(?:you|your\\s+(?:company|organi[sz]ation|firm))\\s+(?:have\\s+|has\\s+)?(?:collected|gathered|stored|kept|processed|recorded|held|hold|have|keep|store|process)\\s+(?:\\w+\\s+){0,2}?(?:about|on|regarding|concerning)\\s+me\\b`)),
  cue('access', 'en', 0.9, /\b(?:what|which)\s+(?:personal\s+)?(?:data|information|details|records)\s+(?:(?:of\s+mine|about\s+me)\s+)?(?:have\s+|do\s+|does\s+)?(?:you|your\s+company)\s+(?:have\s+)?(?:collected|gathered|stored|kept|recorded|processed|got|gotten|obtained|hold|have|keep|store|process)/),
  cue('access', 'en', 0.9, /\bcan\s+i\s+(?:get|have|see|receive|obtain)\s+(?:a\s+copy\s+of\s+)?(?:all\s+)?(?:my|the)\s+(?:personal\s+)?(?:data|information|details|records)\b/),
  cue('access', 'lt', 0.9, re(`\\b(?:gaut\\w*|pateik\\w*|atsius\\w*|suzinot\\w*|suzinoti|sužinot\\w*)\\s+(?:visa|visus|visu)?\\s*(?:informacij\\w*|duomen\\w*)\\s*,?\\s+(?:kuri\\w*|kuriuos|kurie)\\s+(?:apie\\s+mane\\s+)?(?:jus\\s+)?(?:apie\\s+mane\\s+)?(?:turit\\w*|tvarkot\\w*|saugot\\w*|renkat\\w*|surinkot\\w*)`)),
  object('access', 'lt', 0.9, /\b(?:informacij\w*|duomen\w*)\s*,?\s+(?:kuri\w*|kuriuos|kurie)\s+apie\s+mane\s+(?:jus\s+)?(?:turit\w*|tvarkot\w*|saugot\w*|renkat\w*|surinkot\w*)/),
  cue('access', 'lt', 0.9, /\bar\s+(?:jus\s+)?(?:tvarkot\w*|turit\w*|saugot\w*|renkat\w*)\s+(?:kokius\s+nors\s+|kokiu\s+nors\s+)?(?:mano|apie\s+mane)/),

  // erasure: the passive with words between ("all records about me permanently deleted")
  cue('erasure', 'en', 0.9, /\b(?:want|would\s+like|wish|ask|request|need|demand|like)\b[^.\n!?]{0,60}?\b(?:data|records?|information|details|account|profile|everything|it|them)\b[^.\n!?]{0,40}?\b(?:permanently\s+|completely\s+|fully\s+)?(?:deleted|erased|removed|wiped|destroyed|purged)\b/),
  cue('erasure', 'en', 0.9, /\b(?:close|terminate|deactivate|cancel)\s+(?:my\s+)?account\s+and\s+(?:delete|erase|remove|wipe)\b/),
  cue('erasure', 'en', 0.9, /\b(?:erase|delete|remove|wipe|purge|destroy)\s+(?:all\s+)?(?:of\s+)?(?:my|the)\s+(?:personal\s+)?(?:data|information|details|photos?|pictures?|images?|recordings?|emails?|comments?|reviews?)\b/),
  cue('erasure', 'lt', 0.9, /\b(?:paskyr\w*|duomen\w*|profil\w*|informacij\w*)\s+(?:butu|bus|turi\s+buti)\s+(?:visiskai\s+)?(?:istrint\w*|pasalint\w*|sunaikint\w*|panaikint\w*)/),
  cue('erasure', 'lt', 0.9, /\b(?:istrint\w*|istrink\w*|pasalint\w*|pasalink\w*|sunaikint\w*|sunaikink\w*)\s+(?:viska|visus|visa)\b/),

  // rectification: the wrong value or the new one, in either order
  cue('rectification', 'en', 0.9, /\b(?:phone(?:\s+number)?|mobile(?:\s+number)?|number|address|surname|(?:first\s+|last\s+|family\s+)?name|e-?mail(?:\s+address)?|date\s+of\s+birth|birthday|birth\s+date|personal\s+code|id\s+number|details|spelling)\b[^.\n]{0,30}?\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:outdated|out\s+of\s+date|wrong|incorrect|misspel+t|misspelled|inaccurate|not\s+right|no\s+longer\s+(?:valid|correct|current)|changed)\b/),
  cue('rectification', 'en', 0.9, /\b(?:misspel+t|misspelled|mistyped|typo\s+in|spelled\s+wrong|wrongly\s+(?:spelled|spelt|recorded|entered|written))\b/),
  cue('rectification', 'en', 0.9, /\b(?:use|record|register|enter|put\s+in)\s+my\s+(?:new|correct|current)\s+(?:postal\s+|home\s+|e-?mail\s+)?(?:address|name|surname|phone|number|e-?mail|details)/),
  cue('rectification', 'en', 0.9, /\b(?:correction|update|amendment)\s+(?:of|to)\s+(?:my|the)\s+(?:personal\s+)?(?:data|address|name|surname|details|e-?mail|phone|record|information)/),
  cue('rectification', 'en', 0.9, /\bmy\s+new\s+(?:postal\s+|home\s+)?(?:address|surname|phone\s+number|e-?mail\s+address|name)\s+is\b/),
  cue('rectification', 'lt', 0.9, /\b(?:telefon\w*(?:\s+numer\w*)?|numer\w*|adres\w*|pavard\w*|vard\w*|gimimo\s+dat\w*|asmens\s+kod\w*|el\.?\s*pa\w*)\s+(?:yra\s+|buvo\s+)?(?:pasikeit\w*|nebegalioj\w*|pasen\w*|neteising\w*|klaiding\w*)/),
  cue('rectification', 'lt', 0.9, /\b(?:klaidingai|neteisingai|netiksliai)\s+(?:yra\s+)?(?:nurodyt\w*|uzrasyt\w*|irasyt\w*|ivest\w*|pateikt\w*|parasyt\w*)/),
  cue('rectification', 'lt', 0.9, /\bnauj\w*\s+(?:mano\s+)?(?:adres\w*|telefono\s+numer\w*|pavard\w*|el\.?\s*pa\w*)\s*(?:yra|:|–|-)/),

  // restriction: "don't use / process it while / until" — a pause, not an end
  cue('restriction', 'en', 0.9, /\b(?:don'?t|do\s+not|not\s+to|stop|cease|halt|pause)\s+(?:to\s+)?(?:process\w*|us(?:e|ing))\s+(?:my\s+(?:personal\s+)?(?:data|information)|it|them)\b[^.\n]{0,60}?\b(?:while|until|till|pending|for\s+the\s+time\s+being|for\s+now)\b/),
  cue('restriction', 'en', 0.9, /\bkeep\s+(?:my\s+(?:personal\s+)?data|it|them)\s+but\s+(?:do\s+not|don'?t|not)\s+(?:use|process)\b/),
  cue('restriction', 'en', 0.9, /\b(?:block|put\s+on\s+hold|lock)\s+(?:the\s+processing\s+of\s+)?my\s+(?:personal\s+)?(?:data|information|record)\b/),
  cue('restriction', 'lt', 0.9, /\b(?:nebenaudot\w*|nenaudot\w*|nenaudokit\w*|nebenaudokit\w*|netvarkyt\w*|netvarkykit\w*|nebetvarky\w*|sustabdyt\w*|sustabdykit\w*)\b[^.\n]{0,60}\bkol\b/),
  cue('restriction', 'lt', 0.9, /\blaikinai\s+(?:nebe)?(?:nenaudot\w*|netvarky\w*|sustabdyt\w*|apribot\w*|nenaudokit\w*)/),

  // portability: export, a file for the new provider, a transfer to "them"
  cue('portability', 'en', 0.9, /\bexport\w*\b[^.\n]{0,60}?\b(?:csv|json|xml|excel|xlsx|spreadsheet|file|format)\b/),
  cue('portability', 'en', 0.9, /(?<!\b(?:you|we|they|who|do)\s+)\b(?:transfer|transmit|move|port)\s+(?:all\s+)?(?:of\s+)?my\s+(?:personal\s+)?(?:data|information|history|records?)\s+(?:directly\s+)?to\b/),
  cue('portability', 'en', 0.9, /\b(?:import|upload|load)\s+(?:it|them|the\s+data|my\s+data)\s+(?:in)?to\s+(?:my\s+new|a\s+new|another|the\s+new)\b/),
  cue('portability', 'en', 0.6, /\b(?:switching|moving|changing)\s+(?:to\s+)?(?:another|a\s+new|a\s+different|my)\s+(?:\w+\s+)?(?:provider|bank|operator|supplier|company|service)/),
  cue('portability', 'lt', 0.9, /\beksport\w*/),
  cue('portability', 'lt', 0.9, /\b(?:csv|json|xml|excel|xlsx)\s+(?:faile|failu|faila|rinkmen\w*)/),
  cue('portability', 'lt', 0.6, /\b(?:pereinu|pereisiu|keiciu|pakeisiu|keisiu)\s+(?:pas\s+)?(?:kit\w*|nauj\w*)?\s*(?:operatori\w*|tiekej\w*|bank\w*|paslaugu\s+teikej\w*|imon\w*)/),
  cue('portability', 'lt', 0.9, /\bperduot\w*\s+(?:juos\s+|mano\s+duomenis\s+|duomenis\s+)?(?:tiesiogiai\s+)?(?:kitam|kitai|naujam|naujai|kitu|kito)\b/),

  // direct marketing: a marketing word with a stop, refusal or removal in the same sentence
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:stop|remove|unsubscribe|delete|don'?t|do\s+not|no\s+longer|never\s+asked|no\s+more|make\s+it\s+stop|not\s+interested)\b[^.\n!?]{0,60}?\b(?:newsletters?|marketing|promotional|promotions?|advertising|adverts?|ads|offers|mailing\s+list|sms\s+offers|spam|catalogues?|catalogs?|brochures?|leaflets?|flyers?|(?:call|calling|phone|sms|contact)\s+lists?)\b|\b(?:newsletters?|marketing|promotional|promotions?|advertising|adverts?|offers|mailing\s+list)\b[^.\n!?]{0,60}?\b(?:stop|unsubscribe|never\s+asked|make\s+it\s+stop|no\s+longer|don'?t\s+want|do\s+not\s+want)\b/),
  cue('direct_marketing_objection', 'lt', 0.9, /\b(?:nebesius\w*|nesius\w*|nebenaudot\w*|nenaudot\w*|nenoriu|nebenoriu|nepageidauju|atsisak\w*|isbrauk\w*|pasalink\w*|pasalint\w*|nebeskambin\w*|neskambin\w*|nebetrukdyk\w*)\b[^.\n!?]{0,60}?\b(?:reklam\w*|rinkodar\w*|naujienlaisk\w*|pasiulym\w*|akcij\w*|nuolaid\w*)/),
  cue('direct_marketing_objection', 'lt', 0.9, /\b(?:reklam\w*|rinkodar\w*|naujienlaisk\w*|pasiulym\w*)\b[^.\n!?]{0,40}?\b(?:nebesius\w*|nesius\w*|nebenoriu|nenoriu|nebereikia|nereikia|atsisak\w*)/),

  // automated decision: "rejected automatically", "a person should look at it again"
  cue('automated_decision_review', 'en', 0.9, /\b(?:rejected|refused|declined|denied|decided|scored|flagged|blocked|lowered|reduced|cut|cancell?ed|suspended)\s+(?:\w+\s+){0,2}?(?:automatically|by\s+(?:an?\s+|your\s+)?(?:automated|automatic)\b)/),
  cue('automated_decision_review', 'en', 0.9, /\b(?:someone|somebody|a\s+person|a\s+human(?:\s+being)?|a\s+real\s+person|an?\s+(?:employee|staff\s+member|human\s+reviewer))\s+(?:to\s+|should\s+|would\s+|could\s+|can\s+)?(?:look\s+at|review|reconsider|re-?examine|re-?assess|check)\s+(?:(?:it|this|that)\b[^.\n]{0,20}?\b(?:again|manually|personally|once\s+more)|(?:my|the|this)\s+(?:application|decision|refusal|rejection|score|limit))\b/),
  cue('automated_decision_review', 'en', 0.9, /\b(?:human(?:\s+being)?|person|manual)\s+(?:to\s+)?(?:reconsider|reassess|re-?evaluate|re-?examine|review|reassess|look\s+at)\b[^.\n]{0,40}?\b(?:decision|refusal|rejection|application|score|result|calculation|assessment|premium|outcome)\b/),
  cue('automated_decision_review', 'lt', 0.9, /\b(?:atmest\w*|atsisakyt\w*|atsakyt\w*|ivertint\w*|nuspręst\w*|nuspresta|priimt\w*|blokuot\w*|uzblokuot\w*)\s+(?:\w+\s+){0,2}?automatisk\w*/),
  cue('automated_decision_review', 'lt', 0.9, /\b(?:perziuret\w*|perziurek\w*|ivertint\w*|persvarstyt\w*)\s+(?:\w+\s+){0,3}?(?:zmog\w*|darbuotoj\w*|specialist\w*)\b/),

  // consent withdrawal: "no longer agree … consent", "withdraw … consent" with words between
  cue('consent_withdrawal', 'en', 0.9, /\b(?:withdraw\w*|revok\w*|retract\w*|take\s+back)\b[^.\n]{0,40}?\bconsent\b|\b(?:no\s+longer|don'?t|do\s+not)\s+(?:agree|consent)\b[^.\n]{0,80}?\bconsent\b/),
  cue('consent_withdrawal', 'lt', 0.9, /\b(?:nebesutinku|nebeduodu|atsisakau)\b[^.\n]{0,60}?\bsutikim\w*|\bsutikim\w*[^.\n]{0,40}\b(?:nebegalioj\w*|nebesutinku|atsisakau|atsaukiu)/),

  // information: questions about processing in general
  cue('information', 'en', 0.9, /\b(?:what\s+is|what'?s)\s+(?:your|the)\s+(?:legal\s+basis|lawful\s+basis|purpose|retention\s+period)\b|\bwho\s+is\s+your\s+(?:data\s+protection\s+officer|dpo)\b|\bdo\s+you\s+(?:use|sell|share)\s+(?:cookies|customer\s+data|personal\s+data|data\s+with)\b/),
  cue('information', 'lt', 0.9, /\b(?:koks|kokiu)\s+(?:yra\s+)?(?:jusu\s+)?(?:teisinis\s+pagrindas|tikslas|duomenu\s+apsaugos\s+pareig\w*)|\bkas\s+yra\s+(?:jusu\s+)?duomenu\s+apsaugos\s+pareig\w*/),

  // Third round (after b1's first run): general forms seen missing there, written as families, not sentences.
  // restriction: the condition first ("kol patikrinsite…, prašau sustabdyti", "until you…, don't use my data"); data kept for a claim
  cue('restriction', 'lt', 0.9, /\bkol\b[^.\n]{0,100}?\b(?:sustabdyt\w*|sustabdykit\w*|nebenaudot\w*|nenaudot\w*|nenaudokit\w*|nebenaudokit\w*|netvarkyt\w*|netvarkykit\w*|nebetvarkyt\w*|apribot\w*|apribokit\w*)/),
  cue('restriction', 'en', 0.9, /\b(?:until|while|pending)\b[^.\n]{0,100}?\b(?:don'?t|do\s+not|stop|cease|please\s+stop|not\s+to)\s+(?:use|using|process|processing)\s+(?:my\s+(?:personal\s+)?(?:data|information)|it|them)\b/),
  cue('restriction', 'en', 0.9, /\b(?:need|keep|preserve|retain)\s+(?:it|them|the\s+data|my\s+data)\s+for\s+(?:a\s+|the\s+|my\s+)?(?:court|legal|lawsuit|claim|proceedings|litigation|dispute)/),
  cue('restriction', 'en', 0.9, /\bstop\s+(?:processing|using)\s+(?:it|them|my\s+(?:personal\s+)?data)\s+for\s+anything\s+else\b|\b(?:only\s+)?(?:store|keep)\s+(?:it|them|my\s+data)\s+(?:but|and)\s+(?:not|don'?t|do\s+not)\s+(?:use|process)\b/),
  cue('restriction', 'lt', 0.9, /\b(?:reikalin\w*|reikes|prireiks)\s+(?:man\s+)?(?:teism\w*|gin\w*|ieskin\w*|byl\w*)|\b(?:tik\s+)?(?:saugokit\w*|saugoti)\s+(?:juos|mano\s+duomenis)\s*,?\s+(?:bet|taciau)\s+(?:ne|nebe)/),

  // direct marketing: calls and texts from sales; "reklamą" with "nustoti siųsti"
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:stop|quit)\s+(?:calling|texting|phoning|ringing|spamming)\s+me\b|\b(?:sms|texts?|messages?|calls?)\s+with\s+(?:promo\w*|offers|discounts?|deals|coupons?)\b|\bpromo\s+codes?\b[^\n]{0,60}?\b(?:stop|no\s+more|make\s+it\s+stop|unsubscribe)\b|\bnot\s+interested\s+in\s+(?:a\s+|your\s+)?(?:new\s+)?(?:offers?|tariffs?|plans?|products?|deals?)/),
  cue('direct_marketing_objection', 'lt', 0.9, /\b(?:nustot\w*|nustokit\w*|liaukit\w*s|baikit\w*)\s+(?:man\s+|jai\s+|jam\s+)?(?:siust\w*|skambint\w*|rasyt\w*)\b[^.\n]{0,30}?(?:reklam\w*|pasiulym\w*|naujienlaisk\w*)?/),

  // rectification: the new value given ("replace it with kestutis@…", "pakeiskite … adresą į tomas@…")
  cue('rectification', 'en', 0.9, /\b(?:replace|change|update|switch|correct|set)\b[^.\n]{0,60}?\b(?:with|to|into)\s+[^\s@]+@[^\s@]+\.[a-z]{2,}/),
  cue('rectification', 'lt', 0.9, /\b(?:pakeisk\w*|pakeist\w*|atnaujin\w*|istaisy\w*|pataisy\w*|irasykit\w*|nurodykit\w*)\b[^.\n]{0,60}?\b(?:adres\w*|el\.?\s*pa\w*|telefon\w*|numer\w*|pavard\w*|vard\w*)/),
  cue('rectification', 'en', 0.9, /\b(?:fix|correct|update|amend)\s+(?:the|my|your)\s+(?:records?|account|profile|entry|file)\b/),

  // access: whom my data went to, where you got it, what a decision used
  cue('access', 'en', 0.9, /\b(?:tell|show|inform|let)\s+me\s+(?:know\s+)?(?:who|whom|to\s+whom|which\s+(?:companies|parties|third\s+parties))\s+(?:you\s+)?(?:have\s+)?(?:shared|disclosed|sold|passed|given|sent|transferred)\s+(?:it|them|my\s+(?:personal\s+)?(?:data|information|details))\b/),
  cue('access', 'en', 0.9, /\b(?:tell|show|inform)\s+me\s+(?:what|which)\s+(?:personal\s+)?(?:data|information|details)\s+(?:about\s+me|of\s+mine|you|it|the\s+decision|this)\b/),
  cue('access', 'en', 0.9, /\bwhere\s+(?:did|do)\s+you\s+(?:get|obtain|find|buy)\s+my\s+(?:personal\s+)?(?:data|details|information|e-?mail|number|address|phone)/),
  cue('access', 'lt', 0.9, /\b(?:is\s+kur|kaip)\s+(?:jus\s+)?(?:turit\w*|gavot\w*|gavo\w*)\s+(?:mano|savo)\s+(?:\w+\s+)?(?:duomen\w*|adres\w*|numer\w*|telefon\w*|el\.?\s*pa\w*|kontakt\w*)/),
  cue('access', 'lt', 0.9, /\b(?:kam|kokioms\s+\w+)\s+(?:jus\s+)?(?:perdavet\w*|atskleidet\w*|pardavet\w*|suteiket\w*)\s+(?:mano|savo)\s+(?:asmens\s+)?duomen\w*/),

  // erasure: "panaikinkit viską apie mane", the verb before "viską / everything about me"
  cue('erasure', 'lt', 0.9, /\b(?:istrink\w*|istrint\w*|panaikink\w*|panaikint\w*|pasalink\w*|pasalint\w*|sunaikink\w*|sunaikint\w*)\s+(?:visk\w*|visus|visa)\s+(?:apie\s+mane|mano|savo|ka)/),
  cue('erasure', 'en', 0.9, /\b(?:delete|erase|remove|wipe|purge)\s+everything\b/),

  // automated decision: "automatically lowered / cut / blocked"
  // "Your system blocked my card" may be a service fault as much as a decision: a hint, confident only with a review asked.
  cue('automated_decision_review', 'en', 0.6, /\b(?:your\s+)?(?:system|algorithm|software|app)\s+(?:has\s+)?(?:automatically\s+)?(?:rejected|refused|declined|denied|lowered|reduced|cut|blocked|cancell?ed|suspended|flagged|scored)\b|\bautomatically\s+(?:rejected|refused|declined|denied|lowered|reduced|cut|blocked|cancell?ed|suspended|flagged|scored)\b/),
  cue('automated_decision_review', 'en', 0.9, /\b(?:a\s+)?human(?:\s+being)?\s+(?:to\s+|should\s+|would\s+)?(?:reassess|reconsider|re-?examine|review|look\s+at|check)\s+(?:this|it|that)\b/),

  // consent withdrawal: "I ticked a box … I take that back"
  cue('consent_withdrawal', 'en', 0.9, /\b(?:ticked\s+(?:a|the)\s+box|checked\s+(?:a|the)\s+box|agreed|consented|opted\s+in|signed\s+up)\b[^\n]{0,120}?\b(?:(?:take|taking)\s+(?:that|it|this)\s+back|withdraw\s+(?:that|it|this)|revoke\s+(?:that|it|this))\b/),
  cue('consent_withdrawal', 'en', 0.6, /\b(?:take|taking)\s+(?:that|it|this)\s+back\b/),

  // information: the data protection officer, purposes, how long, what is collected "generally"
  cue('information', 'lt', 0.9, /\bduomenu\s+apsaugos\s+pareig\w*|\batsaking\w*\s+uz\s+(?:asmens\s+)?duomenu\s+apsaug\w*|\bkokiu\s+tikslu|\bkokiais\s+tikslais|\bkiek\s+laiko\b[^.?\n]{0,30}?\bsaugo\w*|\bar\s+(?:tai|tas|jis|ji)\s+(?:yra\s+)?privalom\w*/),
  cue('information', 'en', 0.9, /\bdata\s+protection\s+officer\b|\bdpo\b|\bfor\s+what\s+purposes?\b|\bwhy\s+do\s+you\s+(?:need|collect|ask\s+for|require|store|keep)\b|\bhow\s+long\b[^.?\n]{0,30}?\b(?:keep|retain|store)\b|\b(?:asking|just\s+asking)\s+(?:generally|in\s+general)\b|\b(?:do|does)\s+you\s+(?:typically|usually|normally|generally)\s+(?:collect|keep|store|process|ask\s+for)\b/),

  // The article a request cites names its right (quoted controller text never reaches here).
  cue('rectification', 'en', 0.9, /\b(?:article|art\.?)\s*16\b/),
  cue('erasure', 'en', 0.9, /\b(?:article|art\.?)\s*17\b/),
  cue('restriction', 'en', 0.9, /\b(?:article|art\.?)\s*18\b/),
  cue('portability', 'en', 0.9, /\b(?:article|art\.?)\s*20\b/),
  cue('objection', 'en', 0.9, /\b(?:article|art\.?)\s*21\b(?!\s*\(\s*[23]\s*\))/),
  cue('direct_marketing_objection', 'en', 0.9, /\b(?:article|art\.?)\s*21\s*\(\s*[23]\s*\)/),
  cue('consent_withdrawal', 'en', 0.9, /\b(?:article|art\.?)\s*7\s*\(\s*3\s*\)/),
  cue('rectification', 'lt', 0.9, /\b(?:bdar\s+)?16\s+str/),
  cue('erasure', 'lt', 0.9, /\b(?:bdar\s+)?17\s+str/),
  cue('restriction', 'lt', 0.9, /\b(?:bdar\s+)?18\s+str/),
  cue('portability', 'lt', 0.9, /\b(?:bdar\s+)?20\s+str/),
  cue('objection', 'lt', 0.9, /\b(?:bdar\s+)?21\s+str\w*\.?(?!\s*[23]\s*d)/),
  cue('direct_marketing_objection', 'lt', 0.9, /\b(?:bdar\s+)?21\s+str\w*\.?\s*[23]\s*d/),
  cue('consent_withdrawal', 'lt', 0.9, /\b(?:bdar\s+)?7\s+str\w*\.?\s*3\s*d/),
  // Fifth round (a fourth probe in the blind writer's manner; see the corpus README).
  // "Change it to a cheaper plan" is no correction: the new value must look like one (an address, a number, an account).
  cue('rectification', 'en', 0.9, /\b(?:update|change|correct|amend|set)\s+(?:it|this|that|them)\s+to\s+(?:[^\s@]+@|\+?\d|[a-z]{2}\d{2}\s?\d)|\b(?:remove|delete)\s+(?:it|that|this)\s+and\s+(?:add|use|put|enter|record|write)\b[^.\n]{0,60}?\binstead\b/),
  cue('rectification', 'en', 0.9, /\b(?:your\s+)?records?\s+(?:have|has|show|shows|list|lists)\s+(?:an?\s+|the\s+)?(?:old|outdated|wrong|incorrect|previous)\b/),
  cue('portability', 'en', 0.9, /\b(?:in\s+)?a\s+format\s+(?:that\s+)?(?:their|the\s+new|another|the\s+other|other|my\s+new)\s+(?:\w+\s+)?(?:app|system|service|provider|software|platform)\s+(?:can|could|will)\s+(?:read|import|use|open)/),
  cue('portability', 'en', 0.6, /\b(?:leaving|switching|moving)\s+(?:for|to)\s+(?:another|a\s+new|a\s+different)\b/),
  cue('erasure', 'en', 0.9, /\b(?:don'?t|do\s+not)\s+want\s+you\s+to\s+(?:keep|store|hold|retain)\s+(?:anything|any(?:\s+of\s+my)?\s+(?:data|information|details)|my\s+(?:data|information|details))\b/),
  cue('erasure', 'en', 0.6, /\bclose\s+my\s+account\b/),
  cue('access', 'en', 0.9, /\b(?:explanation|explain|information|details)\s+(?:of|about|on)\s+(?:the\s+)?logic\b|\bexplain\s+(?:the\s+)?logic\b/),
  cue('information', 'lt', 0.9, /\bkoki\w*\s+(?:\S+\s+){0,3}?slapuk\w*|\bkam\s+(?:yra\s+)?(?:perduodami|teikiami|atskleidziami)/),
  cue('information', 'en', 0.9, /\b(?:what|which)\s+(?:\w+\s+){0,2}?cookies\b|\bdo\s+you\s+(?:transfer|send|store)\s+(?:personal\s+)?data\s+(?:outside|abroad|to\s+third\s+countries)/),
  cue('direct_marketing_objection', 'lt', 0.9, /\b(?:istrink\w*|istrint\w*)\b[^.\n!?]{0,60}?\b(?:reklamin\w*|rinkodaros)\s+(?:\w+\s+)?(?:saras\w*|skambuc\w*)/),
  // Fourth round (a second paraphrase probe, written to trap the rules; see the corpus README).
  cue('rectification', 'en', 0.9, /\b(?:shows?|has|have|lists?|uses?|keeps?\s+(?:using|sending\s+\w+\s+to)|still\s+(?:shows?|has|uses?|lists?))\s+(?:\w+\s+){0,3}?my\s+(?:old|previous|former|maiden)\s+(?:surname|name|address|e-?mail|phone|number)/),
  cue('rectification', 'lt', 0.9, /\b(?:pasikeiciau|pakeiciau|pasikeite|pasikeitusi|pakeista)\s+(?:\w+\s+)?(?:pavard\w*|vard\w*|adres\w*|telefon\w*|numer\w*|el\.?\s*pa\w*)/),
  cue('rectification', 'lt', 0.9, /\bsen\w*\s+(?:(?:el\.?\s*pa\w*|telefono|gyvenamosios\s+vietos)\s+)?(?:adres\w*|numer\w*|pavard\w*)\b[^.\n]{0,60}?\bnauj\w*/),
  cue('rectification', 'en', 0.9, /\bold\s+(?:e-?mail\s+|postal\s+|home\s+)?(?:address|number|surname|name)\b[^.\n]{0,60}?\b(?:new|replace|instead)\b/),
  cue('rectification', 'lt', 0.6, /\b(?:atnaujinkit\w*|atnaujinti|pataisykit\w*|pataisyti|istaisykit\w*)\b/),
  cue('consent_withdrawal', 'en', 0.9, /\bconsent\b[^\n]{0,100}?\b(?:withdraw|revoke|cancel|retract)\s+(?:it|that|this)\b/),
  cue('consent_withdrawal', 'lt', 0.9, /\bsutikim\w*[^\n]{0,100}?\b(?:atsaukiu|atsaukite|atsaukti|panaikinkit\w*|anuliuok\w*)\s+(?:ji|ta)\b/),
  cue('access', 'en', 0.9, /\b(?:a\s+|full\s+)?cop(?:y|ies)\s+of\s+(?:all\s+)?(?:my|the)\s+(?:\w+\s+)?(?:recordings?|call\s+logs?|history|correspondence|messages|chats?|logs?|cctv\s+footage|footage|emails?\s+(?:about|with)\s+me)\b/),
  cue('access', 'lt', 0.9, /\b(?:irasu|pokalbiu|istorij\w*|susirasinejim\w*|vaizdo\s+irasu|zinuciu)\s+kopij\w*/),
  cue('access', 'en', 0.9, /\b(?:know|tell\s+me|find\s+out|confirm)\s+(?:if|whether)\s+(?:you\s+)?(?:have\s+)?(?:sold|shared|passed|disclosed|given|transferred|sent)\s+my\b/),
  cue('portability', 'en', 0.9, /\b(?:send|give|pass|forward|transfer)\s+(?:them|the\s+new\s+\w+)\s+my\b[^.\n]{0,60}?\b(?:data|history|records?|file|readings?|details)\b/),
  cue('portability', 'en', 0.6, /\b(?:they|it|the\s+new\s+\w+)\s+can\s+(?:import|upload|read\s+in|load)\b/),
  cue('portability', 'en', 0.9, /\b(?:take|move|bring|carry)\s+(?:it|them|my\s+(?:personal\s+)?data|the\s+data)\s+(?:over\s+)?to\s+(?:your\s+competitors?|a\s+competitor|another|a\s+new|my\s+new|the\s+new|a\s+different|other)\b/),
  cue('portability', 'lt', 0.9, /\bperkel\w*\s+(?:mano\s+|savo\s+)?(?:\w+\s+)?duomen\w*\s+(?:i|pas)\s+(?:kit\w*|nauj\w*)/),
  cue('access', 'en', 0.9, /\b(?:get|receive|obtain|have|hear)\s+(?:the\s+|a\s+copy\s+of\s+the\s+|copies\s+of\s+the\s+)?(?:recordings?|transcripts?|logs?)\s+of\s+(?:all\s+)?my\b/),
  cue('information', 'en', 0.9, /\bdo\s+you\s+(?:guys\s+)?(?:sell|share|buy|rent|transfer|give)\s+(?:customer|client|user|personal|people'?s|your\s+customers'?)\s+(?:data|information|details)\b|\b(?:which|what)\s+(?:companies|partners|sources|third\s+parties|brokers)\s+do\s+you\s+(?:buy|get|obtain|receive|source|share|sell)\b/),
  cue('information', 'en', 0.9, /\b(?:data|information|categories)\b[^.?\n]{0,40}?\byou\s+(?:process|collect|keep|store|hold)\s+(?:about|on|from)\s+(?:your\s+)?(?:customers|clients|users|visitors|people|guests)\b/),
];

/** A plain mention of "my data" with no verb we know: probably access, but only staff can say. */
export const WEAK_ACCESS: readonly Cue[] = [
  cue('access', 'lt', 0.4, re(`\\b(?:mano|savo|apie mane)\\s+${DATA_LT}`)),
  cue('access', 'en', 0.4, /\bmy\s+(?:personal\s+)?(?:data|information)\b|\bdata\s+(?:about|on)\s+me\b/),
];

/** Words that make a following cue in the same clause a refusal ("nenoriu, kad ištrintumėte", "please don't delete"). */
export const NEGATION = /\b(?:nenoriu|nenorim\w*|nenorejau|nepageidauju|neprasau|neprasiau|neprasem\w*|neprasom|nereikia|nebutina|ne(?!\s+tik\b)|jokiu\s+budu|not|don'?t|do\s+not|does\s+not|doesn'?t|never|no\s+need\s+to|without|instead\s+of|rather\s+than)\b/;
/** What ends a clause for negation: sentence ends, commas (except before "kad"/"that", which carry the negated wish on) and "but"/"bet". */
export const CLAUSE_BREAK = /[.!?;\n]|,(?!\s*(?:kad|jog|that)\b)|\s(?:but|bet|taciau|however|instead)\b/g;

/** A list someone is taken off ("remove my e-mail from your newsletter"): direct marketing, not erasure. */
export const MAILING_LIST = /\b(?:from|off|is)\s+(?:\S+\s+){0,2}?(?:newsletter|mailing|marketing|subscri|distribution|call\s+list|calling\s+list|naujienlaisk|prenumerat|adresat|reklam|skambuciu\s+saras)/;
/**
 * Someone telling what they asked before ("prašiau ištrinti…", "I asked you to delete…") or might ask
 * later ("before I decide whether to ask for erasure", "galbūt vėliau"): not asked now, so read as a
 * request only when nothing else is, and then for staff to confirm.
 */
export const NARRATIVE = /\b(?:prasiau|paprasiau|prasem|paprasem|buvau\s+(?:pa)?prases\w*|asked(?:\s+you)?|had\s+asked|requested|already\s+asked|whether\s+to|might|may\s+later|later\s+(?:i\s+)?(?:may|might|will)|maybe|perhaps|considering|thinking\s+(?:about|of)|galbut|veliau|svarstau|ketinu|planuoju)\b/;
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
/** Information that is not part of an access answer: who the data protection officer is and how to reach them. */
export const OWN_INFORMATION = /pareig|officer|\bdpo\b|atsaking/;
export const MARKETING_CONTEXT = /(marketing|newsletter|advertis|catalog|brochure|leaflet|promotion|promo\b|\bads\b|personali[sz]ed\s+(?:ads|offers)|sales\s+(?:team|calls?|people|department|agents?)|receiv\w*\s+(?:calls|sms|texts|e-?mails|letters|messages|offers)|rinkodar|reklam|naujienlaisk|pasiulym)/;
