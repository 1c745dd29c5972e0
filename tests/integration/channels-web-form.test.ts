import { createHash } from 'node:crypto';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { buildFormsDeps } from '#wiring/forms.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { loadFormsConfig } from '#config/forms-config.ts';
import type { Clock, WorkflowEngine } from '#ports/cases.ts';
import { systemClock } from '#adapters/system.ts';
import { createFormsApp } from '#http/forms/forms-app.tsx';
import { tenantRegistry } from '#tenants/registry.ts';
import { Hono } from 'hono';
import { dynamoClientFor, LOCAL_CREDENTIALS, LOCAL_REGION, readOutbox } from './helpers.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const started: string[] = [];
const workflows: WorkflowEngine = { startCase: async (c) => void started.push(c.id), stopTimer: async () => undefined, sendDecision: async () => undefined };

let app: Hono;
/** A second forms function instance (its own deps and limiter object) on the same table. */
let otherInstance: Hono;
let repo: DynamoCaseRepository;
/** A forms function instance on the shared table, on the system clock unless given another. */
let instance: (clock?: Clock) => Hono;
const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
beforeAll(() => {
  repo = new DynamoCaseRepository(dynamo, inject('tableName'));
  const mailer = new SesMailer(new SESv2Client({ endpoint: inject('sesEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const config = loadFormsConfig({ FORM_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: 'http://forms.test', FORM_FRAME_ANCESTORS: '{"softera":["https://www.softera.lt"]}', FORM_RATE_LIMIT: '3' });
  instance = (clock = systemClock) => {
    const forms = new Hono();
    forms.route('/forms', createFormsApp(buildFormsDeps(config, { tenants: tenantRegistry, repo, mailer, clock, dynamo, tableName: inject('tableName'), workflows }, { minFormAgeSeconds: 0 })));
    return forms;
  };
  app = instance();
  otherInstance = instance();
});
afterAll(() => dynamo.destroy());

async function formToken(tenant: string, lang = 'en', via = app): Promise<string> {
  const html = await (await via.request(`http://forms.test/forms/${tenant}?lang=${lang}`)).text();
  return /name="formToken" value="([^"]+)"/.exec(html)![1]!;
}

/**
 * The address API Gateway saw, as the Lambda event carries it (`requestContext.http.sourceIp`).
 * These tests used to vary X-Forwarded-For instead; the form no longer reads that header (a client
 * writes it), so each submission gets its own platform-seen address here, as a real caller would.
 */
const seenFrom = (sourceIp: string) => ({ requestContext: { http: { sourceIp } } });
const someAddress = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function submit(tenant: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}, via = app, env: object = seenFrom(someAddress())) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return via.request(`http://forms.test/forms/${tenant}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body }, env);
}

/** What the confirmation page's button does: POST the link's token (opening the link uses nothing up). */
async function confirmLink(link: string) {
  const url = new URL(link);
  const page = await app.request(link);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<button type="submit">');
  return app.request(`${url.origin}${url.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: url.searchParams.get('token')! }) });
}

const linkIn = (text: string, kind: 'confirm' | 'status') => new RegExp(`(http://forms\\.test/forms/\\w+/${kind}\\?token=\\S+)`).exec(text)?.[1];

