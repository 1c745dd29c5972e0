import { csvParseRows, dsvFormat } from 'd3-dsv';
import type { AnswerContent } from '#domain/answer.ts';
import type { IssueCollector } from './form-errors.tsx';

type AnswerData = Array<NonNullable<AnswerContent['data']>[number]>;

/** One category of the subject's data as the table editor holds it: named columns, rows of text cells. */
export interface TableCategory {
  readonly category: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

const MAX_CATEGORIES = 100;
const MAX_COLUMNS = 60;
const MAX_ROWS = 10_000;
const FIELD = /^data\.(\d{1,3})\.(category|col\.(\d{1,3})|cell\.(\d{1,5})\.(\d{1,3}))$/;

/**
 * The table editor's fields as categories, in their order: `data.N.category`, `data.N.col.J` (a
 * column's name) and `data.N.cell.R.J` (a cell). Blank slots stay (the page shows them again).
 * Example: `tableFromForm({ 'data.0.category': 'Orders', 'data.0.col.0': 'no', 'data.0.cell.0.0': 'O-1' })`.
 */
export function tableFromForm(form: Readonly<Record<string, unknown>>): TableCategory[] {
  const cats = new Map<number, { category: string; columns: string[]; rows: string[][] }>();
  const cat = (n: number) => {
    let found = cats.get(n);
    if (!found) cats.set(n, (found = { category: '', columns: [], rows: [] }));
    return found;
  };
  for (const [key, value] of Object.entries(form)) {
    const m = FIELD.exec(key);
    if (!m || typeof value !== 'string') continue;
    const n = Number(m[1]);
    if (n >= MAX_CATEGORIES) continue;
    const c = cat(n);
    const text = value.replace(/\r\n/g, '\n').trim();
    if (m[2] === 'category') c.category = text;
    else if (m[3] !== undefined) {
      if (Number(m[3]) < MAX_COLUMNS) c.columns[Number(m[3])] = text;
    } else {
      const r = Number(m[4]);
      const j = Number(m[5]);
      if (r >= MAX_ROWS || j >= MAX_COLUMNS) continue;
      (c.rows[r] ??= [])[j] = text;
    }
  }
  return [...cats.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, c]) => {
      const width = Math.max(c.columns.length, ...c.rows.map((r) => r?.length ?? 0));
      const pad = (xs: readonly (string | undefined)[] | undefined) => Array.from({ length: width }, (_, j) => xs?.[j] ?? '');
      return { category: c.category, columns: pad(c.columns), rows: Array.from(c.rows, (r) => pad(r)) };
    });
}

/**
 * The categories as the answer's data: blank rows, blank columns and blank categories are left
 * out; a column with values but no name, a category with rows but no name and a repeated column
 * name are problems of their field (collected, so all of them show at once).
 */
export function tableToData(table: readonly TableCategory[], issues: IssueCollector): AnswerData {
  const data: AnswerData = [];
  table.forEach((t, n) => {
    const used = t.columns.map((name, j) => name !== '' || t.rows.some((r) => (r[j] ?? '') !== ''));
    const rows = t.rows.filter((r) => r.some((cell) => cell !== ''));
    if (!t.category && rows.length === 0 && !t.columns.some(Boolean)) return;
    if (!t.category) issues.add(`data.${n}.category`, 'required');
    else if (t.category.length > 200) issues.add(`data.${n}.category`, 'too_long', 200);
    const seen = new Set<string>();
    t.columns.forEach((name, j) => {
      if (!used[j]) return;
      if (!name) issues.add(`data.${n}.col.${j}`, 'required');
      else if (name.length > 200) issues.add(`data.${n}.col.${j}`, 'too_long', 200);
      else if (seen.has(name)) issues.add(`data.${n}.col.${j}`, 'duplicate');
      seen.add(name);
    });
    rows.forEach((r) =>
      r.forEach((cell, j) => {
        if (cell.length > 10_000) issues.add(`data.${n}.cell.${t.rows.indexOf(r)}.${j}`, 'too_long', 10_000);
      }),
    );
    const records = rows.map((r) => Object.fromEntries(t.columns.flatMap((name, j) => (used[j] && name ? [[name, r[j] ?? '']] : []))));
    data.push({ category: t.category, records });
  });
  return data;
}

/** Stored data as the editor's table: columns in order of first use, every value as its text. */
export function dataToTable(data: AnswerContent['data']): TableCategory[] {
  return (data ?? []).map((d) => {
    const columns = [...new Set(d.records.flatMap((r) => Object.keys(r)))];
    return { category: d.category, columns, rows: d.records.map((r) => columns.map((k) => (r[k] === null || r[k] === undefined ? '' : String(r[k])))) };
  });
}

/**
 * A CSV file as one category: the first row names the columns. Excel in Lithuania writes `;`
 * between fields, so the separator is whichever of `;` and `,` the header line has more of.
 * Undefined (a problem of the file) when there is no header row.
 */
export function csvToCategory(name: string, text: string): TableCategory | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  const semicolons = header.split(';').length;
  const rows = (semicolons > header.split(',').length ? dsvFormat(';').parseRows(body) : csvParseRows(body)).filter((r) => r.some((cell) => cell.trim() !== ''));
  const [columns, ...records] = rows;
  if (!columns?.length) return undefined;
  const width = Math.min(columns.length, MAX_COLUMNS);
  const fit = (r: readonly string[]) => Array.from({ length: width }, (_, j) => (r[j] ?? '').trim());
  return { category: name.replace(/\.(csv|txt)$/i, '').slice(0, 200), columns: fit(columns), rows: records.slice(0, MAX_ROWS).map(fit) };
}

/** What a table button asks for, without JavaScript: the page comes back with the table changed. */
export function applyTableAction(table: readonly TableCategory[], action: string): TableCategory[] {
  const t = table.map((c) => ({ category: c.category, columns: [...c.columns], rows: c.rows.map((r) => [...r]) }));
  const [verb, a, b] = action.split(':');
  const n = Number(a);
  const c = t[n];
  if (verb === 'category') t.push({ category: '', columns: ['', ''], rows: [['', '']] });
  else if (c && verb === 'row') c.rows.push(c.columns.map(() => ''));
  else if (c && verb === 'col' && c.columns.length < MAX_COLUMNS) {
    c.columns.push('');
    for (const r of c.rows) r.push('');
  } else if (c && verb === 'delrow') c.rows.splice(Number(b), 1);
  else if (c && verb === 'delcol') {
    c.columns.splice(Number(b), 1);
    for (const r of c.rows) r.splice(Number(b), 1);
  } else if (c && verb === 'delcat') t.splice(n, 1);
  return t;
}
