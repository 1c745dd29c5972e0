import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { updateCase, type WaitStep } from '#domain/workflow.ts';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import { detail, noParams, type ErrorDetailKey } from '#domain/error-details.ts';
import { problemFromDomainError } from '#http/problem.ts';
import { ERROR_TEXT, errorText } from '#http/console/error-text.ts';
import { FormError, formProblem, IssueCollector, issueOf } from '#http/console/form-errors.tsx';
import { applyTableAction, csvToCategory, dataToTable, tableFromForm, tableToData } from '#http/console/answer-table.ts';
import { submissionErrors } from '#http/forms/forms-app.tsx';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { consoleApp } from '../support/console-app.ts';

type App = Awaited<ReturnType<typeof consoleApp>>;

async function waitAt(world: App, caseId: string, step: WaitStep) {
  const c = (await world.repo.getCase('softera', caseId))!;
  const now = world.clock.now();
  const next = updateCase({ ...c, status: 'in_progress' }, now, { waiting: { step, taskToken: `t-${step}`, since: now.toISOString() } }, []);
  await world.repo.saveCase(next.case, next.events);
}

/** The text of the error summary and of each field's message, tags removed. */
const summaryOf = (html: string) => (/<div class="alert" role="alert" id="error-summary">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const fieldErrors = (html: string) => [...html.matchAll(/<span class="field-error" id="([^"]+)-error">([^<]*)<\/span>/g)].map((m) => [m[1], m[2]]);

describe('zod issues as field problems', () => {
  const Form = z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(5)),
    email: z.email(),
    rights: z.array(z.string()).check(z.minLength(1)),
    day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    code: z.string().check(z.regex(/^[A-Z]{3}$/)),
    confirm: z.literal('yes'),
    kind: z.enum(['post', 'in_person']),
  });
  const issues = Form.safeParse({ name: 'toolongname', email: 'x', rights: [], day: '1.2.2026', code: 'lt', kind: 'fax' }).error!.issues.map(issueOf);

  it('keeps the kind and the bound, never zod’s English', () => {
    expect(issues).toEqual([
      { field: 'name', kind: 'too_long', n: 5 },
      { field: 'email', kind: 'email' },
      { field: 'rights', kind: 'choose' },
      { field: 'day', kind: 'date' },
      { field: 'code', kind: 'invalid' },
      { field: 'confirm', kind: 'tick' },
      { field: 'kind', kind: 'option' },
    ]);
  });

  it('words every field by its label in lt and en, all at once', () => {
    const labels: Record<string, { lt: string; en: string }> = { name: { lt: 'Vardas', en: 'Name' }, rights: { lt: 'Teisės', en: 'Rights' } };
    const lt = formProblem(new FormError(issues), 'lt', 'f', (f) => labels[f]?.lt);
    expect(lt.summary).toBe('Formoje yra klaidų (7). Patikrinkite pažymėtus laukus.');
    expect(lt.fields.find((f) => f.field === 'rights')).toEqual({ field: 'rights', label: 'Teisės', message: 'pažymėkite bent vieną' });
    expect(lt.fields.find((f) => f.field === 'name')?.message).toBe('ne daugiau kaip 5 simbolių');
    const en = formProblem(new FormError(issues), 'en', 'f', (f) => labels[f]?.en);
    expect(en.fields.find((f) => f.field === 'rights')).toEqual({ field: 'rights', label: 'Rights', message: 'tick at least one' });
    expect(en.summary).toBe('The form has 7 problems. Please check the marked fields.');
  });

  it('words a use case’s field problem from its detail key, and names the field by the form’s alias', () => {
    const error = new ValidationError('A postal request needs the address to answer to.', [{ field: 'subject.postalAddress', message: 'required for post' }], detail('postal_address_needed', noParams));
    const p = formProblem(error, 'lt', 'register', (f) => (f === 'postalAddress' ? 'Pašto adresas' : undefined));
    expect(p.fields).toEqual([{ field: 'postalAddress', label: 'Pašto adresas', message: 'Paštu gautam prašymui reikia adreso, kuriuo atsakysime.' }]);
    // A use-case error without a key still reads in the page's language (what its kind means).
    expect(errorText(new ConflictError('Case X is closed.'), 'lt')).toMatch(/^To dabar padaryti negalima/);
  });

  it('collects problems of several checks and of a throwing use-case check', () => {
    const c = new IssueCollector();
    c.parse(z.object({ a: z.string() }), {});
    c.run(() => {
      throw new ValidationError('x', [{ field: 'receivedAt', message: 'not after now' }], detail('received_in_future', noParams));
    });
    c.add('postalAddress', 'required');
    expect(() => c.check()).toThrow(FormError);
    expect(c.issues.map((i) => i.field)).toEqual(['a', 'receivedAt', 'postalAddress']);
    expect(formProblem(new FormError(c.issues), 'en', 'f', () => 'L').fields[1]!.message).toBe('The date cannot be in the future.');
  });

  it('has both languages for every detail key, and the JSON API adds the key as `code` beside the English detail', () => {
    const sample = { reference: 'R-1', dueDate: '2026-12-01', count: 2, max: 10, days: 30, at: '2026-11-01', askedAt: '2026-11-01T10:00:00Z' };
    for (const key of Object.keys(ERROR_TEXT) as ErrorDetailKey[]) {
      const lt = (ERROR_TEXT[key].lt as (p: unknown) => string)(sample);
      const en = (ERROR_TEXT[key].en as (p: unknown) => string)(sample);
      expect(lt, key).not.toBe(en);
      expect(lt.length, key).toBeGreaterThan(5);
      expect(lt, key).not.toContain('undefined');
    }
    const problem = problemFromDomainError(new ConflictError('Case R-1 was already extended to 2026-12-01.', { detail: detail('already_extended', { reference: 'R-1', dueDate: '2026-12-01' }) }));
    expect(problem).toMatchObject({ status: 409, detail: 'Case R-1 was already extended to 2026-12-01.', code: 'already_extended' });
  });
});