describe('public web form (lt/en), e-mail confirmation and status page', () => {
  it('serves an accessible, embeddable form in both languages', async () => {
    const en = await app.request('http://forms.test/forms/softera?lang=en');
    expect(en.status).toBe(200);
    expect(en.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://www.softera.lt");
    expect(en.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await en.text();
    expect(html).toContain('<html lang="en">');
    // The one inline style is allowed by its hash, nothing inline otherwise.
    const csp = en.headers.get('content-security-policy')!;
    expect(csp).not.toContain('unsafe-inline');
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
    expect(html).toContain('<label for="email">');
    expect(html).toContain('<legend>What are you asking for?</legend>');
    const lt = await (await app.request('http://forms.test/forms/softera')).text();
    expect(lt).toContain('<html lang="lt">');
    expect(lt).toContain('Duomenų subjekto teisių prašymas');
    expect((await app.request('http://forms.test/forms/nobody')).status).toBe(404);
  });

  it('opens the case at submission, acknowledges it in one e-mail with a one-time confirmation link, and the link verifies the address once', async () => {
    const email = `form.${unique()}@example.lt`;
    const before = Date.now();
    const response = await submit('softera', { formToken: await formToken('softera'), language: 'en', name: 'Ona Petraitienė', email, rights: ['access', 'erasure'], details: 'Loyalty account' });
    expect(response.status).toBe(201);
    const reference = /<strong>([A-Z]{3}-\d{4}-\d{6})<\/strong>/.exec(await response.text())?.[1];
    expect(reference).toBeDefined();
    const caseId = (await repo.findCaseIdByReference('softera', reference!))!;
    const c = (await repo.getCase('softera', caseId))!;
    expect(c).toMatchObject({ channel: 'web_form', identity: { status: 'pending', acceptedMethods: ['email_control', 'qes'] } });
    expect(Date.parse(c.receivedAt)).toBeGreaterThanOrEqual(before - 1000); // receipt is the submission
    expect(started).toContain(caseId); // the workflow takes it from here (waits for the subject)

    const mails = (await readOutbox(inject('sesOutboxUrl'))).filter((m) => m.destination.to.includes(email));
    expect(mails).toHaveLength(1); // the acknowledgement is the confirmation e-mail
    const mail = mails[0];
    expect(mail?.subject).toContain(`Request received, please confirm your e-mail address – ${reference}`);
    expect(mail?.body.text).toContain('We will answer by');
    expect((await repo.getCase('softera', caseId))!.acknowledgement).toMatchObject({ status: 'sent', confirmationLinkExpiresAt: expect.any(String) });
    const confirm = linkIn(mail!.body.text ?? '', 'confirm')!;
    const status = linkIn(mail!.body.text ?? '', 'status')!;
    const confirmed = await confirmLink(confirm);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('E-mail address confirmed');
    expect((await repo.getCase('softera', caseId))!.identity).toMatchObject({ status: 'verified', method: 'email_control', evidence: { method: 'email_control', verdict: 'verified' } });
    const again = await confirmLink(confirm);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already been used');

    const page = await (await app.request(status)).text();
    expect(page).toContain(reference);
    expect(page).toContain('Identity verified (email_control).');
    expect((await app.request(status.replace(/token=[^&]+/, 'token=forged.token.value'))).status).toBe(400);
    expect((await app.request(confirm.replace('/softera/', '/gautora/'))).status).toBe(400);
  });

  it('records the confirmation but keeps waiting where the controller needs a QES (Gautora)', async () => {
    const email = `gau.${unique()}@example.lt`;
    const response = await submit('gautora', { formToken: await formToken('gautora', 'lt'), language: 'lt', name: 'Jonas Jonaitis', email, rights: 'access' });
    expect(response.status).toBe(201);
    const mail = (await readOutbox(inject('sesOutboxUrl'))).find((m) => m.destination.to.includes(email) && /patvirtinkite el. pašto adresą/i.test(m.subject));
    const confirmed = await confirmLink(linkIn(mail!.body.text ?? '', 'confirm')!);
    expect(await confirmed.text()).toContain('dar turite patvirtinti tapatybę');
    const reference = /(GAU-\d{4}-\d{6})/.exec(mail!.subject)![1]!;
    const c = (await repo.getCase('gautora', (await repo.findCaseIdByReference('gautora', reference))!))!;
    expect(c.identity.status).toBe('pending');
    expect((await repo.listEvents('gautora', c.id)).map((e) => e.type)).toContain('web_form.email_confirmed');
  });

  it('refuses posts without a form token or from a foreign origin, drops honeypot posts and re-renders errors', async () => {
    const valid = { language: 'en', name: 'Bot', email: `bot.${unique()}@example.lt`, rights: 'access' };
    expect((await submit('softera', { ...valid, formToken: 'nope' })).status).toBe(403);
    expect((await submit('softera', { ...valid, formToken: await formToken('gautora') })).status).toBe(403); // another tenant's token
    expect((await submit('softera', { ...valid, formToken: await formToken('softera') }, { origin: 'https://evil.example' })).status).toBe(403);
    const honeypot = await submit('softera', { ...valid, formToken: await formToken('softera'), website: 'http://spam' });
    expect(honeypot.status).toBe(200);
    expect(await repo.findBySubject('softera', `email:${valid.email}`, 5)).toEqual([]);
    const invalid = await submit('softera', { formToken: await formToken('softera'), language: 'en', name: '', email: 'not-an-email' });
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true"');
  });

  // Was keyed on X-Forwarded-For (the proxy's last entry). That header is client-written, so a
  // client could vary it freely: the limit now keys on the address the platform saw (API Gateway's
  // sourceIp; locally the socket's peer), and the header is ignored whatever it says.
  it('rate-limits accepted submissions per address across instances, by the address the platform saw, ignoring X-Forwarded-For', async () => {
    const valid = { language: 'en', name: 'Ona', rights: 'access' };
    const address = `2001:db8::${unique()}`; // a fresh address: counts live in the shared table
    // Both instances on one stopped clock: the limit counts in fixed 10-minute windows, and on the
    // running clock a window's edge between the third and fourth submission would start a new count.
    const stopped = { now: () => new Date('2026-11-23T09:04:00Z') };
    const one = instance(stopped);
    const other = instance(stopped);
    const xff = () => ({ 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}, 203.0.113.${Math.floor(Math.random() * 250)}` });
    const accept = async (env: object, via: Hono) => (await submit('lytagra', { ...valid, email: `r.${unique()}@example.lt`, formToken: await formToken('lytagra', 'en', via) }, xff(), via, env)).status;
    expect(await accept(seenFrom(address), one)).toBe(201);
    expect(await accept(seenFrom(address), other)).toBe(201);
    // Locally the Node server's socket peer is the same address.
    expect(await accept({ incoming: { socket: { remoteAddress: address } } }, one)).toBe(201);
    const limited = await submit('lytagra', { ...valid, email: `r.${unique()}@example.lt`, formToken: await formToken('lytagra', 'en', other) }, xff(), other, seenFrom(address));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('360'); // 09:04:00 is 6 minutes before its window ends
    expect(await accept(seenFrom(`2001:db8::${unique()}`), other)).toBe(201); // another address is not affected
  });

  it('takes each rendered form once: the same form token sent again opens nothing and says so', async () => {
    const token = await formToken('softera');
    const fields = { language: 'en', name: 'Ona', rights: 'access', formToken: token };
    const email = `once.${unique()}@example.lt`;
    expect((await submit('softera', { ...fields, email })).status).toBe(201);
    const second = `twice.${unique()}@example.lt`;
    const again = await submit('softera', { ...fields, email: second }, {}, otherInstance);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('text/html');
    expect(await again.text()).toContain('This form has already been sent');
    expect(await repo.findBySubject('softera', `email:${email}`, 5)).toHaveLength(1);
    expect(await repo.findBySubject('softera', `email:${second}`, 5)).toEqual([]);
  });
});
