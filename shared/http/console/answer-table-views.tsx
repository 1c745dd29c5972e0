import type { Language } from '#domain/channels.ts';
import type { TableCategory } from './answer-table.ts';
import { FieldError, fieldAttrs, type FormProblem } from './form-errors.tsx';

/** The table editor's words (a missing translation is a compile error). */
export const TABLE_WORDS = {
  data: { lt: 'Subjekto duomenys', en: 'The subject’s data' },
  hint: {
    lt: 'Kiekviena kategorija – lentelė: pirma eilutė – stulpelių pavadinimai, toliau – įrašai. Tuščios eilutės ir stulpeliai neįtraukiami.',
    en: 'Each category is a table: the first row names the columns, each further row is a record. Blank rows and columns are left out.',
  },
  category: { lt: 'Kategorija', en: 'Category' },
  categoryName: { lt: 'Kategorijos pavadinimas', en: 'Name of the category' },
  column: { lt: 'stulpelis', en: 'column' },
  columnName: { lt: 'Stulpelio pavadinimas', en: 'Column name' },
  row: { lt: 'Eilutė', en: 'Row' },
  addRow: { lt: 'Pridėti eilutę', en: 'Add a row' },
  addColumn: { lt: 'Pridėti stulpelį', en: 'Add a column' },
  removeRow: { lt: 'Pašalinti eilutę', en: 'Remove row' },
  removeColumn: { lt: 'Pašalinti stulpelį', en: 'Remove column' },
  removeCategory: { lt: 'Pašalinti kategoriją', en: 'Remove the category' },
  addCategory: { lt: 'Pridėti kategoriją', en: 'Add a category' },
  csv: { lt: 'Arba įkelkite CSV failą (pirma eilutė – stulpelių pavadinimai; skirtukas „,“ arba „;“)', en: 'Or upload a CSV file (the first row names the columns; separated by “,” or “;”)' },
  loadCsv: { lt: 'Įkelti į lentelę', en: 'Load into the table' },
  json: { lt: 'Arba įklijuokite JSON', en: 'Or paste JSON' },
  jsonLabel: { lt: 'Duomenys JSON formatu: [{"category": "Užsakymai", "records": [{"laukas": "reikšmė"}]}]', en: 'The data as JSON: [{"category": "Orders", "records": [{"field": "value"}]}]' },
} as const satisfies Record<string, Record<Language, string>>;

export type TableWord = keyof typeof TABLE_WORDS;
export const tableWord = (lang: Language) => (k: TableWord) => TABLE_WORDS[k][lang];

/** How a table field is named in the error summary: its category, row and column in words. */
export function tableFieldLabel(lang: Language, table: readonly TableCategory[], field: string): string | undefined {
  const m = /^data\.(\d+)\.(category|col\.(\d+)|cell\.(\d+)\.(\d+))$/.exec(field);
  if (!m) return undefined;
  const w = tableWord(lang);
  const n = Number(m[1]);
  const cat = table[n]?.category || `${w('category')} ${n + 1}`;
  if (m[2] === 'category') return `${w('categoryName')} (${w('category')} ${n + 1})`;
  if (m[3] !== undefined) return `${cat}: ${w('columnName')} ${Number(m[3]) + 1}`;
  return `${cat}: ${w('row')} ${Number(m[4]) + 1}, ${w('column')} ${Number(m[5]) + 1}`;
}

/**
 * The subject's data as editable tables inside the draft form. Works without JavaScript: the
 * buttons submit the form with `_table` (add/remove a row, column or category, load a CSV) and
 * the page comes back with the table changed and everything typed kept; the console script does
 * the same in the page. Every cell has its own label (category, row, column).
 */
export function AnswerTable(props: { lang: Language; form: string; table: readonly TableCategory[]; problem: FormProblem | undefined; json: string }) {
  const { lang, form, problem } = props;
  const w = tableWord(lang);
  const f = (name: string) => fieldAttrs(problem, form, name);
  return (
    <fieldset class="table-editor" id={`${form}-data`} data-words={JSON.stringify({ row: w('row'), column: w('column'), columnName: w('columnName'), removeRow: w('removeRow'), removeColumn: w('removeColumn') })}>
      <legend>{w('data')}</legend>
      <p class="muted">{w('hint')}</p>
      {props.table.map((cat, n) => {
        const name = cat.category || `${w('category')} ${n + 1}`;
        return (
          <fieldset class="category" data-cat={n}>
            <legend>{`${w('category')} ${n + 1}`}</legend>
            <label>
              {w('categoryName')}
              <input name={`data.${n}.category`} value={cat.category} maxlength={200} {...f(`data.${n}.category`)} />
            </label>
            <FieldError problem={problem} form={form} field={`data.${n}.category`} />
            <div class="scroll">
              <table class="edit">
                <caption class="sr-only">{name}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    {cat.columns.map((col, j) => (
                      <th scope="col" data-col={j}>
                        <input name={`data.${n}.col.${j}`} value={col} maxlength={200} aria-label={`${w('columnName')} ${j + 1}`} {...f(`data.${n}.col.${j}`)} />
                        <FieldError problem={problem} form={form} field={`data.${n}.col.${j}`} />
                        <button type="submit" class="secondary small" name="_table" value={`delcol:${n}:${j}`} aria-label={`${w('removeColumn')} ${j + 1}`}>
                          ×
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {cat.rows.map((r, i) => (
                    <tr data-row={i}>
                      <th scope="row">
                        {i + 1}{' '}
                        <button type="submit" class="secondary small" name="_table" value={`delrow:${n}:${i}`} aria-label={`${w('removeRow')} ${i + 1}`}>
                          ×
                        </button>
                      </th>
                      {r.map((cell, j) => (
                        <td>
                          <input name={`data.${n}.cell.${i}.${j}`} value={cell} aria-label={`${w('row')} ${i + 1}, ${cat.columns[j] || `${w('column')} ${j + 1}`}`} {...f(`data.${n}.cell.${i}.${j}`)} />
                          <FieldError problem={problem} form={form} field={`data.${n}.cell.${i}.${j}`} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="row">
              <button type="submit" class="secondary" name="_table" value={`row:${n}`}>{w('addRow')}</button>
              <button type="submit" class="secondary" name="_table" value={`col:${n}`}>{w('addColumn')}</button>
              <button type="submit" class="secondary" name="_table" value={`delcat:${n}`}>{w('removeCategory')}</button>
            </div>
          </fieldset>
        );
      })}
      <div class="row">
        <button type="submit" class="secondary" name="_table" value="category">{w('addCategory')}</button>
      </div>
      <label>
        {w('csv')}
        <input type="file" name="dataCsv" accept=".csv,text/csv,text/plain" {...f('dataCsv')} />
      </label>
      <FieldError problem={problem} form={form} field="dataCsv" />
      <div>
        <button type="submit" class="secondary" name="_table" value="csv">{w('loadCsv')}</button>
      </div>
      <details open={props.json !== '' || undefined}>
        <summary>{w('json')}</summary>
        <label>
          {w('jsonLabel')}
          <textarea name="answerData" rows={4} class="mono" spellcheck={false} {...f('answerData')}>{props.json}</textarea>
        </label>
        <FieldError problem={problem} form={form} field="answerData" />
      </details>
    </fieldset>
  );
}
