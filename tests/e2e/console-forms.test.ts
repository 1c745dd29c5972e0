import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPartnerAssertionKeys, mintLocalAssertion } from '../../local/partner-assertion-keys.ts';
import { axeViolations, signIn, startWorld, waitForCase, type E2eWorld } from './support.ts';

/**
 * Forms that help (issue #18, item 5), walked in Chromium in lt and en on a desktop (1400×900)
 * and a phone (390×844): a posted letter registered with three mistakes gets all three at once,
 * in the page's language, each field by its label; the answer's data typed in the table editor
 * (rows and columns added in the page, a CSV loaded into the table without JavaScript's help);
 * the public form keeps what the subject typed after a submit sooner than a person could.
 * axe-core finds nothing on every error state.
 */
const SIZES = { desktop: { width: 1400, height: 900 }, phone: { width: 390, height: 844 } } as const;
const TENANT = 'legalbalance';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
}, 120_000);
afterAll(async () => {
  await world?.stop();
});

const WORDS = {
  lt: {
    name: 'Vardas, pavardė: užpildykite šį lauką',
    rights: 'Teisės: pažymėkite bent vieną',
    address: 'Pašto adresas (būtinas paštu): Paštu gautam prašymui reikia adreso',
    three: 'Formoje yra klaidų (3).',
    body: 'Atsakymo tekstas: užpildykite šį lauką',
    category: 'Kategorijos pavadinimas (Kategorija 2): užpildykite šį lauką',
    tooFast: 'Forma išsiųsta per greitai',
    email: 'El. pašto adresas: įrašykite el. pašto adresą',
    formRights: 'Ko prašote?: pažymėkite bent vieną',
    sent: 'Prašymas gautas',
  },
  en: {
    name: 'Name: fill in this field',
    rights: 'Rights: tick at least one',
    address: 'Postal address (needed for post): A postal request needs the address to answer to.',
    three: 'The form has 3 problems.',
    body: 'Text of the answer: fill in this field',
    category: 'Name of the category (Category 2): fill in this field',
    tooFast: 'The form was sent very quickly',
    email: 'E-mail address: enter an e-mail address',
    formRights: 'What are you asking for?: tick at least one',
    sent: 'Request received',
  },
} as const;

async function openConsole(lang: 'lt' | 'en', size: keyof typeof SIZES): Promise<Page> {
  const page = await world.browser.newPage({ viewport: SIZES[size], locale: lang === 'lt' ? 'lt-LT' : 'en-GB' });
  await signIn(page, world.base, TENANT, 'agent');
  if (lang === 'en') await page.goto(`${world.base}/console/lang/en?next=/console`);
  return page;
}