describe('the answer table editor', () => {
  it('reads categories, columns and cells from the form and leaves blank rows and columns out', () => {
    const table = tableFromForm({
      'data.0.category': 'Užsakymai',
      'data.0.col.0': 'nr',
      'data.0.col.1': 'suma',
      'data.0.col.2': '',
      'data.0.cell.0.0': 'U-1',
      'data.0.cell.0.1': '12.5',
      'data.0.cell.1.0': '',
      'data.0.cell.2.0': 'U-2',
      'data.1.category': '',
      'data.1.col.0': '',
      _csrf: 'x',
    });
    expect(table[0]).toEqual({ category: 'Užsakymai', columns: ['nr', 'suma', ''], rows: [['U-1', '12.5', ''], ['', '', ''], ['U-2', '', '']] });
    const issues = new IssueCollector();
    expect(tableToData(table, issues)).toEqual([{ category: 'Užsakymai', records: [{ nr: 'U-1', suma: '12.5' }, { nr: 'U-2', suma: '' }] }]);
    expect(issues.issues).toEqual([]);
  });

  it('reports every table problem at once: a nameless category, a nameless column with values, a repeated name', () => {
    const issues = new IssueCollector();
    tableToData(
      [
        { category: '', columns: ['a', ''], rows: [['1', '2']] },
        { category: 'B', columns: ['x', 'x'], rows: [['1', '2']] },
      ],
      issues,
    );
    expect(issues.issues).toEqual([
      { field: 'data.0.category', kind: 'required' },
      { field: 'data.0.col.1', kind: 'required' },
      { field: 'data.1.col.1', kind: 'duplicate' },
    ]);
  });

  it('shows stored data as a table (numbers, booleans and null as text)', () => {
    expect(dataToTable([{ category: 'Orders', records: [{ no: 'O-1', total: 12.5 }, { no: 'O-2', paid: true, note: null }] }])).toEqual([
      { category: 'Orders', columns: ['no', 'total', 'paid', 'note'], rows: [['O-1', '12.5', '', ''], ['O-2', '', 'true', '']] },
    ]);
  });

  it('reads CSV with commas (RFC 4180 quotes) and Excel’s semicolons, the first row naming the columns', () => {
    expect(csvToCategory('Orders.csv', 'no,total,note\r\nO-1,12.5,"with, comma"\r\nO-2,3,"say ""hi"""\r\n')).toEqual({
      category: 'Orders',
      columns: ['no', 'total', 'note'],
      rows: [['O-1', '12.5', 'with, comma'], ['O-2', '3', 'say "hi"']],
    });
    expect(csvToCategory('Užsakymai.csv', '\uFEFFnr;suma\nU-1;12,5\n\n')).toEqual({ category: 'Užsakymai', columns: ['nr', 'suma'], rows: [['U-1', '12,5']] });
    expect(csvToCategory('empty.csv', '\n\n')).toBeUndefined();
  });

  it('adds and removes rows, columns and categories for the buttons that work without JavaScript', () => {
    const t = [{ category: 'A', columns: ['x'], rows: [['1']] }];
    expect(applyTableAction(t, 'row:0')[0]!.rows).toEqual([['1'], ['']]);
    expect(applyTableAction(t, 'col:0')[0]).toEqual({ category: 'A', columns: ['x', ''], rows: [['1', '']] });
    expect(applyTableAction(t, 'delrow:0:0')[0]!.rows).toEqual([]);
    expect(applyTableAction(t, 'delcol:0:0')[0]).toEqual({ category: 'A', columns: [], rows: [[]] });
    expect(applyTableAction(t, 'category')).toHaveLength(2);
    expect(applyTableAction(t, 'delcat:0')).toEqual([]);
    expect(t).toEqual([{ category: 'A', columns: ['x'], rows: [['1']] }]);
  });
});

