import type { Language } from '#domain/channels.ts';
import { RIGHT_TYPES, type RightType } from '#domain/rights.ts';
import type { LabelKey, Translate } from './labels.ts';
import { handlingTranslator, type HandlingKey } from './handling-labels.ts';
import { RIGHT_SHORT } from './enum-labels.ts';
import { tableFieldLabel, tableWord } from './answer-table-views.tsx';
import type { TableCategory } from './answer-table.ts';

/** Field names of the error summary that the existing labels do not name well. */
const WORDS = {
  body: { lt: 'Atsakymo tekstas', en: 'Text of the answer' },
  confirm: { lt: 'Patvirtinimas', en: 'Confirmation' },
  answerData: { lt: 'Duomenys JSON formatu', en: 'The data as JSON' },
  dataCsv: { lt: 'CSV failas', en: 'CSV file' },
} as const satisfies Record<string, Record<Language, string>>;

/** A field's label: the console's words by key, or the handling card's, or this file's. */
type Source = { readonly t: LabelKey } | { readonly h: HandlingKey } | { readonly w: keyof typeof WORDS };

const from = (lang: Language, t: Translate, s: Source | undefined): string | undefined =>
  s === undefined ? undefined : 't' in s ? t(s.t) : 'h' in s ? handlingTranslator(lang)(s.h) : WORDS[s.w][lang];

/** The fields of each console form and their labels; a field without one is a compile error where the table is typed. */
export const DECISION_FIELDS = {
  reasons: { t: 'reasons' },
  questions: { t: 'questionsLabel' },
  body: { w: 'body' },
  method: { t: 'method' },
  confirm: { w: 'confirm' },
  imageKey: { h: 'rejectScan' },
  answerData: { w: 'answerData' },
  dataCsv: { w: 'dataCsv' },
  erased: { t: 'erased' },
  kept: { t: 'kept' },
} as const satisfies Record<string, Source>;

export const REGISTER_FIELDS = {
  channel: { t: 'channel' },
  receivedAt: { t: 'receivedOn' },
  name: { t: 'name' },
  email: { t: 'email' },
  phone: { t: 'phone' },
  postalAddress: { t: 'postalAddress' },
  rights: { t: 'rights' },
  language: { t: 'requestLanguage' },
  note: { t: 'note' },
  scan: { t: 'scan' },
} as const satisfies Record<string, Source>;

export const REPLY_FIELDS = { receivedAt: { t: 'replyReceivedAt' }, note: { t: 'replyNote' } } as const satisfies Record<string, Source>;
export const RIGHTS_FIELDS = { rights: { t: 'rights' }, reasons: { t: 'reasons' } } as const satisfies Record<string, Source>;
export const DISPATCH_FIELDS = { at: { t: 'dispatchedOn' }, trackingNumber: { t: 'tracking' }, handedTo: { t: 'handedTo' } } as const satisfies Record<string, Source>;
export const HANDLING_FIELDS = {
  userId: { h: 'assignTo' },
  text: { h: 'noteText' },
  reason: { h: 'pauseReason' },
  reasons: { h: 'extendReasons' },
} as const satisfies Record<string, Source>;
export const SPAM_FIELDS = { reason: { h: 'spamReason' } } as const satisfies Record<string, Source>;

/** Labels of a form's fields for formProblem. */
export const labelsFor =
  (lang: Language, t: Translate, table: Readonly<Record<string, Source>>) =>
  (field: string): string | undefined =>
    from(lang, t, table[field]);

/** The draft and decision forms: their fields, each right's outcome and summary, and the data table's cells. */
export const decisionLabels =
  (lang: Language, t: Translate, table: readonly TableCategory[]) =>
  (field: string): string | undefined => {
    const [part, right] = field.split('.');
    if ((part === 'outcome' || part === 'summary') && RIGHT_TYPES.includes(right as RightType)) return `${RIGHT_SHORT[right as RightType][lang]}: ${t(part === 'outcome' ? 'outcome' : 'resultSummary')}`;
    return from(lang, t, (DECISION_FIELDS as Record<string, Source>)[field]) ?? tableFieldLabel(lang, table, field) ?? (field === 'data' ? tableWord(lang)('data') : undefined);
  };
