import { describe, expect, it } from 'vitest';
import { updateCase } from '#domain/workflow.ts';
import { nextActor } from '#domain/handling.ts';
import { StoredCaseSchema } from '#adapters/dynamodb/case-record.ts';
import type { Case } from '#domain/case.ts';
import type { WaitStep } from '#domain/workflow.ts';
import { consoleApp } from '../support/console-app.ts';

type App = Awaited<ReturnType<typeof consoleApp>>;

/** What the subject was sent after the acknowledgement every new case gets. */
const afterIntake = (world: App) => world.notices.filter((n) => n.notice.kind !== 'acknowledgement');

/** Puts the case where the workflow waits at `step` (as the workflow's wait task would). */
async function waitAt(world: App, caseId: string, step: WaitStep, patch: Partial<Case> = {}) {
  const c = (await world.repo.getCase('softera', caseId))!;
  const now = world.clock.now();
  const status = step === 'approval' ? 'awaiting_approval' : step === 'identity_review' || step === 'subject_identity' ? 'awaiting_identity' : 'in_progress';
  const next = updateCase({ ...c, status }, now, { waiting: { step, taskToken: `t-${step}`, since: now.toISOString() }, ...patch }, []);
  await world.repo.saveCase(next.case, next.events);
  return next.case;
}

