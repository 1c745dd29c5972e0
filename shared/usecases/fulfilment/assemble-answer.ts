import type { AnswerContent, KeptData, RightResult, SubjectDataSet } from '#domain/answer.ts';
import type { Case } from '#domain/case.ts';
import { ConflictError, NotFoundError } from '#domain/errors.ts';
import { isTaskOpen } from '#domain/fulfilment/tasks.ts';
import type { TaskDataStore } from '#ports/fulfilment.ts';
import type { CaseRepository } from '#ports/cases.ts';

/**
 * The answer built from the task results (docs/fulfilment.md): the subject's data from every
 * system that found some (JSON and CSV files when sent, through `dataFiles`), per right what was
 * done, what was kept and why, and the recipients: for access those the data went to
 * (Art. 15(1)(c)), for erasure those informed (Art. 19, second sentence). The Art. 15
 * information itself (purposes, retention, sources, …) comes from the tenant in the template.
 *
 * Primary course: every task finished (else 409) → data read back from the answers bucket →
 * per-right results → the draft text and content the drafting staff member submits.
 * Example: `await assembleAnswer(deps, { tenantId: 'bajtel', caseId })` → `{ body, answer: { data: [Account, Orders, …] } }`.
 */
export async function assembleAnswer(deps: { readonly repo: CaseRepository; readonly data: TaskDataStore }, ref: { readonly tenantId: string; readonly caseId: string }): Promise<{ readonly case: Case; readonly body: string; readonly answer: AnswerContent }> {
  const c = await deps.repo.getCase(ref.tenantId, ref.caseId);
  if (!c) throw new NotFoundError(`Case ${ref.caseId} does not exist.`);
  const tasks = c.fulfilment?.tasks ?? [];
  if (!c.fulfilment) throw new ConflictError(`Case ${c.reference} has no fulfilment tasks yet.`);
  const open = tasks.filter(isTaskOpen);
  if (open.length > 0) throw new ConflictError(`The answer is assembled when every task is finished; open: ${open.map((t) => t.id).join(', ')}.`);
  const data: SubjectDataSet[] = [];
  for (const t of tasks) {
    if (t.target.kind !== 'system' || !t.result?.dataKey) continue;
    const sets = JSON.parse(new TextDecoder().decode(await deps.data.read(t.result.dataKey))) as SubjectDataSet[];
    for (const set of sets) data.push({ category: `${set.category} (${t.name})`, records: set.records });
  }
  const results: RightResult[] = [];
  const lines: string[] = [];
  for (const right of new Set(c.rights.map((r) => r.type))) {
    const mine = tasks.filter((t) => t.right === right);
    const systems = mine.filter((t) => t.target.kind === 'system');
    const recipients = mine.filter((t) => t.target.kind === 'recipient' && t.status === 'done');
    lines.push(`${right}:`, ...systems.map((t) => `- ${t.name}: ${t.status === 'skipped' ? `not searched (${t.skipped?.reason ?? ''})` : (t.result?.summary ?? '')}`));
    if (right === 'erasure') {
      const kept: KeptData[] = systems.flatMap((t) => (t.result?.reason ? [{ data: t.result.summary.replace(/^.*Kept: /, '').replace(/\.$/, ''), reason: `${t.result.reason} (${t.result.legalBasis ?? ''})` }] : []));
      const informed = recipients.map((t) => t.name);
      results.push({
        type: right,
        outcome: kept.length > 0 ? 'partially_fulfilled' : 'fulfilled',
        summary: informed.length > 0 ? `Recipients informed of the erasure (GDPR Art. 19): ${informed.join('; ')}.` : 'No recipient had received the erased data.',
        erased: systems.filter((t) => t.result?.outcome === 'erased').map((t) => t.name),
        kept,
      });
      if (informed.length) lines.push(`Recipients informed (Art. 19): ${informed.join('; ')}`);
    } else {
      results.push({ type: right, outcome: 'fulfilled', summary: systems.map((t) => `${t.name}: ${t.result?.outcome ?? t.status}`).join('; ') });
    }
  }
  const disclosed = tasks.filter((t) => t.right === 'access' && t.target.kind === 'recipient' && t.status === 'done').map((t) => t.name);
  const body = ['Here is the answer to your request, assembled from every system that holds your data.', '', ...lines].join('\n');
  return { case: c, body, answer: { ...(data.length ? { data } : {}), results, ...(disclosed.length ? { recipientsDisclosed: disclosed } : {}) } };
}
