import type { Language } from '#domain/channels.ts';
import { tableTranslator } from './labels.ts';

/**
 * The words of the print batch (several letters printed as one PDF, their dispatch recorded at
 * once), lt and en. Same rule as labels.ts: the `lt` table is typed against the `en` one, so a
 * missing translation is a compile error.
 */
const en = {
  select: 'Select',
  selectItem: 'Select {ref}',
  printSelected: 'Print the selected letters',
  printSelectedHint: 'Tick the letters, then open them as one PDF and record their dispatch at once.',
  batchTitle: 'Print batch',
  batchIntro: '{n} selected. Open the letters as one PDF, print it, then record the dispatch of all of them here.',
  openCombined: 'Open the letters as one PDF ({n})',
  recordAll: 'Record the dispatch of all {n}',
  status: 'State',
  queued: 'to print',
  dispatchedOn: 'recorded, {date}',
  backToQueue: 'Back to the print queue',
  doneBatch: 'Dispatch recorded for {n} letters.',
  doneBatchOne: 'Dispatch recorded for 1 letter.',
  outcomeDispatched: 'recorded',
  outcomeAlready: 'was already recorded earlier ({date}); nothing added',
  outcomeFailed: 'not recorded: {error}',
  someNotRecorded: 'Not every letter was recorded; see each row.',
  noSelection: 'Tick at least one letter.',
};

type PrintKey = keyof typeof en;

const lt: Record<PrintKey, string> = {
  select: 'Pasirinkti',
  selectItem: 'Pasirinkti {ref}',
  printSelected: 'Spausdinti pažymėtus laiškus',
  printSelectedHint: 'Pažymėkite laiškus, atverkite juos kaip vieną PDF ir įrašykite jų išsiuntimą iš karto.',
  batchTitle: 'Spausdinimo paketas',
  batchIntro: 'Pažymėta: {n}. Atverkite laiškus kaip vieną PDF, atspausdinkite ir čia įrašykite visų jų išsiuntimą.',
  openCombined: 'Atverti laiškus kaip vieną PDF ({n})',
  recordAll: 'Įrašyti visų išsiuntimą ({n})',
  status: 'Būsena',
  queued: 'laukia spausdinimo',
  dispatchedOn: 'įrašyta, {date}',
  backToQueue: 'Atgal į spausdinimo eilę',
  doneBatch: 'Įrašyta išsiųstų laiškų: {n}.',
  doneBatchOne: 'Įrašytas 1 laiško išsiuntimas.',
  outcomeDispatched: 'įrašyta',
  outcomeAlready: 'jau buvo įrašyta anksčiau ({date}); nieko nepridėta',
  outcomeFailed: 'neįrašyta: {error}',
  someNotRecorded: 'Ne visi laiškai įrašyti; žr. kiekvieną eilutę.',
  noSelection: 'Pažymėkite bent vieną laišką.',
};

const TABLES: Record<Language, Record<PrintKey, string>> = { en, lt };

export type PrintTranslate = (key: PrintKey, vars?: Record<string, string | number>) => string;

export function printTranslator(lang: Language): PrintTranslate {
  return tableTranslator(TABLES[lang]);
}