/** A partner request whose identity the partner asserts: the workflow goes straight to the draft step. */
async function verifiedRequest(email: string): Promise<string> {
  const dev = world.stack.dev.tenants[TENANT]!;
  const keys = await localPartnerAssertionKeys(dev.partnerAssertion!.keysFile, [TENANT]);
  const assertion = await mintLocalAssertion(keys[TENANT]!, TENANT, { sub: email, name: 'Ona Petraitienė' }, 600);
  const response = await fetch(`${world.base}/v1/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${dev.partnerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email }, language: 'lt', identity: { assertion } }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/**
 * waitForCase, again when a navigation was cut short: a case page reloads itself while its workflow
 * works (the console script), and such a reload can abort the next `goto`.
 */
async function waitAt(page: Page, url: string, step: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await waitForCase(page, url, { step });
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('ERR_ABORTED')) throw error;
    }
  }
}

const summary = async (page: Page) => (await page.locator('#error-summary').textContent())?.replace(/\s+/g, ' ') ?? '';

describe('forms that help', () => {
  for (const lang of ['lt', 'en'] as const) {
    for (const size of ['desktop', 'phone'] as const) {
      it(`${lang} at ${SIZES[size].width}×${SIZES[size].height}: every problem at once per field, the table editor with CSV, the public form keeps what was typed`, async () => {
        const w = WORDS[lang];
        const page = await openConsole(lang, size);

        // 1. A posted letter with three mistakes: one submit shows all three, by label, in the page's language.
        await page.goto(`${world.base}/console/register`);
        await page.fill('#register input[name=note]', 'Registruotas laiškas');
        await page.click('#register button[type=submit]');
        const s1 = await summary(page);
        for (const text of [w.three, w.name, w.rights, w.address]) expect(s1).toContain(text);
        expect(s1).not.toMatch(/\brights\b|required/);
        expect(await page.locator('#error-summary li').count()).toBe(3);
        expect(await page.getAttribute('#register-name', 'aria-invalid')).toBe('true');
        expect(await page.getAttribute('#register-name', 'aria-describedby')).toBe('register-name-error');
        expect(await page.getAttribute('#register-rights', 'aria-describedby')).toBe('register-rights-error');
        expect(await page.inputValue('#register input[name=note]')).toBe('Registruotas laiškas');
        expect(await axeViolations(page)).toEqual([]);
        // The summary's links lead to their fields.
        await page.locator('#error-summary a[href="#register-name"]').click();
        expect(page.url()).toMatch(/#register-name$/);
        await page.fill('#register-name', `Jonas ${lang} ${size}`);
        await page.check('#register input[name=rights][value=access]');
        await page.fill('#register-postalAddress', 'Gedimino pr. 1\nVilnius');
        await page.click('#register button[type=submit]');
        await page.waitForURL(/done=registered/);
        // The new case's page reloads itself while its workflow starts: leave it before going elsewhere.
        await page.goto('about:blank');

        // 2. The answer's data in the table editor: typed, a row and a column added in the page, a CSV loaded.
        const email = `ona.${lang}.${size}@example.lt`;
        const caseUrl = `${world.base}/console/cases/${await verifiedRequest(email)}`;
        await waitAt(page, caseUrl, 'answer_draft');
        await page.fill('#draft input[name="data.0.category"]', 'Užsakymai');
        await page.fill('#draft input[name="data.0.col.0"]', 'nr');
        await page.fill('#draft input[name="data.0.col.1"]', 'suma');
        await page.fill('#draft input[name="data.0.cell.0.0"]', 'U-1');
        await page.fill('#draft input[name="data.0.cell.0.1"]', '12.5');
        await page.click('#draft button[value="row:0"]');
        await page.click('#draft button[value="col:0"]');
        await page.fill('#draft input[name="data.0.col.2"]', 'būsena');
        await page.fill('#draft input[name="data.0.cell.2.0"]', 'U-3');
        await page.fill('#draft input[name="data.0.cell.2.2"]', 'grąžintas');
        // Every cell has its own name for assistive technology.
        expect(await page.getAttribute('#draft input[name="data.0.cell.2.2"]', 'aria-label')).toMatch(/3, /);
        await page.setInputFiles('#draft input[name=dataCsv]', { name: 'Lojalumas.csv', mimeType: 'text/csv', buffer: Buffer.from('kortelė;taškai\nLT-77;120\n', 'utf8') });
        await page.click('#draft button[value=csv]');
        await page.waitForLoadState();
        // Back from the server: the CSV is a second category, and everything typed is still there.
        expect(await page.inputValue('#draft input[name="data.1.category"]')).toBe('Lojalumas');
        expect(await page.inputValue('#draft input[name="data.1.cell.0.1"]')).toBe('120');
        expect(await page.inputValue('#draft input[name="data.0.cell.2.2"]')).toBe('grąžintas');
        // Two mistakes: no text, a category without a name; both at once, nothing decided.
        await page.fill('#draft textarea[name=body]', '');
        await page.fill('#draft input[name="data.1.category"]', '');
        await page.selectOption('#draft select[name="outcome.access"]', 'fulfilled');
        await page.click('#draft > fieldset > div > button[type=submit]');
        const s2 = await summary(page);
        expect(s2).toContain(w.body);
        expect(s2).toContain(w.category);
        expect(await page.getAttribute('#draft-body', 'aria-invalid')).toBe('true');
        expect(await page.locator('#waiting').getAttribute('data-step')).toBe('answer_draft');
        expect(await page.inputValue('#draft input[name="data.0.cell.0.0"]')).toBe('U-1');
        expect(await page.inputValue('#draft select[name="outcome.access"]')).toBe('fulfilled');
        expect(await axeViolations(page)).toEqual([]);
        await page.fill('#draft textarea[name=body]', 'Jūsų duomenys pridėti.');
        await page.fill('#draft input[name="data.1.category"]', 'Lojalumo programa');
        await page.click('#draft > fieldset > div > button[type=submit]');
        await waitAt(page, caseUrl, 'approval');
        const preview = (await page.locator('main').textContent()) ?? '';
        for (const text of ['Užsakymai', 'U-3', 'grąžintas', 'Lojalumo programa', 'LT-77']) expect(preview).toContain(text);

        // 3. The public form sent sooner than a person could, with a bad address and no right: the form
        // comes back in the subject's language with what they typed and every problem; then it goes through.
        const form = await world.browser.newPage({ viewport: SIZES[size] });
        await form.goto(`${world.base}/forms/softera?lang=${lang}`);
        // Typed and sent at once, as a script would (well within the form's 2 s minimum even on a busy machine).
        await Promise.all([
          form.waitForNavigation(),
          // A string: the tests compile without the DOM's types.
          form.evaluate(`(() => {
            const set = (id, value) => { document.getElementById(id).value = value; };
            set('name', ${JSON.stringify(`Ona ${lang} ${size}`)});
            set('email', 'ona@');
            set('details', 'Prašau mano duomenų kopijos.');
            document.querySelector('form').submit();
          })()`),
        ]);
        const s3 = await summary(form);
        expect(s3).toContain(w.tooFast);
        expect(s3).toContain(w.email);
        expect(s3).toContain(w.formRights);
        expect(await form.getAttribute('html', 'lang')).toBe(lang);
        expect(await form.inputValue('#name')).toBe(`Ona ${lang} ${size}`);
        expect(await form.inputValue('#details')).toBe('Prašau mano duomenų kopijos.');
        expect(await form.getAttribute('#email', 'aria-invalid')).toBe('true');
        expect(await axeViolations(form)).toEqual([]);
        await form.fill('#email', `ona.form.${lang}.${size}@example.lt`);
        await form.check('input[name=rights][value=access]');
        // A person takes a moment (the form's minimum is 2 s).
        await form.waitForTimeout(2100);
        await form.click('button[type=submit]');
        expect(await form.locator('h1').textContent()).toBe(w.sent);
        await form.close();
        await page.close();
      }, 120_000);
    }
  }
});

