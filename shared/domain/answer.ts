import type { RightType } from './rights.ts';

/**
 * What an answer contains beyond its free text (docs/design.md §1.6): the subject's data (a copy for
 * access, machine-readable for portability), and per right what was done — for erasure, what
 * was erased and what was kept and why. Staff supply it with the draft; the templates turn it
 * into the letter or e-mail, and the data becomes JSON and CSV attachments.
 */
export type DataValue = string | number | boolean | null;

/** One category of the subject's data ("Orders", "Account"), as flat records. */
export interface SubjectDataSet {
  readonly category: string;
  readonly records: ReadonlyArray<Readonly<Record<string, DataValue>>>;
}

export const RIGHT_OUTCOMES = ['fulfilled', 'partially_fulfilled', 'refused', 'not_applicable'] as const;
export type RightOutcome = (typeof RIGHT_OUTCOMES)[number];

export interface KeptData {
  /** What was kept ("Invoices 2024–2026"). */
  readonly data: string;
  /** Why (a legal obligation, a claim), in the words the subject reads. */
  readonly reason: string;
  /** Until when, if known (local date). */
  readonly until?: string;
}

export interface RightResult {
  readonly type: RightType;
  readonly outcome: RightOutcome;
  /** What was done, in plain words ("Your address was corrected to …"). */
  readonly summary?: string;
  /** Erasure: what was erased. */
  readonly erased?: readonly string[];
  /** Erasure: what was kept, and why (Art. 17(3)). */
  readonly kept?: readonly KeptData[];
}

export interface AnswerContent {
  readonly data?: readonly SubjectDataSet[];
  readonly results?: readonly RightResult[];
  /** Access: the recipients the subject's data was actually disclosed to (Gautora: in the last 12 months). */
  readonly recipientsDisclosed?: readonly string[];
}

export interface AnswerFile {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/**
 * A file staff attached to an answer (an export, a PDF), stored in the answers bucket: the
 * structured `data` of an answer is bounded by the API's request size, files are not.
 */
export interface AnswerFileRef {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly key: string;
}

/** At most this many files, and this many bytes each, per answer (sent as download links above the mail limit). */
export const ANSWER_FILE_LIMITS = { maxFiles: 20, maxBytes: 100 * 1024 * 1024 } as const;

/** Where an attached file lives: per tenant and case, its own id, a file name safe as a key. */
export function answerFileKey(tenantId: string, caseId: string, id: string, filename: string): string {
  return `answer-files/${tenantId}/${caseId}/${id}/${filename.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'data';

/** Spreadsheet programs execute cells starting with these; a leading apostrophe defuses them (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: DataValue | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV of one category: the union of the records' fields as columns, sorted by name
 * (records come back from DynamoDB maps without their key order, so any other order would vary).
 */
export function toCsv(set: SubjectDataSet): string {
  const columns = [...new Set(set.records.flatMap((record) => Object.keys(record)))].sort();
  const rows = [columns.map(csvCell).join(','), ...set.records.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  // The BOM makes spreadsheet programs read UTF-8 (Lithuanian letters) instead of a local code page.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/**
 * The subject's data as files: one JSON document with every category (machine-readable,
 * Art. 20) and one CSV per category. Example: `dataFiles('GAU-2026-000042', data, at)` →
 * `[GAU-2026-000042-data.json, GAU-2026-000042-orders.csv, …]`.
 */
export function dataFiles(reference: string, data: readonly SubjectDataSet[], exportedAt: Date): AnswerFile[] {
  if (data.length === 0) return [];
  const encoder = new TextEncoder();
  const json = {
    reference,
    exportedAt: exportedAt.toISOString(),
    categories: data.map((set) => ({ category: set.category, records: set.records })),
  };
  const used = new Set<string>();
  const csvs = data.map((set) => {
    let name = `${reference}-${slug(set.category)}`;
    for (let n = 2; used.has(name); n += 1) name = `${reference}-${slug(set.category)}-${n}`;
    used.add(name);
    return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', content: encoder.encode(toCsv(set)) };
  });
  return [{ filename: `${reference}-data.json`, contentType: 'application/json', content: encoder.encode(`${JSON.stringify(json, null, 2)}\n`) }, ...csvs];
}
