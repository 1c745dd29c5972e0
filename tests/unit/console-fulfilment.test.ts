import { describe, expect, it } from 'vitest';
import { InMemoryCaseRecordEraser, InMemoryReceiptIndex } from '#adapters/memory/accountability.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryConsoleSessions } from '#adapters/memory/console-sessions.ts';
import { InMemoryDatabaseConnector, InMemoryTaskDataStore } from '#adapters/memory/fulfilment.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import { loadConsoleConfig } from '#config/console-config.ts';
import { planTasks } from '#domain/fulfilment/tasks.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { partnerTokenVerifier, staffTokenVerifier, STAFF_ROLES, type StaffRole } from '#http/auth.ts';
import { createApp } from '#http/app.ts';
import { consoleUiExtension } from '#http/console/app.ts';
import type { ApiDeps } from '#http/deps.ts';
import { fulfilmentExtension } from '#http/fulfilment-app.ts';
import { bajtelRegister } from '#tenants/fulfilment/bajtel.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { fixedClock, RecordingMailer } from '../support/harness.ts';

const ORIGIN = 'http://localhost';
const FORM = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };

/**
 * The console's task pages and register download (docs/fulfilment.md, docs/accountability.md),
 * mounted as the local stack mounts them, on in-memory twins: list, record a result, refuse `kept`
 * without a legal basis, skip, add, a dry run then an approver's erasure, and the admin-only register.
 */
