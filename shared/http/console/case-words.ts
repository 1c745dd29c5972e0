import type { Language } from '#domain/channels.ts';
import type { Attention } from '#domain/workflow.ts';
import { fmtDateTime } from './layout.tsx';

/**
 * Texts the case stores in English for the trail, said in the reader's language on the page:
 * the attention banner (with its instant in Europe/Vilnius, not raw UTC) and the rights read
 * from an e-mail.
 */
export function attentionWords(a: Attention, lang: Language): string {
  const at = fmtDateTime(a.since, lang);
  switch (a.kind) {
    case 'overdue':
      return lang === 'lt' ? `Dėmesio: atsakymo terminas praleistas (nuo ${at}). Atsakykite kuo skubiau.` : `Attention: the answer is overdue (since ${at}). Answer as soon as possible.`;
    case 'workflow_failed':
      return lang === 'lt' ? `Dėmesio: nepavyko darbo eigos žingsnis (${at}). Patikrinkite bylą; klaidos įraše nurodyta priežastis.` : `Attention: a workflow step failed (${at}): ${a.reason}`;
  }
}

const READ_FROM = 'Read from the e-mail: ';
const NOTHING = 'Nothing recognisable in the e-mail; staff to read and correct.';

/** A right's details as stored by the e-mail intake, in the reader's language. */
export function rightDetailsWords(details: string, lang: Language): string {
  if (lang === 'en') return details;
  if (details.startsWith(READ_FROM)) return `Perskaityta iš el. laiško: ${details.slice(READ_FROM.length)}`;
  if (details === NOTHING) return 'El. laiške nieko atpažinti nepavyko; darbuotojas turi perskaityti ir pataisyti.';
  return details;
}

/** The identity checks' reasons (domain/id-document.ts), said in Lithuanian; others stay as written. */
const REASONS_LT: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^The birth and expiry dates must be given as YYYY-MM-DD\.$/, () => 'Gimimo ir galiojimo datos turi būti nurodytos formatu MMMM-MM-DD.'],
  [/^The document expired on (.+)\.$/, (m) => `Dokumento galiojimas baigėsi ${m[1]}.`],
  [/^The machine-readable zone \(MRZ\) of the document is needed to check it\.$/, () => 'Dokumentui patikrinti reikia jo kompiuterio nuskaitomos zonos (MRZ).'],
  [/^The machine-readable zone cannot be read: (.+)$/, (m) => `Kompiuterio nuskaitomos zonos (MRZ) perskaityti nepavyko: ${m[1]}`],
  [/^The MRZ check digit "(.+)" is wrong: .+$/, (m) => `Neteisingas MRZ kontrolinis skaitmuo „${m[1]}“: MRZ įvesta klaidingai arba dokumentas netikras.`],
  [/^The document number typed differs from the one in the MRZ\.$/, () => 'Įvestas dokumento numeris nesutampa su MRZ.'],
  [/^The birth date typed differs from the one in the MRZ\.$/, () => 'Įvesta gimimo data nesutampa su MRZ.'],
  [/^The expiry date typed differs from the one in the MRZ\.$/, () => 'Įvesta galiojimo data nesutampa su MRZ.'],
  [/^The MRZ names the issuing country (\w+), not (\w+)\.$/, (m) => `MRZ nurodyta išdavusi šalis ${m[1]}, o ne ${m[2]}.`],
  [/^The surname typed differs from the one in the MRZ\.$/, () => 'Įvesta pavardė nesutampa su MRZ.'],
  [/^The given names typed differ from the ones in the MRZ\.$/, () => 'Įvesti vardai nesutampa su MRZ.'],
  [/^The MRZ is of a document of type "(.+)", not a (.+)\.$/, (m) => `MRZ priklauso „${m[1]}“ tipo dokumentui, o ne pasirinktam (${m[2]}).`],
  [/^The same right was requested (\d+) time\(s\) in the previous (\d+) months; .+$/, (m) => `Ta pati teisė per paskutinius ${m[2]} mėn. prašyta ${m[1]} k.; įvertinkite, ar prašymas nėra akivaizdžiai nepagrįstas ar neproporcingas.`],
  [/^The holder (.+) was born on (.+), but the request gives (.+)\.$/, (m) => `Dokumento turėtojas ${m[1]} gimė ${m[2]}, o prašyme nurodyta ${m[3]}.`],
];

export function reasonWords(reason: string, lang: Language): string {
  if (lang === 'en') return reason;
  for (const [pattern, say] of REASONS_LT) {
    const m = pattern.exec(reason);
    if (m) return say(m);
  }
  return reason;
}
