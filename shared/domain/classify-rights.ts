import type { Language } from './channels.ts';
import type { Classification, RightMatch } from './mail.ts';
import type { RightType } from './rights.ts';
import { foldLithuanian } from './text.ts';

/**
 * Reads which rights a free-text request (an e-mail) exercises, in Lithuanian and English.
 * It is deliberately a transparent phrase list, not a model: staff see exactly which words led
 * to each right (`matches`) and correct the case when it is wrong.
 */

type Rule = readonly [RightType, Language, RegExp];

const MY = '(?:(?:mano|savo|apie mane)\\s+)?';
const DATA_LT = '(?:asmens\\s+)?duomen\\w*';
const DATA_EN = '(?:(?:my|the|all)\\s+)?(?:(?:personal|private)\\s+)?(?:data|information|details)';

const RULES: readonly Rule[] = [
  ['access', 'en', /\bright\s+(?:of|to)\s+access\b/],
  ['access', 'en', new RegExp(`\\b(?:a\\s+)?cop(?:y|ies)\\s+of\\s+${DATA_EN}`)],
  ['access', 'en', new RegExp(`\\baccess\\s+(?:to\\s+)?${DATA_EN}`)],
  ['access', 'en', /\b(?:subject\s+access\s+request|dsar)\b/],
  ['access', 'en', /\bwhat\s+(?:personal\s+)?(?:data|information)\s+(?:do\s+)?you\s+(?:hold|have|keep|store|process)/],
  ['access', 'en', /\b(?:article|art\.?)\s*15\b/],
  ['access', 'lt', new RegExp(`\\bsusipazin\\w*\\s+su\\s+${MY}${DATA_LT}`)],
  ['access', 'lt', new RegExp(`\\bkopij\\w*\\s+${MY}${DATA_LT}`)],
  ['access', 'lt', new RegExp(`\\bkokius\\s+${MY}${DATA_LT}`)],
  ['access', 'lt', new RegExp(`\\b${MY}${DATA_LT}\\s+kopij\\w*`)],
  ['access', 'lt', new RegExp(`\\b(?:prieig\\w*|teis\\w*\\s+susipazinti)\\s+(?:prie\\s+|su\\s+)?${MY}${DATA_LT}`)],
  ['access', 'lt', /\b(?:bdar\s+)?15\s+str/],

  ['erasure', 'en', /\bright\s+to\s+(?:be\s+forgotten|erasure)\b/],
  ['erasure', 'en', /\b(?:erase|delete|remove|destroy)\s+(?:all\s+)?(?:of\s+)?(?:my|me|the)\b[^.\n]{0,40}?\b(?:data|account|information|details|profile|records?)\b/],
  ['erasure', 'en', /\b(?:erasure|deletion)\s+of\s+(?:my|the)\b/],
  ['erasure', 'lt', /\b(?:istrin\w*|istrink\w*|istrint\w*|pasalin\w*|sunaikin\w*|panaikin\w*\s+(?:mano\s+|savo\s+)?(?:paskyr\w*|duomen\w*|asmens))/],
  ['erasure', 'lt', /\bteis\w*\s+buti\s+pamirst\w*/],

  ['rectification', 'en', /\b(?:rectif\w*|correct\s+(?:my|the)\b|update\s+my\s+(?:address|name|details|data|e-?mail|phone)|(?:wrong|incorrect|inaccurate|outdated)\s+(?:data|address|name|details|information))/],
  ['rectification', 'lt', /\b(?:istaisy\w*|patikslin\w*|pataisy\w*|neteising\w*\s+(?:duomen\w*|adres\w*|vard\w*|pavard\w*))/],

  ['restriction', 'en', /\b(?:restrict\w*\s+(?:the\s+)?processing|right\s+to\s+restriction|restriction\s+of\s+processing)\b/],
  ['restriction', 'lt', /\bapribo\w*\s+(?:mano\s+|savo\s+)?(?:asmens\s+)?(?:duomen\w*\s+)?tvarkym\w*/],

  ['portability', 'en', /\b(?:portab\w*|machine[- ]readable|transfer\s+my\s+data|export\s+(?:of\s+)?my\s+data)\b/],
  ['portability', 'lt', /\b(?:perkeliam\w*|perkel\w*\s+(?:mano\s+|savo\s+)?(?:asmens\s+)?duomen\w*)/],

  ['direct_marketing_objection', 'en', /\b(?:unsubscribe|opt[- ]?out|direct\s+marketing|(?:stop|no\s+more|don'?t)\s+(?:sending\s+|send\s+)?(?:me\s+)?(?:any\s+)?(?:marketing|newsletters?|advertis\w*|promotion\w*|offers)|remove\s+me\s+from\s+(?:your\s+)?(?:mailing|newsletter|marketing)\w*)/],
  ['direct_marketing_objection', 'lt', /\b(?:atsisak\w*\s+(?:jusu\s+)?(?:naujienlaisk\w*|naujien\w*|reklam\w*|prenumerat\w*|rinkodar\w*)|nebesiusk\w*|nebesiust\w*|tiesiogin\w*\s+rinkodar\w*|nenoriu\s+gauti\s+(?:jokiu\s+)?(?:reklam\w*|naujienlaisk\w*|pasiulym\w*))/],

  ['objection', 'en', /\b(?:i\s+)?object\s+to\b|\bobjection\s+to\b|\bstop\s+processing\b/],
  ['objection', 'lt', /\b(?:nesutink\w*|priestarau\w*|nesutikim\w*)/],

  ['automated_decision_review', 'en', /\b(?:automated\s+(?:individual\s+)?decision\w*|human\s+(?:review|intervention)|profiling)\b/],
  ['automated_decision_review', 'lt', /\b(?:automatizuot\w*\s+sprendim\w*|profiliavim\w*)/],

  ['consent_withdrawal', 'en', /\b(?:withdraw\w*|revoke\w*)\s+(?:my\s+|the\s+)?consent\b/],
  ['consent_withdrawal', 'lt', /\b(?:atsauk\w*\s+(?:savo\s+|mano\s+)?sutikim\w*|sutikim\w*\s+atsauk\w*)/],

  ['information', 'en', /\bhow\s+(?:do\s+)?you\s+(?:process|use|handle|collect)\b[^.\n]{0,30}\b(?:data|information)\b/],
  ['information', 'lt', /\bkaip\s+(?:jus\s+)?(?:tvarkot\w*|naudoj\w*|renkat\w*)\s+(?:mano\s+|savo\s+)?(?:asmens\s+)?duomen\w*/],
];

const MARKETING_CONTEXT = /(marketing|newsletter|advertis|promotion|rinkodar|reklam|naujienlaisk)/;

/** Quoted lines of earlier mail (`> …`) are someone else's words; they don't make a request. */
function ownWords(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

/**
 * Example: `classifyRights('Prašau ištrinti mano duomenis')` →
 * `{ rights: ['erasure'], matches: [{ right: 'erasure', phrase: 'ištrinti', language: 'lt' }], confident: true }`.
 * Nothing recognised → `information` (answerable without identity, harmless, and it starts the
 * legal clock) with `confident: false`, so staff are asked to read it.
 */
export function classifyRights(text: string): Classification {
  const original = ownWords(text);
  const folded = foldLithuanian(original);
  const matches: RightMatch[] = [];
  for (const [right, language, pattern] of RULES) {
    const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
    for (const m of folded.matchAll(new RegExp(pattern.source, flags))) {
      const index = m.index ?? 0;
      if (right === 'objection') {
        const around = folded.slice(Math.max(0, index - 20), index + m[0].length + 60);
        // "I object to direct marketing" is the Art. 21(2) right, which has its own deadline.
        if (MARKETING_CONTEXT.test(around)) continue;
      }
      const phrase = original.slice(index, index + m[0].length).trim();
      if (!matches.some((x) => x.right === right && x.phrase.toLowerCase() === phrase.toLowerCase())) matches.push({ right, phrase, language });
    }
  }
  const rights = [...new Set(matches.map((m) => m.right))];
  if (rights.length === 0) return { rights: ['information'], matches: [], confident: false };
  return { rights, matches, confident: true };
}

const LITHUANIAN_HINTS = /[ąčęėįšųūž]|\b(prasau|prašau|sveiki|laba diena|duomen\w*|aciu|ačiū|mano|noriu|pagarbiai)\b/i;

/** The language of a request: Lithuanian when it reads Lithuanian, English otherwise. */
export function detectLanguage(text: string): Language {
  return LITHUANIAN_HINTS.test(ownWords(text)) ? 'lt' : 'en';
}
