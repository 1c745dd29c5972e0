import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, eventually, signIn, startWorld, type AxeViolation, type E2eWorld } from './support.ts';

/**
 * Every console page, the 404 pages, `/docs` and the public form with its answers, in lt and en,
 * checked by the W3C Nu HTML checker (vnu-jar, once over all saved pages: one JVM start) and by
 * axe-core in Chromium; and the print batch (issue 18's "print and record dispatch") walked in lt
 * and en at 1400×900 and 390×844. The pages are the bytes the server sent (not the DOM), so the
 * Nu checker judges what a browser parses. The local stack starts with FORM_FRAME_ANCESTORS set,
 * so the form's frame-ancestors shows the local stack honours it.
 */
const SIZES = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;
const TENANT = 'legalbalance';
const FRAME_ANCESTORS = { legalbalance: ['https://www.legalbalance.lt'] };
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

let world: E2eWorld;
let outDir: string;
/** Page name → axe violations (each page is run under axe as it is saved). */
const axeByPage = new Map<string, AxeViolation[]>();
const saved: string[] = [];

beforeAll(async () => {
  process.env.FORM_FRAME_ANCESTORS = JSON.stringify(FRAME_ANCESTORS);
  try {
    world = await startWorld();
  } finally {
    delete process.env.FORM_FRAME_ANCESTORS;
  }
  outDir = await mkdtemp(join(tmpdir(), 'rightsdesk-vnu-'));
}, 180_000);
afterAll(async () => {
  await world?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const dev = () => world.stack.dev.tenants[TENANT]!;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius' }).format(new Date());

async function api<T>(method: string, path: string, body?: unknown, token = dev().staffTokens.agent): Promise<{ status: number; json: T }> {
  const res = await fetch(`${world.base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: (await res.json()) as T };
}

interface StaffCase {
  id: string;
  reference: string;
  status: string;
  waiting: { step: string } | null;
}
const getCase = async (id: string) => (await api<StaffCase>('GET', `/console/api/cases/${id}`)).json;
const waitStep = (id: string, step: string) => eventually(async () => ((await getCase(id)).waiting?.step === step ? true : null), `case ${id} at ${step}`, 30_000);

/** A request by the partner with its identity assertion: identity verified, the case waits at answer_draft. */
async function partnerCase(withAssertion = true): Promise<string> {
  const res = await fetch(`${world.base}/v1/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${dev().partnerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, language: 'lt', ...(withAssertion ? { identity: { assertion: dev().partnerAssertion!.sample } } : {}) }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A letter registered by staff: its acknowledgement letter goes to the print queue; the case waits for the ID review. */
async function postedCase(name: string): Promise<{ id: string; reference: string }> {
  const { status, json } = await api<{ case: { id: string; reference: string } }>('POST', '/console/api/cases', {
    channel: 'post',
    receivedAt: today(),
    subject: { name, postalAddress: 'Gedimino pr. 1\nLT-01103 Vilnius' },
    rights: [{ type: 'access' }],
    language: 'lt',
  });
  expect(status).toBe(201);
  return json.case;
}

async function openAs(lang: 'lt' | 'en', size: keyof typeof SIZES = 'desktop', role: 'agent' | 'admin' = 'agent'): Promise<Page> {
  const page = await world.browser.newPage({ viewport: SIZES[size], locale: lang === 'lt' ? 'lt-LT' : 'en-GB' });
  await signIn(page, world.base, TENANT, role);
  if (lang === 'en') await page.goto(`${world.base}/console/lang/en?next=/console`);
  return page;
}

/** Saves what the server sent for `name` and runs axe on the page as the browser shows it. */
async function keep(page: Page, name: string, response: Response | null, expectStatus = 200): Promise<void> {
  expect(response, name).not.toBeNull();
  expect(response!.status(), `${name}: ${page.url()}`).toBe(expectStatus);
  expect(response!.headers()['content-type'] ?? '', name).toMatch(/^text\/html/);
  const file = `${name}.html`;
  await writeFile(join(outDir, file), await response!.body());
  saved.push(file);
  axeByPage.set(name, await axeViolations(page));
}
const visit = async (page: Page, name: string, path: string, expectStatus = 200) => keep(page, name, await page.goto(`${world.base}${path}`), expectStatus);

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'io' | 'schema' | 'internal';
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
}

describe('the Nu HTML checker and axe on every page, lt and en', () => {
  it('saves each page as the server sends it and runs axe on it', async () => {
    // One case at each step the console shows.
    const review = await postedCase('Jonas Peržiūra');
    const draft = await partnerCase();
    const approval = await partnerCase();
    const clarification = await partnerCase();
    const withdrawn = await partnerCase();
    const subjectIdentity = await partnerCase(false);
    await waitStep(review.id, 'identity_review');
    for (const id of [draft, approval, clarification, withdrawn]) await waitStep(id, 'answer_draft');
    expect((await api('POST', `/console/api/cases/${approval}/decisions`, { step: 'answer_draft', decision: 'draft', body: 'Laba diena,\nsiunčiame jūsų duomenis.' })).status).toBe(202);
    expect((await api('POST', `/console/api/cases/${clarification}/decisions`, { step: 'answer_draft', decision: 'clarify', questions: ['Kurios sutarties duomenys jus domina?'] })).status).toBe(202);
    expect((await api('POST', `/console/api/cases/${withdrawn}/decisions`, { step: 'answer_draft', decision: 'withdraw', reasons: ['Subjektas atšaukė prašymą telefonu.'] })).status).toBe(202);
    await waitStep(approval, 'approval');
    await waitStep(clarification, 'subject_clarification');
    await eventually(async () => ((await getCase(withdrawn)).waiting === null && (await getCase(withdrawn)).status !== 'in_progress' ? true : null), 'the withdrawn case closed', 30_000);
    const subjectStep = await eventually(async () => (await getCase(subjectIdentity)).waiting?.step, 'the case without an assertion waiting', 30_000);
    // A letter in the print queue for the print-batch page.
    const letter = await eventually(async () => (await api<{ items: Array<{ id: string; caseId: string }> }>('GET', '/console/api/print-queue')).json.items.find((i) => i.caseId === review.id), 'the acknowledgement letter queued', 30_000);

    for (const lang of ['lt', 'en'] as const) {
      const page = await openAs(lang);
      await visit(page, `inbox.${lang}`, '/console');
      await visit(page, `inbox-mine.${lang}`, '/console?mine=1');
      await visit(page, `inbox-status.${lang}`, '/console?status=awaiting_identity');
      await visit(page, `case-identity-review.${lang}`, `/console/cases/${review.id}`);
      await visit(page, `case-${subjectStep}.${lang}`, `/console/cases/${subjectIdentity}`);
      await visit(page, `case-answer-draft.${lang}`, `/console/cases/${draft}`);
      await visit(page, `case-approval.${lang}`, `/console/cases/${approval}`);
      await visit(page, `case-clarification.${lang}`, `/console/cases/${clarification}`);
      await visit(page, `case-closed.${lang}`, `/console/cases/${withdrawn}`);
      await visit(page, `tasks.${lang}`, `/console/cases/${draft}/tasks`);
      await visit(page, `dashboard.${lang}`, '/console/dashboard');
      await visit(page, `register.${lang}`, '/console/register');
      await visit(page, `print-queue.${lang}`, '/console/print-queue');
      await visit(page, `print-batch.${lang}`, `/console/print-batch?ids=${letter.id}`);
      await visit(page, `print-queue-done.${lang}`, '/console/print-queue?done=batch&n=2');
      await visit(page, `unprocessed.${lang}`, '/console/unprocessed');
      await visit(page, `console-404.${lang}`, '/console/no-such-page', 404);
      await visit(page, `case-404.${lang}`, '/console/cases/no-such-case', 404);
      await visit(page, `404.${lang}`, '/no-such-page', 404);
      await visit(page, `docs.${lang}`, '/docs');
      await page.close();
      // The approver's view of the approval step, and the records register (admin only).
      const admin = await openAs(lang, 'desktop', 'admin');
      await visit(admin, `case-approval-admin.${lang}`, `/console/cases/${approval}`);
      await visit(admin, `records.${lang}`, '/console/records');
      await admin.close();

      // Signed out: the sign-in page; the public form, a validation error, the thank-you page.
      const visitor = await world.browser.newPage({ viewport: SIZES.desktop, locale: lang === 'lt' ? 'lt-LT' : 'en-GB' });
      await visit(visitor, `sign-in.${lang}`, '/console/login');
      const form = await visitor.goto(`${world.base}/forms/${TENANT}?lang=${lang}`);
      // The local stack honours FORM_FRAME_ANCESTORS (issue 18: it was ignored locally).
      expect(form!.headers()['content-security-policy']).toContain("frame-ancestors 'self' https://www.legalbalance.lt");
      await keep(visitor, `form.${lang}`, form);
      // The form refuses a post younger than 2 s (bots post at once).
      await visitor.waitForTimeout(2_100);
      await visitor.fill('input[name=name]', 'Ona Petraitienė');
      await visitor.fill('input[name=email]', 'not-an-address');
      const [invalid] = await Promise.all([visitor.waitForResponse((r) => r.request().method() === 'POST'), visitor.click('form button[type=submit]')]);
      await visitor.waitForLoadState();
      await keep(visitor, `form-invalid.${lang}`, invalid, 422);
      await visitor.waitForTimeout(2_100);
      await visitor.fill('input[name=email]', `ona.${lang}.${Date.now().toString(36)}@example.lt`);
      await visitor.locator('input[name=rights]').first().check();
      const [sent] = await Promise.all([visitor.waitForResponse((r) => r.request().method() === 'POST'), visitor.click('form button[type=submit]')]);
      await visitor.waitForLoadState();
      await keep(visitor, `form-sent.${lang}`, sent, 201);
      await visitor.close();
    }

    expect(saved.length).toBe(2 * 26);
    const withViolations = [...axeByPage].filter(([, v]) => v.length > 0);
    console.log(`axe: ${axeByPage.size} pages, ${withViolations.length} with violations`);
    expect(withViolations.map(([name, v]) => `${name}: ${v.map((x) => `${x.id} ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`)).toEqual([]);
  }, 300_000);

  it('finds no error in any saved page (vnu-jar, one run over all of them)', async () => {
    expect(saved.length, 'the pages of the test before').toBeGreaterThan(0);
    expect((await readdir(outDir)).length).toBe(saved.length);
    const { stderr } = await promisify(execFile)('java', ['-Xss2m', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', outDir], { maxBuffer: 64 * 1024 * 1024 });
    const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
    const where = (m: VnuMessage) => `${(m.url ?? '').split('/').pop()}:${m.lastLine ?? '?'} ${m.message}${m.extract ? ` «${m.extract.replace(/\s+/g, ' ').trim()}»` : ''}`;
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal');
    const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
    console.log(`vnu: ${saved.length} pages, ${errors.length} errors, ${warnings.length} warnings`);
    // Warnings are advice (e.g. a redundant role); each is listed so a reviewer sees them, none fails the test.
    for (const w of warnings) console.log(`vnu warning: ${where(w)}`);
    expect(errors.map(where)).toEqual([]);
  }, 180_000);
});

describe('print and record dispatch of several letters at once (issue 18 task table)', () => {
  for (const lang of ['lt', 'en'] as const) {
    for (const size of ['desktop', 'phone'] as const) {
      it(`${lang} at ${SIZES[size].width}×${SIZES[size].height}: tick two letters, open them as one PDF, record both in one submit`, async () => {
        const a = await postedCase(`Petras Spauda ${lang} ${size}`);
        const b = await postedCase(`Rūta Spauda ${lang} ${size}`);
        const page = await openAs(lang, size);
        const rowOf = (reference: string) => page.locator('tr', { hasText: reference });
        await eventually(async () => {
          await page.goto(`${world.base}/console/print-queue`);
          return (await rowOf(a.reference).count()) > 0 && (await rowOf(b.reference).count()) > 0;
        }, 'both acknowledgement letters in the print queue', 30_000);
        let clicks = 0;
        // 1-2: tick the two letters; 3: "Print the selected letters".
        await rowOf(a.reference).locator('input[name=ids]').check();
        await rowOf(b.reference).locator('input[name=ids]').check();
        await page.locator('#print-batch button[type=submit]').click();
        clicks += 3;
        await page.waitForURL(/\/console\/print-batch\?/);
        expect(await page.locator('h1').textContent()).toBe(lang === 'lt' ? 'Spausdinimo paketas' : 'Print batch');
        // 4: the combined PDF opens in a new tab (inline, never cached); read here through the same session.
        const href = await page.locator('#combined-pdf').getAttribute('href');
        expect(await page.locator('#combined-pdf').getAttribute('target')).toBe('_blank');
        const pdf = await page.request.get(`${world.base}${href}`);
        clicks += 1;
        expect(pdf.status()).toBe(200);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect(pdf.headers()['content-disposition']).toMatch(/^inline;/);
        expect(pdf.headers()['cache-control']).toBe('no-store');
        const joined = await PDFDocument.load(await pdf.body());
        expect(joined.getPageCount()).toBeGreaterThanOrEqual(2);
        expect(await axeViolations(page)).toEqual([]);
        // 5: record the dispatch of both.
        await page.locator('#batch-dispatch button[type=submit]').click();
        clicks += 1;
        await page.waitForURL(/\/console\/print-queue\?done=batch&n=2$/);
        expect((await page.locator('[role=status]').textContent())?.trim()).toBe(lang === 'lt' ? 'Įrašyta išsiųstų laiškų: 2.' : 'Dispatch recorded for 2 letters.');
        expect(await rowOf(a.reference).count()).toBe(0);
        expect(await rowOf(b.reference).count()).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
        if (size === 'phone') expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIZES.phone.width + 1);
        expect(clicks).toBe(5);
        // Exactly once: one letter.dispatched event per case, also after the browser's back + resubmit.
        await page.goBack();
        await page.waitForURL(/\/console\/print-batch\?/);
        const resubmit = page.locator('#batch-dispatch button[type=submit]');
        if ((await resubmit.count()) > 0) await resubmit.click();
        for (const c of [a, b]) {
          const timeline = (await api<{ timeline: Array<{ type: string }> }>('GET', `/console/api/cases/${c.id}`)).json.timeline;
          expect(timeline.filter((e) => e.type === 'letter.dispatched')).toHaveLength(1);
        }
        await page.close();
      }, 120_000);
    }
  }
});
