import type * as z from 'zod/mini';
import type { Language } from '#domain/channels.ts';
import { ValidationError, type DomainError } from '#domain/errors.ts';
import type { ErrorDetail } from '#domain/error-details.ts';
import { errorText } from './error-text.ts';

/** What can be wrong with one field, worded per language in ISSUE_TEXT. */
export type IssueKind = 'required' | 'choose' | 'too_long' | 'too_short' | 'date' | 'email' | 'option' | 'tick' | 'invalid' | 'json' | 'csv' | 'file_type' | 'duplicate';

export interface FormIssue {
  /** The form field's name (its first path segment: `rights.0` is `rights`). */
  readonly field: string;
  readonly kind: IssueKind;
  readonly n?: number;
  /** A use case's own reason for this field, worded from its key (error-text.ts) instead of the kind. */
  readonly detail?: ErrorDetail;
}

/** Each kind of field problem in Lithuanian and English (a missing one is a compile error). */
export const ISSUE_TEXT: Readonly<Record<IssueKind, Readonly<Record<Language, (n: number) => string>>>> = {
  required: { lt: () => 'užpildykite šį lauką', en: () => 'fill in this field' },
  choose: { lt: () => 'pažymėkite bent vieną', en: () => 'tick at least one' },
  too_long: { lt: (n) => `ne daugiau kaip ${n} simbolių`, en: (n) => `at most ${n} characters` },
  too_short: { lt: (n) => `ne mažiau kaip ${n} simbolių`, en: (n) => `at least ${n} characters` },
  date: { lt: () => 'įrašykite datą (MMMM-MM-DD)', en: () => 'enter a date (YYYY-MM-DD)' },
  email: { lt: () => 'įrašykite el. pašto adresą, pvz., vardas@example.lt', en: () => 'enter an e-mail address, e.g. name@example.com' },
  option: { lt: () => 'pasirinkite vieną iš galimybių', en: () => 'choose one of the options' },
  tick: { lt: () => 'pažymėkite, kad patikrinote', en: () => 'tick to confirm you have checked' },
  invalid: { lt: () => 'patikrinkite reikšmę', en: () => 'check the value' },
  json: { lt: () => 'tai ne JSON', en: () => 'this is not JSON' },
  csv: { lt: () => 'CSV failo perskaityti nepavyko', en: () => 'the CSV file could not be read' },
  duplicate: { lt: () => 'toks stulpelio pavadinimas jau yra', en: () => 'this column name is already used' },
  file_type: { lt: () => 'failas turi būti PDF, JPEG, PNG arba TIFF', en: () => 'the file must be a PDF, JPEG, PNG or TIFF' },
};

type ZodIssue = z.core.$ZodIssue;

/** One zod issue as a field problem: the kind from zod's code and bounds, never its English text. */
export function issueOf(i: ZodIssue): FormIssue {
  const field = String(i.path[0] ?? 'form');
  switch (i.code) {
    case 'invalid_type':
      // Form fields are text or lists of text: a wrong type is a missing field.
      return { field, kind: 'required' };
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'array' || i.origin === 'set') return { field, kind: 'choose' };
      return min <= 1 ? { field, kind: 'required' } : { field, kind: 'too_short', n: min };
    }
    case 'too_big':
      return { field, kind: 'too_long', n: Number(i.maximum) };
    case 'invalid_format':
      // Our regex checks are dates (YYYY-MM-DD) or codes; only the first has words of its own.
      return { field, kind: i.format === 'email' ? 'email' : i.format === 'regex' && /\\d\{4\}-/.test(String(i.pattern ?? '')) ? 'date' : 'invalid' };
    case 'invalid_value':
      return { field, kind: i.values.length === 1 && i.values[0] === 'yes' ? 'tick' : 'option' };
    default:
      return { field, kind: 'invalid' };
  }
}

/** A console form's problems, one or more per field, all found in one pass. */
export class FormError extends ValidationError {
  readonly formIssues: readonly FormIssue[];
  constructor(issues: readonly FormIssue[]) {
    // One problem is said once, even when two checks (the table's and the schema's) found it.
    // An empty field is only "fill in this field", not also every rule its missing value breaks.
    const empty = new Set(issues.filter((i) => i.kind === 'required').map((i) => i.field));
    const kept = issues.filter((i) => i.kind === 'required' || !empty.has(i.field) || i.detail);
    const formIssues = [...new Map(kept.map((i) => [`${i.field}|${i.kind}|${i.n ?? ''}|${i.detail?.key ?? ''}`, i])).values()];
    // In English for logs and tests; pages word each issue in their language.
    super(`The form is not valid: ${formIssues.map((i) => `${i.field} (${i.kind})`).join(', ')}.`, formIssues.map((i) => ({ field: i.field, message: i.kind })));
    this.formIssues = formIssues;
  }
}

/** Collects a form's problems across several checks, so that one submit reports all of them. */
export class IssueCollector {
  readonly issues: FormIssue[] = [];
  /** The parsed value, or undefined with its issues collected. */
  parse<S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): z.infer<S> | undefined {
    const result = schema.safeParse(input);
    if (result.success) return result.data as z.infer<S>;
    for (const i of result.error.issues) {
      const issue = issueOf(i);
      this.issues.push(prefix ? { ...issue, field: `${prefix}${issue.field}` } : issue);
    }
    return undefined;
  }
  add(field: string, kind: IssueKind, n?: number) {
    this.issues.push({ field, kind, ...(n === undefined ? {} : { n }) });
  }
  /** A use case's own reason for a field (its detail key says why). */
  addDetail(field: string, detail: ErrorDetail) {
    this.issues.push({ field, kind: 'invalid', detail });
  }
  /** Runs a check that throws ValidationError and keeps its fields' problems (named by `aliases`). */
  run<T>(check: () => T, aliases: Readonly<Record<string, string>> = {}): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const i of error.issues.length ? error.issues : [{ field: 'form', message: '' }]) {
        const field = formField(i.field, aliases);
        this.issues.push(error.detail ? { field, kind: 'invalid', detail: error.detail } : { field, kind: 'invalid' });
      }
      return undefined;
    }
  }
  /** Throws the form's problems when there are any. */
  check(): void {
    if (this.issues.length) throw new FormError(this.issues);
  }
}

