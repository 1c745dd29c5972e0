import type { AnswerContent } from '#domain/answer.ts';
import { AnswerContentSchema } from '#domain/answer-schema.ts';
import type { Case } from '#domain/case.ts';
import { ValidationError } from '#domain/errors.ts';

const lines = (value: unknown) => (typeof value === 'string' ? value.split('\n').map((l) => l.trim()).filter(Boolean) : []);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The draft form's structured answer (docs/design.md §1.6) from its fields: `answerData` (JSON of the
 * subject's data by category), and per right of the case `outcome.<type>` and `summary.<type>`;
 * erasure adds `erased` (a line each) and `kept` (`what | why | until` a line each). Validated
 * by the same schema as the JSON staff API; undefined when staff filled in nothing.
 * Example: `answerFromForm({ 'outcome.access': 'fulfilled', answerData: '[]' }, c)`.
 */
export function answerFromForm(form: Readonly<Record<string, unknown>>, c: Pick<Case, 'rights'>): AnswerContent | undefined {
  let data: unknown;
  const json = text(form.answerData);
  if (json) {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new ValidationError(`The subject’s data is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, [{ field: 'answerData', message: 'JSON' }]);
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
  if (data === undefined && results.length === 0) return undefined;
  const parsed = AnswerContentSchema.safeParse({ ...(data !== undefined ? { data } : {}), ...(results.length ? { results } : {}) });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
    throw new ValidationError(`The structured answer is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues);
  }
  return parsed.data;
}

