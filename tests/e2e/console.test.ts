import { mkdir } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantRegistry } from '#tenants/registry.ts';
import { axeViolations, eventually, outboxTo, signIn, startWorld, waitForCase, type E2eWorld } from './support.ts';

const SCREENSHOTS = 'docs/screenshots';
const softera = tenantRegistry.get('softera');
// A 1×1 PNG standing in for the scanned passport page (the image is evidence only).
const ID_SCAN = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await world?.stop();
});

describe('staff console in Chromium', () => {
  it('takes an e-mailed access request from inbox to a four-eyes approved answer', async () => {
    const started = Date.now();
    const email = `ona.${Date.now().toString(36)}@example.lt`;
    const transport = nodemailer.createTransport({ host: world.stack.dev.smtp.host, port: world.stack.dev.smtp.port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: `Ona Petraitienė <${email}>`,
      to: softera.mailbox,
      subject: 'Prašymas susipažinti su duomenimis',
      text: 'Laba diena,\nnoriu susipažinti su savo asmens duomenimis. Pridedu paso kopiją.\nOna Petraitienė',
      attachments: [{ filename: 'pasas.png', content: ID_SCAN, contentType: 'image/png' }],
    });
    transport.close();

    const agent = await world.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'lt-LT' });
    await signIn(agent, world.base, 'softera', 'agent');

    // The new request shows up in the inbox; search finds it by e-mail address.
    await eventually(async () => {
      await agent.goto(`${world.base}/console`);
      return (await agent.getByText(email).count()) > 0;
    }, 'the e-mailed case in the inbox');
    await agent.screenshot({ path: `${SCREENSHOTS}/inbox.png` });
    expect(await axeViolations(agent)).toEqual([]);

    await agent.fill('input[name=q]', email);
    await agent.click('form[role=search] button[type=submit]');
    await agent.locator('tbody a').first().click();
    const caseUrl = agent.url();
    expect(caseUrl).toMatch(/\/console\/cases\/[\w-]+$/);
    await waitForCase(agent, caseUrl, { step: 'subject_identity' });
    expect(await agent.locator('main').textContent()).toContain('pasas.png');
    expect(await agent.locator('main').textContent()).toContain('noriu susipažinti');

    // ID-document review: approve identity.
    await agent.selectOption('#approve-identity select[name=method]', 'id_document');
    await agent.selectOption('#approve-identity select[name=docType]', 'passport');
    await agent.fill('#approve-identity input[name=docLast4]', '4321');
    await agent.click('#approve-identity button[type=submit]');
    await waitForCase(agent, caseUrl, { step: 'answer_draft' });
    expect((await agent.locator('#identity-status').textContent())?.trim()).toBe('Patvirtinta');
    expect(await agent.locator('main').textContent()).toContain('number ending 4321');

    // Extend with reasons: the subject's extension notice is in the SES outbox.
    await agent.fill('#extend textarea[name=reasons]', 'Duomenys saugomi trijose archyvinėse sistemose.');
    await agent.click('#extend button[type=submit]');
    const extension = await eventually(async () => (await outboxTo(world.stack.dev.sesOutboxUrl, email)).find((m) => m.body.text?.includes('Duomenys saugomi trijose archyvinėse sistemose.')), 'the extension notice');
    expect(extension.from).toBe(softera.mailbox);
    await waitForCase(agent, caseUrl, { step: 'answer_draft' });
    expect(await agent.locator('main').textContent()).toContain('deadline.extended');

    // Draft the answer from the Art. 15 template.
    const template = await agent.inputValue('#draft textarea[name=body]');
    expect(template).toContain('Gerb. Ona Petraitienė');
    expect(template).toContain('000 §');
    await agent.fill('#draft textarea[name=body]', `${template}\n\nPriedas: Jūsų duomenų kopija.`);
    await agent.click('#draft button[type=submit]');
    await waitForCase(agent, caseUrl, { step: 'approval' });
    await agent.setViewportSize({ width: 1280, height: 1400 });
    await agent.screenshot({ path: `${SCREENSHOTS}/case.png` });
    expect(await axeViolations(agent)).toEqual([]);

    // The drafter cannot approve: a clear refusal, nothing sent.
    await agent.click('#approve-send button[type=submit]');
    expect(await agent.locator('[role=alert]').textContent()).toContain('approver');
    expect(await agent.locator('#waiting').getAttribute('data-step')).toBe('approval');

    // The approver approves; the reply leaves through SES and the case closes.
    const approverContext = await world.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'lt-LT' });
    const approver = await approverContext.newPage();
    await signIn(approver, world.base, 'softera', 'approver');
    await approver.goto(caseUrl);
    expect(await approver.locator('#draft-body').textContent()).toContain('Priedas: Jūsų duomenų kopija.');
    await approver.click('#approve-send button[type=submit]');
    await waitForCase(approver, caseUrl, { status: 'closed' });
    const reply = await eventually(async () => (await outboxTo(world.stack.dev.sesOutboxUrl, email)).find((m) => m.body.text?.includes('Priedas: Jūsų duomenų kopija.')), 'the answer in the outbox');
    expect(reply.subject).toContain('Prašymas susipažinti su duomenimis');
    expect(await approver.locator('main').textContent()).toContain('notice.answer');

    await approver.goto(`${world.base}/console/dashboard`);
    expect((await approver.locator('h1').textContent())?.trim()).toBe('Suvestinė');
    expect(await axeViolations(approver)).toEqual([]);
    console.log(`e2e happy path: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);

  it('switches the interface to English and keeps the keyboard path through the inbox', async () => {
    const page = await world.browser.newPage({ locale: 'lt-LT' });
    await signIn(page, world.base, 'softera', 'agent');
    expect((await page.locator('h1').textContent())?.trim()).toBe('Atviros bylos');
    await page.click('a[hreflang=en]');
    expect((await page.locator('h1').textContent())?.trim()).toBe('Open cases');
    // Keyboard: the first Tab reaches the skip link, which moves focus past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className)).toBe('skip');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('refuses a state-changing form without the session’s CSRF token', async () => {
    const page = await world.browser.newPage();
    await signIn(page, world.base, 'softera', 'agent');
    const status = await page.evaluate(async (base) => {
      const body = new URLSearchParams({ _csrf: 'forged-token-forged-token', step: 'approval', decision: 'approve' });
      return (await fetch(`${base}/console/cases/x/decide`, { method: 'POST', body })).status;
    }, world.base);
    expect(status).toBe(403);
  }, 60_000);
});
