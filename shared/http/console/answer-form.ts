import type { AnswerContent } from '#domain/answer.ts';
import { AnswerContentSchema } from '#domain/answer-schema.ts';
import type { Case } from '#domain/case.ts';
import { IssueCollector, issueOf } from './form-errors.tsx';
import { tableFromForm, tableToData, type TableCategory } from './answer-table.ts';

const lines = (value: unknown) => (typeof value === 'string' ? value.split('\n').map((l) => l.trim()).filter(Boolean) : []);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The draft form's structured answer (docs/design.md §1.6) from its fields: the subject's data
 * from the table editor (`data.N.…`, answer-table.ts) and, for those who have it as JSON, the
 * `answerData` field; per right of the case `outcome.<type>` and `summary.<type>`; erasure adds
 * `erased` (a line each) and `kept` (`what | why | until` a line each). Validated by the same
 * schema as the JSON staff API; every problem of every field is collected and thrown at once
 * (FormError). Undefined when staff filled in nothing.
 * Example: `answerFromForm({ 'outcome.access': 'fulfilled', 'data.0.category': 'Orders', … }, c)`.
 */
export function answerFromForm(form: Readonly<Record<string, unknown>>, c: Pick<Case, 'rights'>, table: readonly TableCategory[] = tableFromForm(form)): AnswerContent | undefined {
  const issues = new IssueCollector();
  const data = tableToData(table, issues);
  const json = text(form.answerData);
  if (json) {
    try {
      const pasted: unknown = JSON.parse(json);
      const checked = AnswerContentSchema.safeParse({ data: pasted });
      if (checked.success) data.push(...(checked.data.data ?? []).map((d) => ({ category: d.category, records: [...d.records] })));
      else issues.add('answerData', 'invalid');
    } catch {
      issues.add('answerData', 'json');
    }
  }
  const results = c.rights.flatMap((r) => {
    const outcome = text(form[`outcome.${r.type}`]);
    if (!outcome) return [];
    const summary = text(form[`summary.${r.type}`]);
    const erasure = r.type === 'erasure';
    const kept = erasure
      ? lines(form.kept).map((line) => {
          const [what = '', reason = '', until = ''] = line.split('|').map((p) => p.trim());
          return { data: what, reason, ...(until ? { until } : {}) };
        })
      : [];
    const erased = erasure ? lines(form.erased) : [];
    return [{ type: r.type, outcome, ...(summary ? { summary } : {}), ...(erased.length ? { erased } : {}), ...(kept.length ? { kept } : {}) }];
  });
  const content = { ...(data.length ? { data } : {}), ...(results.length ? { results } : {}) };
  const parsed = AnswerContentSchema.safeParse(content);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const issue = issueOf(i);
      // Paths of the answer's JSON as the form's fields: results.I.kept → kept, results.I.summary → summary.<right>.
      const [head, index, part] = i.path.map(String);
      const right = head === 'results' ? results[Number(index)]?.type : undefined;
      const field = head === 'data' ? `data.${index ?? 0}.category` : right && (part === 'outcome' || part === 'summary') ? `${part}.${right}` : part === 'kept' || part === 'erased' ? part : issue.field;
      issues.add(field, part === 'kept' && i.path.at(-1) === 'until' ? 'date' : issue.kind, issue.n);
    }
  }
  issues.check();
  if (!parsed.success || Object.keys(content).length === 0) return undefined;
  return parsed.data;
}