export interface FieldProblem {
  readonly field: string;
  readonly label: string | undefined;
  readonly message: string;
}

/** What the page shows for a failed submit: a summary and the problems of each field, in the page's language. */
export interface FormProblem {
  /** The form's id on the page; fields are `${form}-${field}`. */
  readonly form: string;
  readonly summary: string;
  readonly fields: readonly FieldProblem[];
}

/** Field names as the use cases name them (the JSON contract's paths) mapped to the form's own. */
const formField = (path: string, aliases: Readonly<Record<string, string>>) => aliases[path] ?? aliases[path.split('.')[0] ?? path] ?? path.replace(/^subject\./, '').split('.')[0] ?? path;

/**
 * A domain error as a form's problems in the page's language: zod issues by kind, a use case's
 * field issues with its detail text, and fields named by their label (never an internal name).
 * Example: `formProblem(error, 'lt', 'register', (f) => labels[f])`.
 */
export function formProblem(error: DomainError, lang: Language, form: string, label: (field: string) => string | undefined, aliases: Readonly<Record<string, string>> = {}): FormProblem {
  if (error instanceof FormError) {
    const fields = error.formIssues.map((i) => ({
      field: i.field,
      label: label(i.field),
      message: i.detail ? errorText({ code: 'validation_failed', detail: i.detail }, lang) : ISSUE_TEXT[i.kind][lang](i.n ?? 0),
    }));
    return { form, summary: summaryText(lang, fields.length), fields };
  }
  const text = errorText(error, lang);
  const issues = error instanceof ValidationError ? error.issues : [];
  const fields = issues.map((i) => {
    const field = formField(i.field, aliases);
    return { field, label: label(field), message: error.detail ? text : ISSUE_TEXT.invalid[lang](0) };
  });
  return { form, summary: fields.length && !error.detail ? summaryText(lang, fields.length) : text, fields: fields.filter((f) => f.label !== undefined) };
}

const summaryText = (lang: Language, n: number) => (lang === 'lt' ? `Formoje yra klaidų (${n}). Patikrinkite pažymėtus laukus.` : `The form has ${n} problem${n === 1 ? '' : 's'}. Please check the marked fields.`);

/** Where a field's problem is shown, for its `aria-describedby`. */
export const fieldId = (form: string, field: string) => `${form}-${field}`;

/** The messages of one field of the form in `problem`, joined. */
export function fieldMessage(problem: FormProblem | undefined, form: string, field: string): string | undefined {
  if (!problem || problem.form !== form) return undefined;
  const messages = problem.fields.filter((f) => f.field === field).map((f) => f.message);
  return messages.length ? [...new Set(messages)].join('; ') : undefined;
}

/**
 * The attributes of a field: its id, and when it has a problem `aria-invalid` and
 * `aria-describedby` naming its message. `group` for a fieldset (no aria-invalid there).
 */
export function fieldAttrs(problem: FormProblem | undefined, form: string, field: string, group = false): Record<string, string> {
  const id = fieldId(form, field);
  if (!fieldMessage(problem, form, field)) return { id };
  return { id, 'aria-describedby': `${id}-error`, ...(group ? {} : { 'aria-invalid': 'true' }) };
}

/** A field's message, right after the field; nothing when it has none. */
export function FieldError(props: { problem: FormProblem | undefined; form: string; field: string }) {
  const message = fieldMessage(props.problem, props.form, props.field);
  if (!message) return null;
  return (
    <span class="field-error" id={`${fieldId(props.form, props.field)}-error`}>
      {message}
    </span>
  );
}

/** The summary at the top of the page: every problem at once, each a link to its field. */
export function ErrorSummary(props: { problem: FormProblem; title: string }) {
  const { problem } = props;
  return (
    <div class="alert" role="alert" id="error-summary">
      <strong>{props.title}:</strong> {problem.summary}
      {problem.fields.length > 0 && (
        <ul>
          {problem.fields.map((f) => (
            <li>
              <a href={`#${fieldId(problem.form, f.field)}`}>
                {f.label}: {f.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A form's field labels from a table of label keys (typed per form, so a field without a label is a compile error). */
export const labelsOf =
  <K extends string>(words: (key: K) => string, table: Readonly<Record<string, K>>) =>
  (field: string): string | undefined =>
    table[field] === undefined ? undefined : words(table[field]);

/** What was typed into a form that has to be shown again (after problems, or a table button without JavaScript). */
export interface KeptValues {
  readonly form: string;
  readonly values: Readonly<Record<string, string>>;
}

/** The value typed into `field` of `form`, when that form is the one shown again. */
export const keptValue = (kept: KeptValues | undefined, form: string, field: string): string | undefined => (kept?.form === form ? kept.values[field] : undefined);

/** The text fields of a submitted form, to show again (never the CSRF token, never files). */
export function typedValues(form: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'));
}
