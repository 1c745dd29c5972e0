import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signIn, startWorld, waitForCase, type E2eWorld } from './support.ts';

/**
 * The console's daily tasks "built around who acts next" (docs/console.md), walked in Chromium in
 * lt and en, on a desktop (1400×900) and a phone (390×844). The screenshots in docs/screenshots
 * come from here (`npm run screenshots`).
 */
const SCREENSHOTS = 'docs/screenshots';
const SIZES = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await world?.stop();
});

/** A partner request for softera: the workflow asks the subject for identity (`subject_identity`). */
async function newRequest(name: string): Promise<{ id: string; reference: string }> {
  const response = await fetch(`${world.base}/v1/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.stack.dev.tenants.softera!.partnerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rights: [{ type: 'access' }], subject: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.lt` }, language: 'lt' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; reference: string };
}

async function openPage(lang: 'lt' | 'en', size: keyof typeof SIZES): Promise<Page> {
  const page = await world.browser.newPage({ viewport: SIZES[size], locale: lang === 'lt' ? 'lt-LT' : 'en-GB' });
  await signIn(page, world.base, 'softera', 'agent');
  if (lang === 'en') {
    await page.goto(`${world.base}/console/lang/en?next=/console`);
  }
  return page;
}

const words = {
  lt: { staff: 'Darbuotojas', subject: 'Subjektas', clock: 'BDAR terminas toliau skaičiuojamas', paused: 'sustabdyta', extended: 'Nuspręsta pratęsti terminą', mine: 'Mano bylos', actor: 'Atviros bylos pagal tai, kas veikia toliau' },
  en: { staff: 'Staff', subject: 'Subject', clock: 'The GDPR clock keeps running during a pause', paused: 'paused', extended: 'The extension was decided', mine: 'My cases', actor: 'Open cases by who acts next' },
} as const;

describe('the console built around who acts next', () => {
  for (const lang of ['lt', 'en'] as const) {
    for (const size of ['desktop', 'phone'] as const) {
      it(`${lang} at ${SIZES[size].width}×${SIZES[size].height}: inbox row, assign, note, pause, extend at the identity step, my cases, dashboard`, async () => {
        const w = words[lang];
        const created = await newRequest(`Ona ${lang} ${size}`);
        const page = await openPage(lang, size);
        const caseUrl = `${world.base}/console/cases/${created.id}`;
        await waitForCase(page, caseUrl, { step: 'subject_identity' });

        // The inbox row: reference, next actor and days left on screen, also on a phone.
        await page.goto(`${world.base}/console`);
        const row = page.locator(`tr[data-case-id="${created.id}"]`);
        await expect.poll(() => row.count()).toBe(1);
        expect(await row.getAttribute('data-next-actor')).toBe('subject');
        expect(await row.textContent()).toContain(w.subject);
        const viewport = SIZES[size].width;
        for (const cell of [row.locator('td').nth(1), row.locator('td').nth(2), row.locator('td').nth(3)]) {
          const box = await cell.boundingBox();
          expect(box, 'a visible cell').not.toBeNull();
          expect(box!.x + box!.width).toBeLessThanOrEqual(viewport);
        }
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport + 1);
        if (lang === 'lt' && size === 'desktop') await page.screenshot({ path: `${SCREENSHOTS}/inbox-next-actor.png` });
        if (lang === 'lt' && size === 'phone') await page.screenshot({ path: `${SCREENSHOTS}/inbox-phone.png` });
        expect(await axeViolations(page)).toEqual([]);

        // The case: assign to me (1 click), a note, a pause with its reason: the clock keeps running.
        await page.goto(caseUrl);
        expect(await page.locator('#current-step').getAttribute('data-next-actor')).toBe('subject');
        await page.click('#assign-me-form button[value=assign_me]');
        await page.waitForURL(/done=assign/);
        await page.fill('#note-form textarea[name=text]', 'Paskambinau, laukiame dokumento.');
        await page.click('#note-form button[type=submit]');
        await page.waitForURL(/done=note/);
        expect(await page.locator('#notes').textContent()).toContain('Paskambinau, laukiame dokumento.');
        await page.fill('#pause-form textarea[name=reason]', 'Laukiame IT skyriaus');
        await page.click('#pause-form button[type=submit]');
        await page.waitForURL(/done=pause/);
        expect(await page.locator('#pause-note').textContent()).toContain(w.clock);

        // Extend while the case waits for the subject's identity (before: only at the draft step).
        await page.fill('#extend-form textarea[name=reasons]', 'Daug sistemų ir archyvų');
        await page.click('#extend-form button[type=submit]');
        await page.waitForURL(/done=extend/);
        expect(await page.locator('[role=status]').first().textContent()).toContain(w.extended);
        if (lang === 'lt' && size === 'desktop') await page.screenshot({ path: `${SCREENSHOTS}/case-handling.png`, fullPage: true });
        expect(await axeViolations(page)).toEqual([]);

        // "My cases" shows it, paused.
        await page.goto(`${world.base}/console?mine=1`);
        expect(await page.locator('h1').textContent()).toBe(w.mine);
        const mine = page.locator(`tr[data-case-id="${created.id}"]`);
        expect(await mine.textContent()).toContain(w.paused);

        // The dashboard counts open cases by next actor, chart and table.
        await page.goto(`${world.base}/console/dashboard`);
        expect(await page.locator('#open-by-actor h2').textContent()).toBe(w.actor);
        expect(await page.locator('#open-by-actor table tbody tr').count()).toBe(4);
        if (lang === 'lt' && size === 'desktop') await page.screenshot({ path: `${SCREENSHOTS}/dashboard-next-actor.png`, fullPage: true });
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      }, 120_000);
    }
  }

  it('bulk: assigns two cases from the inbox in one submit (desktop)', async () => {
    const a = await newRequest('Bulk Pirmas');
    const b = await newRequest('Bulk Antras');
    const page = await openPage('lt', 'desktop');
    await waitForCase(page, `${world.base}/console/cases/${b.id}`, { step: 'subject_identity' });
    await page.goto(`${world.base}/console`);
    await page.check(`tr[data-case-id="${a.id}"] input[name=caseIds]`);
    await page.check(`tr[data-case-id="${b.id}"] input[name=caseIds]`);
    await page.click('#bulk button[type=submit]');
    await page.waitForURL(/done=2-2/);
    expect(await page.locator('#bulk-outcome').textContent()).toContain('Atlikta 2 iš 2.');
    await page.goto(`${world.base}/console?mine=1`);
    expect(await page.locator(`tr[data-case-id="${a.id}"]`).count()).toBe(1);
    expect(await page.locator(`tr[data-case-id="${b.id}"]`).count()).toBe(1);
    await page.close();
  }, 120_000);
});
