import { describe, expect, it } from 'vitest';
import { updateCase, type WaitStep } from '#domain/workflow.ts';
import type { Case } from '#domain/case.ts';
import { consoleApp } from '../support/console-app.ts';
import { ENGLISH } from '../support/english-words.ts';

/** The visible text of a page: scripts, styles and tags out, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    // Not interface words: paths, e-mail addresses, staff ids, file names.
    .replace(/(^|\s)\/[\w/?=&.-]*/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/\b[\w-]+\.(json|csv|pdf|png|jpg|eml|xml)\b/g, ' ');

async function world() {
  const w = await consoleApp();
  const at = async (id: string, step: WaitStep | null, patch: Partial<Case> = {}) => {
    const c = (await w.repo.getCase('softera', id))!;
    const now = w.clock.now();
    const status = step === 'approval' ? 'awaiting_approval' : step === 'identity_review' || step === 'subject_identity' ? 'awaiting_identity' : 'in_progress';
    const next = updateCase({ ...c, status }, now, { waiting: step ? { step, taskToken: `t-${step}`, since: now.toISOString() } : null, ...patch }, [
      { type: 'identity.checked', actor: { kind: 'staff', id: 'agent@softera.local' }, visibility: 'internal', summary: 'Identity document checked: rejected.', details: { step: 'identity_review', reasons: ['The document expired on 2020-01-01.'] } },
    ]);
    await w.repo.saveCase(next.case, next.events);
  };
  return { ...w, at };
}

describe('the console in Lithuanian', () => {
  it('shows no English words on any page, at any step', async () => {
    const w = await world();
    const ids = await Promise.all(['Ona', 'Jonas', 'Petras', 'Rūta', 'Asta'].map((n) => w.newCase(n, 'lt')));
    const now = w.clock.now().toISOString();
    await w.at(ids[0]!, 'identity_review', { attention: { kind: 'overdue', reason: `Overdue since ${now}`, since: now } });
    await w.at(ids[1]!, 'subject_identity');
    await w.at(ids[2]!, 'answer_draft', { rights: [{ type: 'access', status: 'in_progress', details: 'Read from the e-mail: mano duomenų kopija' }] });
    await w.at(ids[3]!, 'approval', { draft: { body: 'Pridedame duomenis.', answer: { data: [{ category: 'Paskyra', records: [{ vardas: 'Rūta' }] }] }, draftedBy: 'agent@softera.local', draftedAt: now } });
    await w.at(ids[4]!, 'subject_clarification', { handling: { pause: { reason: 'Laukiame IT', by: 'agent@softera.local', at: now } } });
    const { cookie } = await w.signIn('approver', 'lt');
    const pages = ['/console', '/console?mine=1', '/console?spam=1', '/console/dashboard', '/console/register', ...ids.map((id) => `/console/cases/${id}`)];
    const leaks: string[] = [];
    for (const path of pages) {
      const res = await w.app.request(path, { headers: { cookie, 'accept-language': 'lt' } });
      expect(res.status, path).toBe(200);
      const found = [...new Set(textOf(await res.text()).match(ENGLISH) ?? [])];
      if (found.length) leaks.push(`${path}: ${found.join(', ')}`);
    }
    const notFound = await w.app.request('/no/such/page', { headers: { accept: 'text/html', 'accept-language': 'lt' } });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toContain('text/html');
    const found = [...new Set(textOf(await notFound.text()).match(ENGLISH) ?? [])];
    if (found.length) leaks.push(`404: ${found.join(', ')}`);
    expect(leaks).toEqual([]);
  });
});