async function world() {
  const issuer = await ephemeralIssuer();
  const repo = new InMemoryCaseRepository();
  const messages = new InMemoryMessageStore();
  const workflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async () => undefined };
  const auth = { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks };
  const database = new InMemoryDatabaseConnector(new Map([['ona@example.lt', [{ category: 'Customer account', records: [{ name: 'Ona Petraitienė', email: 'ona@example.lt' }] }]]]));
  const clock = fixedClock('2026-11-23T09:00:00Z');
  let n = 0;
  const deps = {
    tenants: tenantRegistry,
    repo,
    messages,
    mailer: new RecordingMailer(),
    clock,
    ids: { caseId: () => `case-${++n}` },
    verifyPartnerToken: partnerTokenVerifier(auth),
    verifyStaffToken: staffTokenVerifier(auth),
    limits: { maxBodyBytes: 64 * 1024 },
    workflows,
    fulfilment: { registers: fulfilmentRegisters, data: new InMemoryTaskDataStore(), database },
    console: {
      config: { ...loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c' }), secureCookies: false },
      sessions: new InMemoryConsoleSessions(),
      register: { receipts: new InMemoryReceiptIndex(repo, new InMemoryCaseRecordEraser(repo, messages)) },
      devIdp: {
        staff: STAFF_ROLES.map((role) => ({ tenantId: 'bajtel', tenantName: 'Bajtel', role, userId: `${role}@bajtel.local` })),
        mint: (tenantId, role) => issuer.mintStaffToken({ tenant: tenantId, role }),
      },
    },
  } satisfies ApiDeps;
  const app = createApp(deps, [consoleUiExtension(deps, deps.console), fulfilmentExtension(deps, deps.console)]);
  const signIn = async (role: StaffRole) => {
    const login = await app.request('/console/login');
    const loginCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const response = await app.request('/console/login/dev', { method: 'POST', headers: { cookie: loginCookie, ...FORM }, body: new URLSearchParams({ _csrf: csrf, tenant: 'bajtel', role }) });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('rd_session='))!.split(';')[0]!;
    const page = await (await app.request('/console', { headers: { cookie: session } })).text();
    return { cookie: session, csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1]! };
  };
  const partner = await issuer.mintPartnerToken({ tenant: 'bajtel' });
  const created = await app.request('/v1/requests', {
    method: 'POST',
    headers: { authorization: `Bearer ${partner}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rights: [{ type: 'access' }, { type: 'erasure' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, language: 'en' }),
  });
  const caseId = ((await created.json()) as { id: string }).id;
  // Identity settled by e-mail control: the verified address and the planned tasks, as the workflow records them
  // (without the debt-recovery recipient's, which staff add below).
  const c = (await repo.getCase('bajtel', caseId))!;
  const now = clock.now();
  await repo.saveCase({ ...c, version: c.version + 1, fulfilment: { identifiers: [{ kind: 'email', value: 'ona@example.lt', method: 'email_control', provedAt: now.toISOString() }], plannedAt: now.toISOString(), tasks: planTasks(c, bajtelRegister, now).filter((t) => t.id !== 'access:debt_recovery') } }, []);
  const post = (cookie: string, path: string, form: Record<string, string>, lang?: 'lt' | 'en') => app.request(path, { method: 'POST', headers: { cookie, ...FORM, ...(lang ? { 'accept-language': lang } : {}) }, body: new URLSearchParams(form) });
  const task = async (id: string) => (await repo.getCase('bajtel', caseId))!.fulfilment!.tasks.find((t) => t.id === id);
  return { app, repo, database, caseId, signIn, post, task };
}

describe('console task pages', () => {
  it('lists the tasks with owner, due date and status; links them from the case page', async () => {
    const w = await world();
    const { cookie } = await w.signIn('agent');
    const casePage = await (await w.app.request(`/console/cases/${w.caseId}`, { headers: { cookie, 'accept-language': 'en' } })).text();
    expect(casePage).toContain(`href="/console/cases/${w.caseId}/tasks"`);
    const page = await w.app.request(`/console/cases/${w.caseId}/tasks`, { headers: { cookie, 'accept-language': 'en' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const id of ['access:shop_db', 'access:newsletter', 'erasure:shop_db', 'erasure:newsletter', 'erasure:courier']) expect(html).toContain(`data-task="${id}"`);
    expect(html).toContain('agent@bajtel.local');
    expect(html).toMatch(/data-kind="email">email: <span class="mono">ona@example.lt/);
    expect(html).toContain('Claimed (not verified, never searched by)');
  });

  it('records a result, refuses "kept" without a legal basis, skips and adds with reasons', async () => {
    const w = await world();
    const { cookie, csrf } = await w.signIn('agent');
    const base = `/console/cases/${w.caseId}/tasks`;
    const recorded = await w.post(cookie, `${base}/access:newsletter/result`, { _csrf: csrf, outcome: 'found', summary: 'Subscribed since 2024.', data: JSON.stringify([{ category: 'Newsletter', records: [{ email: 'ona@example.lt', since: '2024-02-01' }] }]) });
    expect(recorded.status).toBe(303);
    expect(await w.task('access:newsletter')).toMatchObject({ status: 'done', result: { outcome: 'found', summary: 'Subscribed since 2024.', by: { id: 'agent@bajtel.local' } } });

    const refused = await w.post(cookie, `${base}/erasure:newsletter/result`, { _csrf: csrf, outcome: 'kept', summary: 'Kept.' });
    expect(refused.status).toBe(422);
    // In the page's language (lt here): before #18 the English detail showed on the Lithuanian page.
    expect(await refused.text()).toContain('teisinį pagrindą');
    expect((await w.task('erasure:newsletter'))!.status).toBe('open');

    const badData = await w.post(cookie, `${base}/erasure:newsletter/result`, { _csrf: csrf, outcome: 'found', summary: 'x', data: '{not json' });
    expect(badData.status).toBe(422);

    expect((await w.post(cookie, `${base}/erasure:newsletter/skip`, { _csrf: csrf, reason: 'Unsubscribed in 2025; the list holds nothing.' })).status).toBe(303);
    expect(await w.task('erasure:newsletter')).toMatchObject({ status: 'skipped', skipped: { reason: 'Unsubscribed in 2025; the list holds nothing.' } });

    // A register entry the case's tasks lack (staff know the subject is there too).
    expect(await w.task('access:debt_recovery')).toBeUndefined();
    expect((await w.post(cookie, base, { _csrf: csrf, right: 'access', targetId: 'debt_recovery', reason: 'Ona had a debt case in 2023.' })).status).toBe(303);
    expect(await w.task('access:debt_recovery')).toMatchObject({ target: { kind: 'recipient', id: 'debt_recovery' }, added: { reason: 'Ona had a debt case in 2023.', by: 'agent@bajtel.local' } });

    // A form from elsewhere (no CSRF token) changes nothing.
    expect((await w.post(cookie, `${base}/access:shop_db/skip`, { _csrf: 'forged', reason: 'x' })).status).toBe(403);
    expect((await w.task('access:shop_db'))!.status).toBe('open');
  });

  it('runs a connector: a dry run first, the erasure only by an approver', async () => {
    const w = await world();
    const agent = await w.signIn('agent');
    const base = `/console/cases/${w.caseId}/tasks/erasure:shop_db/run`;
    expect((await w.post(agent.cookie, base, { _csrf: agent.csrf, mode: 'dry_run' })).status).toBe(303);
    expect((await w.task('erasure:shop_db'))!.dryRun).toMatchObject({ counts: expect.any(Object) });
    expect(w.database.subjects.has('ona@example.lt')).toBe(true);
    const byAgent = await w.post(agent.cookie, base, { _csrf: agent.csrf, mode: 'run' });
    expect(byAgent.status).toBe(403);
    expect(w.database.subjects.has('ona@example.lt')).toBe(true);
    const approver = await w.signIn('approver');
    expect((await w.post(approver.cookie, base, { _csrf: approver.csrf, mode: 'run' })).status).toBe(303);
    expect(await w.task('erasure:shop_db')).toMatchObject({ status: 'done', result: { outcome: 'erased' } });
    expect(w.database.subjects.has('ona@example.lt')).toBe(false);
    // The access read returns the verified subject's rows.
    expect((await w.post(agent.cookie, `/console/cases/${w.caseId}/tasks/access:shop_db/run`, { _csrf: agent.csrf, mode: 'run' })).status).toBe(303);
    expect((await w.task('access:shop_db'))!.status).toBe('done');
  });
});

/** The error summary's lines, tags removed and quotes unescaped; and each field's message by its id. */
const summaryOf = (html: string) =>
  (/<div class="alert" role="alert" id="error-summary">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
const fieldErrors = (html: string) => [...html.matchAll(/<span class="field-error" id="([^"]+)-error">([^<]*)<\/span>/g)].map((m) => [m[1], m[2]]);
/** The opening tag of the field with this id (to check its aria attributes and kept value). */
const fieldTag = (html: string, id: string) => new RegExp(`<(?:input|textarea|select)[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

const WORDED = {
  lt: {
    summary3: 'Formoje yra klaidų (3). Patikrinkite pažymėtus laukus.',
    summary: 'Santrauka: užpildykite šį lauką',
    reasonKept: 'Priežastis (privaloma, jei duomenys saugomi): Kai duomenys paliekami, nurodykite priežastį ir teisinį pagrindą.',
    data: 'Duomenys (JSON: [{"category": "…", "records": [{…}]}], nebūtina): tai ne JSON',
    dataShape: 'patikrinkite reikšmę',
    skip: 'Kodėl praleidžiama: ne daugiau kaip 2000 simbolių',
    right: 'Teisė: pasirinkite vieną iš galimybių',
    target: 'Sistema ar gavėjas iš registro: pasirinkite vieną iš galimybių',
    reason: 'Priežastis: užpildykite šį lauką',
  },
  en: {
    summary3: 'The form has 3 problems. Please check the marked fields.',
    summary: 'Summary: fill in this field',
    reasonKept: 'Reason (required when kept): "Kept" needs the reason and the legal basis.',
    data: 'Data (JSON: [{"category": "…", "records": [{…}]}], optional): this is not JSON',
    dataShape: 'check the value',
    skip: 'Why it is skipped: at most 2000 characters',
    right: 'Right: choose one of the options',
    target: 'System or recipient of the register: choose one of the options',
    reason: 'Reason: fill in this field',
  },
} as const;

describe('console task forms report every problem at once, per field, in the page’s language (#18)', () => {
  for (const lang of ['lt', 'en'] as const) {
    it(`${lang}: record a result, skip and add a task: all problems, by label, values kept, nothing changed`, async () => {
      const w = await world();
      const { cookie, csrf } = await w.signIn('agent');
      const base = `/console/cases/${w.caseId}/tasks`;
      const say = WORDED[lang];

      // "kept" with an empty summary, no reason and data that are not JSON: three problems from one submit.
      const result = await w.post(cookie, `${base}/erasure:newsletter/result`, { _csrf: csrf, outcome: 'kept', summary: '  ', reason: '', legalBasis: 'BDAR 17 str. 3 d. b p.', data: '{not json' }, lang);
      expect(result.status).toBe(422);
      const html = await result.text();
      expect(html).toContain(`<html lang="${lang}">`);
      const summary = summaryOf(html);
      expect(summary).toContain(say.summary3);
      for (const line of [say.summary, say.reasonKept, say.data]) expect(summary).toContain(line);
      expect(fieldErrors(html).map(([id]) => id)).toEqual(['result-erasure-newsletter-summary', 'result-erasure-newsletter-reason', 'result-erasure-newsletter-data']);
      // Each line links to its field, the field is marked and tied to its message; the form's <details> is open.
      expect(html).toContain('<a href="#result-erasure-newsletter-summary">');
      for (const field of ['summary', 'reason', 'data']) {
        const tag = fieldTag(html, `result-erasure-newsletter-${field}`);
        expect(tag, field).toContain('aria-invalid="true"');
        expect(tag, field).toContain(`aria-describedby="result-erasure-newsletter-${field}-error"`);
      }
      expect(fieldTag(html, 'result-erasure-newsletter-legalBasis')).not.toContain('aria-invalid');
      expect(html).toMatch(/<details open="">\s*<summary>[^<]*<\/summary>\s*<form method="post" action="[^"]*erasure%3Anewsletter\/result" id="result-erasure-newsletter" novalidate=""/);
      // What was typed is there again: the outcome chosen, the legal basis, the data.
      expect(fieldTag(html, 'result-erasure-newsletter-legalBasis')).toContain('value="BDAR 17 str. 3 d. b p."');
      expect(html).toMatch(/id="result-erasure-newsletter-data"[^>]*>\{not json<\/textarea>/);
      expect(html).toMatch(/<select name="outcome" id="result-erasure-newsletter-outcome">(?:<option value="[a-z_]+">[^<]*<\/option>)*<option value="kept" selected="">/);
      // Only the form that failed is shown again: another task's result form is empty and closed.
      expect(fieldTag(html, 'result-access-newsletter-legalBasis')).toContain('value=""');

      // JSON, but not the list of categories the label shows: the data field's one problem.
      const shape = await (await w.post(cookie, `${base}/erasure:newsletter/result`, { _csrf: csrf, outcome: 'found', summary: 'On the list.', data: '[{"records": 1}]' }, lang)).text();
      expect(fieldErrors(shape)).toEqual([['result-erasure-newsletter-data', say.dataShape]]);

      // Skip with a reason too long: its one problem, the reason kept.
      const long = 'x'.repeat(2001);
      const skipped = await w.post(cookie, `${base}/erasure:newsletter/skip`, { _csrf: csrf, reason: long }, lang);
      expect(skipped.status).toBe(422);
      const skipHtml = await skipped.text();
      expect(summaryOf(skipHtml)).toContain(say.skip);
      expect(fieldErrors(skipHtml)).toEqual([['skip-erasure-newsletter-reason', say.skip.split(': ')[1]]]);
      expect(fieldTag(skipHtml, 'skip-erasure-newsletter-reason')).toContain(`value="${long}"`);

      // Add a task: a right that is no option, a target the register lacks, no reason.
      const added = await w.post(cookie, base, { _csrf: csrf, right: 'fax', targetId: 'nowhere', reason: ' ' }, lang);
      expect(added.status).toBe(422);
      const addHtml = await added.text();
      const addSummary = summaryOf(addHtml);
      expect(addSummary).toContain(say.summary3);
      for (const line of [say.right, say.target, say.reason]) expect(addSummary).toContain(line);
      expect(fieldErrors(addHtml).map(([id]) => id)).toEqual(['add-task-right', 'add-task-targetId', 'add-task-reason']);
      expect(fieldTag(addHtml, 'add-task-targetId')).toContain('aria-invalid="true"');
      // A valid choice is kept too: the target picked stays selected after another field's problem.
      const again = await (await w.post(cookie, base, { _csrf: csrf, right: 'access', targetId: 'debt_recovery', reason: '' }, lang)).text();
      expect(fieldErrors(again)).toEqual([['add-task-reason', say.reason.split(': ')[1]]]);
      expect(again).toMatch(/<option value="debt_recovery" selected="">/);

      // Nothing was recorded, skipped or added.
      expect((await w.task('erasure:newsletter'))!.status).toBe('open');
      expect(await w.task('access:debt_recovery')).toBeUndefined();
    });
  }
});

describe('console register page', () => {
  it('is for admins only, and downloads the period as CSV or JSON', async () => {
    const w = await world();
    const agent = await w.signIn('agent');
    expect((await w.app.request('/console/records', { headers: { cookie: agent.cookie } })).status).toBe(403);
    const admin = await w.signIn('admin');
    const page = await w.app.request('/console/records', { headers: { cookie: admin.cookie, 'accept-language': 'en' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/console/records/download"');
    const csv = await w.app.request('/console/records/download?from=2026-11-01&to=2026-11-30&format=csv', { headers: { cookie: admin.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="register-bajtel-2026-11-01-2026-11-30.csv"');
    const reference = (await w.repo.getCase('bajtel', w.caseId))!.reference;
    expect(await csv.text()).toContain(reference);
    const json = (await (await w.app.request('/console/records/download?from=2026-11-01&to=2026-11-30&format=json', { headers: { cookie: admin.cookie } })).json()) as { rows: Array<{ reference: string }>; statistics: { total: { received: number } } };
    expect(json.rows.map((r) => r.reference)).toEqual([reference]);
    expect(json.statistics.total.received).toBe(1);
    const outside = (await (await w.app.request('/console/records/download?from=2026-10-01&to=2026-10-31&format=json', { headers: { cookie: admin.cookie } })).json()) as { rows: unknown[] };
    expect(outside.rows).toEqual([]);
    const bad = await w.app.request('/console/records/download?from=2026-11-30&to=2026-11-01&format=csv', { headers: { cookie: admin.cookie } });
    expect(bad.status).toBe(422);
  });
});
