import type { Language } from '#domain/channels.ts';
import type { TaskOutcome, TaskStatus } from '#domain/fulfilment/tasks.ts';

/**
 * The console's fulfilment words, lt and en, kept beside its pages (not in labels.ts) so the task
 * pages stay one feature's files.
 */
const WORDS = {
  tasks: { lt: 'Užduotys', en: 'Tasks' },
  tasksTitle: { lt: 'Užduotys: {ref}', en: 'Tasks: {ref}' },
  tasksOpen: { lt: 'Atviros užduotys: {n} iš {total}', en: 'Open tasks: {n} of {total}' },
  tasksNone: { lt: 'Užduočių dar nėra: tapatybė nenustatyta.', en: 'No tasks yet: identity is not settled.' },
  backToCase: { lt: 'Atgal į bylą', en: 'Back to the case' },
  claimed: { lt: 'Nurodyta (nepatikrinta, pagal tai neieškoma)', en: 'Claimed (not verified, never searched by)' },
  verified: { lt: 'Patvirtinti identifikatoriai', en: 'Verified identifiers' },
  right: { lt: 'Teisė', en: 'Right' },
  system: { lt: 'Sistema ar gavėjas', en: 'System or recipient' },
  connector: { lt: 'Jungtis', en: 'Connector' },
  owner: { lt: 'Atsakingas', en: 'Owner' },
  internalDue: { lt: 'Vidinis terminas', en: 'Internal due date' },
  taskStatus: { lt: 'Būsena', en: 'Status' },
  result: { lt: 'Rezultatas', en: 'Result' },
  actions: { lt: 'Veiksmai', en: 'Actions' },
  recordResult: { lt: 'Įrašyti rezultatą', en: 'Record the result' },
  outcome: { lt: 'Rezultatas', en: 'Outcome' },
  summary: { lt: 'Santrauka', en: 'Summary' },
  reason: { lt: 'Priežastis', en: 'Reason' },
  legalBasis: { lt: 'Teisinis pagrindas', en: 'Legal basis' },
  reasonKept: { lt: 'Priežastis (privaloma, jei duomenys saugomi)', en: 'Reason (required when kept)' },
  legalBasisKept: { lt: 'Teisinis pagrindas (privalomas, jei duomenys saugomi)', en: 'Legal basis (required when kept)' },
  dataJson: { lt: 'Duomenys (JSON: [{"category": "…", "records": [{…}]}], nebūtina)', en: 'Data (JSON: [{"category": "…", "records": [{…}]}], optional)' },
  save: { lt: 'Įrašyti', en: 'Save' },
  skip: { lt: 'Praleisti', en: 'Skip' },
  skipReason: { lt: 'Kodėl praleidžiama', en: 'Why it is skipped' },
  dryRun: { lt: 'Bandomasis paleidimas', en: 'Dry run' },
  runConnector: { lt: 'Paleisti jungtį', en: 'Run the connector' },
  runErasure: { lt: 'Ištrinti (patvirtinti)', en: 'Erase (approve)' },
  dryRunDone: { lt: 'Bandomasis paleidimas {at}: {counts}', en: 'Dry run {at}: {counts}' },
  erasureNeedsDryRun: { lt: 'Prieš trynimą – bandomasis paleidimas; trynimą vykdo tvirtintojas.', en: 'An erasure needs a dry run first; an approver runs it.' },
  addTask: { lt: 'Pridėti užduotį', en: 'Add a task' },
  target: { lt: 'Sistema ar gavėjas iš registro', en: 'System or recipient of the register' },
  add: { lt: 'Pridėti', en: 'Add' },
  notice: { lt: 'Pranešimas (BDAR 19 str.) išsiųstas {at}, atsakymas iki {due}', en: 'Art. 19 notice sent {at}, reply due {due}' },
  replied: { lt: 'Atsakyta {at}', en: 'Replied {at}' },
  overdue: { lt: 'vėluoja', en: 'overdue' },
  skippedBecause: { lt: 'Praleista: {reason}', en: 'Skipped: {reason}' },
  notConfigured: { lt: 'Jungtys čia nesukonfigūruotos.', en: 'Connectors are not configured here.' },
  doneTask: { lt: 'Užduotis atnaujinta: {what}', en: 'Task updated: {what}' },
} as const satisfies Record<string, Record<Language, string>>;

export type FulfilmentWord = keyof typeof WORDS;

/**
 * The task page forms' fields, each named by the label it carries on the page (for the error
 * summary); typed against the words, so a field without a label in lt and en is a compile error.
 */
export const RESULT_FIELDS = { outcome: 'outcome', summary: 'summary', reason: 'reasonKept', legalBasis: 'legalBasisKept', data: 'dataJson' } as const satisfies Record<string, FulfilmentWord>;
export const SKIP_FIELDS = { reason: 'skipReason' } as const satisfies Record<string, FulfilmentWord>;
export const ADD_TASK_FIELDS = { right: 'right', targetId: 'target', reason: 'reason' } as const satisfies Record<string, FulfilmentWord>;
export type FulfilmentTranslate = (key: FulfilmentWord, vars?: Record<string, string | number>) => string;

export function fulfilmentWords(lang: Language): FulfilmentTranslate {
  return (key, vars) => WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

export const TASK_STATUS_LABEL: Record<TaskStatus, Record<Language, string>> = {
  open: { lt: 'atvira', en: 'open' },
  awaiting_callback: { lt: 'laukiama sistemos atsakymo', en: 'awaiting the service' },
  awaiting_reply: { lt: 'laukiama gavėjo atsakymo', en: 'awaiting the reply' },
  done: { lt: 'atlikta', en: 'done' },
  skipped: { lt: 'praleista', en: 'skipped' },
};

export const OUTCOME_LABEL: Record<TaskOutcome, Record<Language, string>> = {
  found: { lt: 'rasta', en: 'found' },
  not_found: { lt: 'nerasta', en: 'not found' },
  data_file: { lt: 'duomenų rinkmena', en: 'data file' },
  erased: { lt: 'ištrinta', en: 'erased' },
  kept: { lt: 'saugoma (su priežastimi)', en: 'kept (with a reason)' },
};