describe('who acts next', () => {
  it('is read from the waiting step, the status and the open tasks', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    expect(nextActor(await waitAt(world, id, 'identity_review'))).toBe('staff');
    expect(nextActor(await waitAt(world, id, 'subject_identity'))).toBe('subject');
    expect(nextActor(await waitAt(world, id, 'approval'))).toBe('approver');
    expect(nextActor({ status: 'in_progress', waiting: null, fulfilment: null, attention: null })).toBe('system');
    expect(nextActor({ status: 'answered', waiting: null, fulfilment: null, attention: null })).toBe('nobody');
  });

  it('shows the next actor, the escalation flag and the days left in each inbox row, in lt', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    const c = await waitAt(world, id, 'identity_review');
    // Past the due date, with the timer's escalation already sent.
    const late = updateCase(c, world.clock.now(), { timer: { fired: [`escalation:${c.dueAt}:0`] } }, []);
    await world.repo.saveCase(late.case, late.events);
    world.clock.set(new Date(Date.parse(c.dueAt) + 86_400_000).toISOString());
    const { cookie } = await world.signIn('agent', 'lt');
    const html = await (await world.app.request('/console', { headers: { cookie } })).text();
    const row = new RegExp(`<tr data-next-actor="staff" data-case-id="${id}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
    expect(row).toContain('Darbuotojas');
    expect(row).toContain('eskaluota');
    expect(row).toMatch(/vėluoja \d+ d\./);
    expect(html).toContain('Mano bylos');
  });
});

describe('handling on the case page', () => {
  it('assigns, filters "my cases", pauses with the clock still running, notes internally and marks spam', async () => {
    const world = await consoleApp();
    const mine = await world.newCase('Ona Petraitienė');
    const other = await world.newCase('Jonas Jonaitis');
    await waitAt(world, mine, 'identity_review');
    const { cookie, csrf } = await world.signIn('agent');
    expect((await world.post(`/console/cases/${mine}/handling`, cookie, { _csrf: csrf, action: 'assign_me' })).status).toBe(303);
    const myCases = await (await world.app.request('/console?mine=1', { headers: { cookie } })).text();
    expect(myCases).toContain(`data-case-id="${mine}"`);
    expect(myCases).not.toContain(`data-case-id="${other}"`);

    const before = (await world.repo.getCase('softera', mine))!;
    expect((await world.post(`/console/cases/${mine}/handling`, cookie, { _csrf: csrf, action: 'pause', reason: 'Waiting for the CRM owner' })).status).toBe(303);
    const paused = (await world.repo.getCase('softera', mine))!;
    expect(paused.handling?.pause).toMatchObject({ reason: 'Waiting for the CRM owner', by: 'agent@softera.local' });
    expect(paused.dueAt).toBe(before.dueAt);
    const page = await (await world.app.request(`/console/cases/${mine}?done=pause`, { headers: { cookie } })).text();
    expect(page).toContain('The GDPR clock keeps running during a pause');
    expect(page).toContain('The case was paused; its deadline still applies.');

    expect((await world.post(`/console/cases/${mine}/handling`, cookie, { _csrf: csrf, action: 'note', text: 'Called IT; back Monday.' })).status).toBe(303);
    const events = await world.repo.listEvents('softera', mine);
    expect(events.filter((e) => e.type.startsWith('handling.')).map((e) => [e.type, e.visibility])).toEqual([
      ['handling.assigned', 'internal'],
      ['handling.paused', 'internal'],
      ['handling.note', 'internal'],
    ]);
    expect(afterIntake(world)).toEqual([]);

    // A note without text: the page again with the field named, nothing written.
    const empty = await world.post(`/console/cases/${mine}/handling`, cookie, { _csrf: csrf, action: 'note', text: '  ' });
    expect(empty.status).toBe(422);
    // The field by its label in the page's language (was the internal "note: required").
    expect(await empty.text()).toContain('Note: Fill in this field.');

    expect((await world.post(`/console/cases/${other}/handling`, cookie, { _csrf: csrf, action: 'spam', reason: 'Advertising' })).status).toBe(303);
    const inbox = await (await world.app.request('/console', { headers: { cookie } })).text();
    expect(inbox).not.toContain(`data-case-id="${other}"`);
    const spam = await (await world.app.request('/console?spam=1', { headers: { cookie } })).text();
    expect(spam).toContain(`data-case-id="${other}"`);
  });

  it('extends at the identity review step (not only at the draft), telling the subject the reasons', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    const c = await waitAt(world, id, 'identity_review');
    const { cookie, csrf } = await world.signIn('agent');
    const page = await (await world.app.request(`/console/cases/${id}`, { headers: { cookie } })).text();
    expect(page).toContain('id="extend-form"');
    expect((await world.post(`/console/cases/${id}/extend`, cookie, { _csrf: csrf, reasons: 'Three archives\nPaper records' })).status).toBe(303);
    const after = (await world.repo.getCase('softera', id))!;
    expect(after.extended).toBe(true);
    expect(after.dueAt).toBe(c.deadlines.extended.dueAt);
    expect(after.waiting?.step).toBe('identity_review');
    expect(afterIntake(world)).toEqual([{ caseId: id, notice: { kind: 'extension', reasons: ['Three archives', 'Paper records'] } }]);
    expect(world.decisions).toEqual([]);
    // Twice is refused, and nothing more is sent.
    const again = await world.post(`/console/cases/${id}/extend`, cookie, { _csrf: csrf, reasons: 'Again' });
    expect(again.status).toBe(409);
    expect(afterIntake(world)).toHaveLength(1);
  });

  it('refuses to extend once the first period has ended, and says so on the page', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    const c = await waitAt(world, id, 'identity_review');
    world.clock.set(new Date(Date.parse(c.deadlines.answer.dueAt) + 3_600_000).toISOString());
    const { cookie, csrf } = await world.signIn('agent');
    const page = await (await world.app.request(`/console/cases/${id}`, { headers: { cookie } })).text();
    expect(page).toContain('The first period ended on');
    const late = await world.post(`/console/cases/${id}/extend`, cookie, { _csrf: csrf, reasons: 'Late' });
    expect(late.status).toBe(422);
    expect(afterIntake(world)).toEqual([]);
  });

  it('asks to confirm a refusal: without the tick nothing is decided', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    await waitAt(world, id, 'answer_draft');
    const { cookie, csrf } = await world.signIn('agent');
    const page = await (await world.app.request(`/console/cases/${id}`, { headers: { cookie } })).text();
    expect(page).toMatch(/id="refuse"[\s\S]*?name="confirm" value="yes" required/);
    const unconfirmed = await world.post(`/console/cases/${id}/decide`, cookie, { _csrf: csrf, step: 'answer_draft', decision: 'refuse', reasons: 'Manifestly unfounded' });
    expect(unconfirmed.status).toBe(422);
    // The field by its label in the page's language (was the internal "confirm: tick the confirmation").
    expect(await unconfirmed.text()).toContain('Confirmation: tick to confirm you have checked');
    expect(world.decisions).toEqual([]);
    const confirmed = await world.post(`/console/cases/${id}/decide`, cookie, { _csrf: csrf, step: 'answer_draft', decision: 'refuse', reasons: 'Manifestly unfounded', confirm: 'yes' });
    expect(confirmed.status).toBe(303);
    expect(world.decisions).toEqual([{ decision: 'refused', reasons: ['Manifestly unfounded'] }]);
  });

  it('shows the approver the answer as the subject will read it, with the data as a table', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    const now = world.clock.now().toISOString();
    await waitAt(world, id, 'approval', {
      draft: { body: 'Here is your data.', answer: { data: [{ category: 'Accounts', records: [{ login: 'ona', created: '2024-01-02' }] }] }, draftedBy: 'agent@softera.local', draftedAt: now },
    });
    const { cookie } = await world.signIn('approver');
    const page = await (await world.app.request(`/console/cases/${id}`, { headers: { cookie } })).text();
    const preview = /<section aria-labelledby="h-preview"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(preview).toContain('Here is your data.');
    // The Art. 15 block of the template, as sent: not just record counts.
    expect(preview).toMatch(/purposes|tikslai/i);
    expect(preview).toMatch(/-data\.json/);
    expect(preview).toContain('<th scope="col">login</th>');
    expect(preview).toContain('<td>ona</td>');
  });
});

describe('bulk actions', () => {
  it('assigns several cases at once and reports each that failed', async () => {
    const world = await consoleApp();
    const a = await world.newCase('A');
    const b = await world.newCase('B');
    const { cookie, csrf } = await world.signIn('agent');
    const ok = await world.post('/console/bulk', cookie, { _csrf: csrf, action: 'assign_me', caseIds: [a, b] });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/console?done=2-2');
    for (const id of [a, b]) expect((await world.repo.getCase('softera', id))!.handling?.assignee?.userId).toBe('agent@softera.local');
    // Extend both: one already extended fails alone, the other goes through.
    expect((await world.post(`/console/cases/${a}/extend`, cookie, { _csrf: csrf, reasons: 'Archives' })).status).toBe(303);
    const mixed = await world.post('/console/bulk', cookie, { _csrf: csrf, action: 'extend', caseIds: [a, b], reasons: 'Many systems' });
    expect(mixed.status).toBe(200);
    const html = await mixed.text();
    expect(html).toContain('1 of 2 done.');
    expect(html).toMatch(/was already extended/);
    expect((await world.repo.getCase('softera', b))!.extended).toBe(true);
  });
});

describe('the JSON twins under /console/api', () => {
  it('assign, note, pause, spam, extend and bulk answer as the console does; bad bodies are problems', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    const other = await world.newCase('B');
    await waitAt(world, id, 'subject_identity');
    const token = await world.staffToken('agent');
    const call = (path: string, body: unknown, method = 'POST') =>
      world.app.request(`/console/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const assigned = await call(`/cases/${id}/handling`, { action: 'assign', userId: 'agent@softera.local' });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ id, handling: { assignee: { userId: 'agent@softera.local' } } });
    expect((await call(`/cases/${id}/handling`, { action: 'pause', reason: 'Waiting for IT' })).status).toBe(200);
    expect((await call(`/cases/${id}/handling`, { action: 'note', text: 'internal' })).status).toBe(200);
    const bad = await call(`/cases/${id}/handling`, { action: 'pause' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await call(`/cases/${id}/handling`, { action: 'not_spam' })).status).toBe(409);

    const inbox = await world.app.request('/console/api/inbox?assignee=me', { headers: { authorization: `Bearer ${token}` } });
    const items = ((await inbox.json()) as { items: Array<Record<string, unknown>> }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id, nextActor: 'subject', assignee: 'agent@softera.local', flags: { paused: true, escalated: false }, pause: { reason: 'Waiting for IT' } });

    const extended = await call(`/cases/${id}/extension`, { reasons: ['Large archive'] });
    expect(extended.status).toBe(200);
    expect(await extended.json()).toMatchObject({ id, extended: true });
    const results = await call('/cases/bulk', { action: 'spam', caseIds: [other, 'no-such-case'], reason: 'Advertising' });
    expect(await results.json()).toEqual({ results: [{ caseId: other, ok: true }, { caseId: 'no-such-case', ok: false, error: expect.any(String), code: 'not_found' }] });
    const detail = (await (await world.app.request(`/console/api/cases/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({ nextActor: 'subject', handling: { pause: { reason: 'Waiting for IT' } } });
  });

  it('keeps the handling in the stored case (the DynamoDB schema parses it, never drops it)', () => {
    const handling = { assignee: { userId: 'a', by: 'b', at: '2026-11-23T09:00:00.000Z' }, pause: { reason: 'r', by: 'b', at: '2026-11-23T09:00:00.000Z' }, spam: null };
    const shape = StoredCaseSchema._zod.innerType.shape.handling;
    expect(shape.parse(handling)).toEqual(handling);
  });
});

describe('the dashboard', () => {
  it('counts open cases by who acts next, as a chart and as a table', async () => {
    const world = await consoleApp();
    const ids = await Promise.all(['A', 'B', 'C'].map((n) => world.newCase(n)));
    await waitAt(world, ids[0]!, 'identity_review');
    await waitAt(world, ids[1]!, 'subject_identity');
    await waitAt(world, ids[2]!, 'approval');
    const { cookie } = await world.signIn('approver');
    const html = await (await world.app.request('/console/dashboard', { headers: { cookie } })).text();
    const card = /<section class="card" aria-labelledby="d-actor"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(card).toContain('role="img"');
    for (const actor of ['Staff', 'Subject', 'Approver']) expect(card).toContain(`<th scope="row">${actor}</th><td>1</td>`);
    expect(card).toContain('<th scope="row">System</th><td>0</td>');
  });
});