describe('console forms report every problem at once, per field, in the page’s language', () => {
  it('register a posted letter: three problems, all shown, in lt, fields by their label (never "rights")', async () => {
    const world = await consoleApp();
    const { cookie, csrf } = await world.signIn('agent', 'lt');
    const res = await world.post('/console/register', cookie, { _csrf: csrf, channel: 'post', receivedAt: '2026-11-20', name: '', language: 'lt', postalAddress: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    const summary = summaryOf(html);
    expect(summary).toContain('Vardas, pavardė: užpildykite šį lauką');
    expect(summary).toContain('Teisės: pažymėkite bent vieną');
    expect(summary).toContain('Pašto adresas (būtinas paštu): Paštu gautam prašymui reikia adreso');
    expect(summary).not.toMatch(/\brights\b|required|Tick at least/);
    expect(fieldErrors(html).map(([id]) => id)).toEqual(['register-name', 'register-postalAddress', 'register-rights']);
    expect(html).toMatch(/<input name="name"[^>]*aria-describedby="register-name-error"[^>]*aria-invalid="true"|<input name="name"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<fieldset id="register-rights" aria-describedby="register-rights-error">/);
    // What was typed stays.
    expect(html).toContain('value="2026-11-20"');
  });

  it('the same in en, and a date in the future with the use case’s own reason', async () => {
    const world = await consoleApp();
    const { cookie, csrf } = await world.signIn('agent', 'en');
    const res = await world.post('/console/register', cookie, { _csrf: csrf, channel: 'in_person', receivedAt: '2026-12-30', name: 'Ona', email: 'not-an-address', rights: 'access', language: 'lt' });
    const summary = summaryOf(await res.text());
    expect(summary).toContain('Date received: The date cannot be in the future.');
    expect(summary).toContain('E-mail: enter an e-mail address');
    expect(summary).toContain('The form has 2 problems.');
  });

  it('a refusal without reasons and without the tick: both problems at once, values kept', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    await waitAt(world, id, 'answer_draft');
    const { cookie, csrf } = await world.signIn('agent', 'lt');
    const res = await world.post(`/console/cases/${id}/decide`, cookie, { _csrf: csrf, _form: 'refuse', step: 'answer_draft', decision: 'refuse', reasons: '  ' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldErrors(html)).toEqual([
      ['refuse-reasons', 'užpildykite šį lauką'],
      ['refuse-confirm', 'pažymėkite, kad patikrinote'],
    ]);
    expect(summaryOf(html)).toContain('Priežastys: užpildykite šį lauką');
    expect(world.decisions).toEqual([]);
  });

  it('drafts an answer from the table editor; a table button without JavaScript brings the page back with all typed kept', async () => {
    const world = await consoleApp();
    const id = await world.newCase();
    await waitAt(world, id, 'answer_draft');
    const { cookie, csrf } = await world.signIn('agent', 'en');
    const typed = { _csrf: csrf, _form: 'draft', step: 'answer_draft', decision: 'draft', body: 'Dear Ona, here is your data.', 'data.0.category': 'Orders', 'data.0.col.0': 'no', 'data.0.col.1': 'total', 'data.0.cell.0.0': 'O-1', 'data.0.cell.0.1': '12.5', 'outcome.access': 'fulfilled' };
    const more = await world.post(`/console/cases/${id}/decide`, cookie, { ...typed, _table: 'row:0' });
    expect(more.status).toBe(200);
    const page = await more.text();
    expect(page).toContain('name="data.0.cell.1.0"');
    expect(page).toContain('aria-label="Row 2, no"');
    expect(page).toContain('>Dear Ona, here is your data.</textarea>');
    expect(page).toMatch(/<option value="fulfilled" selected="">/);
    expect(world.decisions).toEqual([]);

    const bad = await world.post(`/console/cases/${id}/decide`, cookie, { ...typed, body: '', 'data.0.col.1': '', 'data.0.category': '' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(summaryOf(badHtml)).toContain('The form has 3 problems.');
    expect(fieldErrors(badHtml).map(([f]) => f)).toEqual(['draft-body', 'draft-data.0.category', 'draft-data.0.col.1']);
    expect(summaryOf(badHtml)).toContain('Name of the category (Category 1): fill in this field');

    const ok = await world.post(`/console/cases/${id}/decide`, cookie, typed);
    expect(ok.status).toBe(303);
    expect(world.decisions).toHaveLength(1);
    expect((await world.repo.getCase('softera', id))!.draft?.answer?.data).toEqual([{ category: 'Orders', records: [{ no: 'O-1', total: '12.5' }] }]);
  });
});

describe('the public form’s errors', () => {
  it('words each field’s problems in the form’s language', () => {
    const Submission = z.object({ name: z.string().check(z.trim(), z.minLength(1)), email: z.email(), rights: z.array(z.string()).check(z.minLength(1)) });
    const issues = Submission.safeParse({ name: ' ', email: 'x', rights: [] }).error!.issues;
    expect(submissionErrors(issues, 'lt')).toEqual({ name: 'užpildykite šį lauką', email: 'įrašykite el. pašto adresą, pvz., vardas@example.lt', rights: 'pažymėkite bent vieną' });
    expect(submissionErrors(issues, 'en').rights).toBe('tick at least one');
  });
});

describe('why the public form refused its token', () => {
  it('tells a submit sooner than a person could from an expired token and a forged or other tenant’s one', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const tokens = new JoseFormTokens('s'.repeat(40), { now: () => now });
    const token = await tokens.issueFormToken('softera');
    now = new Date('2026-11-23T09:00:01Z');
    expect(await tokens.checkFormToken(token, 'softera')).toEqual({ ok: false, refusal: 'too_fast' });
    expect(await tokens.checkFormToken(token, 'gautora')).toEqual({ ok: false, refusal: 'invalid' });
    expect(await tokens.checkFormToken('forged.token.value', 'softera')).toEqual({ ok: false, refusal: 'invalid' });
    now = new Date('2026-11-23T09:00:02Z');
    expect(await tokens.checkFormToken(token, 'softera')).toMatchObject({ ok: true, expiresAt: new Date('2026-11-23T11:00:00Z') });
    now = new Date('2026-11-23T11:00:05Z');
    expect(await tokens.checkFormToken(token, 'softera')).toEqual({ ok: false, refusal: 'expired' });
  });

  it('measures the minimum fill time in milliseconds from the moment the form was issued, not from its whole second', async () => {
    // Issued at .900: counted from its whole second (iat), a post 1.999 s later would read 2.899 s
    // and be accepted; counted from the millisecond it is too fast until the full 2 s have passed.
    let now = new Date('2026-11-23T09:00:00.900Z');
    const tokens = new JoseFormTokens('s'.repeat(40), { now: () => now });
    const token = await tokens.issueFormToken('softera');
    now = new Date('2026-11-23T09:00:02.899Z');
    expect(await tokens.checkFormToken(token, 'softera')).toEqual({ ok: false, refusal: 'too_fast' });
    now = new Date('2026-11-23T09:00:02.900Z');
    expect(await tokens.checkFormToken(token, 'softera')).toMatchObject({ ok: true });
  });
});
