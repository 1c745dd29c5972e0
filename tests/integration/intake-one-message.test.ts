import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimSign } from 'mailauth';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { stubResolver } from '../../local/services/mail-auth.ts';
import { readOutbox, type OutboxEmail } from './helpers.ts';

/**
 * Issue 16, "one message reaches the subject at intake for every tenant and channel", black-box
 * on the whole local stack: for each of the five controllers a request comes by partner API, by
 * e-mail (DKIM-signed by the From domain, SPF from 127.0.0.1, DMARC published: authenticated by
 * mailauth against a DNS stub this test controls), by the web form, and by post (registered by
 * staff). Once the workflow has reached its first wait, every message the subject got is counted:
 * exactly one e-mail (the acknowledgement, saying what identity is missing and carrying the e-mail
 * control link where the controller accepts that method), or for post exactly one letter and no
 * e-mail. Then the sender rules through SMTP: a spoofed From with a foreign Reply-To gets no link
 * and the Reply-To nothing; a sender without "@" is flagged and gets nothing.
 */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const dkimKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const dns = stubResolver({
  'example.lt': { TXT: [['v=spf1 ip4:127.0.0.1 -all']] },
  '_dmarc.example.lt': { TXT: [['v=DMARC1; p=reject']] },
  'sel._domainkey.example.lt': { TXT: [[`v=DKIM1; k=rsa; p=${dkimKey}`]] },
  'evil.test': { TXT: [['v=spf1 ip4:198.51.100.7 -all']] },
});

const TENANTS = ['softera', 'legalbalance', 'bajtel', 'gautora', 'lytagra'] as const;
/** The controllers whose policy accepts e-mail control for the channel (shared/tenants/*.ts). */
const EMAIL_CONTROL: Record<string, readonly string[]> = { softera: ['api', 'email', 'web_form'], bajtel: ['api', 'email', 'web_form'] };
const CONFIRM_LINK = /\/forms\/[a-z]+\/confirm\?token=/;

let stack: LocalStack;
let stateDir: string;
let transport: ReturnType<typeof nodemailer.createTransport>;
const run = Date.now().toString(36);

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-one-message-'));
  stack = await startLocalStack({ stateDir, persist: false, dns, ports: { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 } });
  transport = nodemailer.createTransport({ host: stack.dev.smtp.host, port: stack.dev.smtp.port, secure: false, ignoreTLS: true });
}, 240_000);

afterAll(async () => {
  transport?.close();
  await stack?.stop();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
}, 120_000);

async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const staffToken = (tenant: string) => stack.dev.tenants[tenant]!.staffTokens.agent;
async function staff(tenant: string, path: string, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
  const response = await fetch(`${stack.dev.apiUrl}/console/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${staffToken(tenant)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const mailsTo = async (address: string): Promise<OutboxEmail[]> => (await readOutbox(stack.dev.sesOutboxUrl)).filter((m) => m.destination.to.some((to) => to.includes(address)));

/** The case's first wait (identity, staff review, drafting): intake is over, every intake message is out. */
async function afterIntake(tenant: string, caseId: string): Promise<{ waiting: { step: string } | null; status: string }> {
  const c = await eventually(`case ${caseId} past intake`, async () => {
    const { json } = await staff(tenant, `/cases/${caseId}`);
    return json?.waiting?.step ? json : null;
  });
  // A second message would follow within the same run of steps; give it time to show before counting.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return c;
}

async function caseOf(tenant: string, address: string): Promise<string> {
  return eventually(`the case of ${address}`, async () => {
    const { json } = await staff(tenant, `/cases?q=${encodeURIComponent(address)}`);
    return (json?.items as Array<{ id: string }> | undefined)?.[0]?.id;
  });
}

async function signed(lines: string[]): Promise<string> {
  const raw = `${lines.join('\r\n')}\r\n`;
  const { signatures, errors } = await dkimSign(raw, {
    canonicalization: 'relaxed/relaxed',
    signingDomain: 'example.lt',
    selector: 'sel',
    privateKey: pem,
    // mailauth 4.13 signs with signatureData (see tests/unit/email-mailauth-local.test.ts).
    signatureData: [{ signingDomain: 'example.lt', selector: 'sel', privateKey: pem }],
  });
  expect(errors).toEqual([]);
  return signatures + raw;
}

function expectOneIntakeMail(mails: OutboxEmail[], tenant: string, channel: string, label: string) {
  expect(mails.map((m) => m.subject), label).toHaveLength(1);
  const text = mails[0]!.body.text ?? '';
  expect(mails[0]!.from, label).toBe(stack.dev.tenants[tenant]!.mailbox);
  // The acknowledgement is also the identity request: it says what is missing…
  expect(text, label).toMatch(/What is missing:|Trūksta:/);
  // …and carries the e-mail control link exactly where the controller accepts that method.
  if (EMAIL_CONTROL[tenant]?.includes(channel)) expect(text, label).toMatch(CONFIRM_LINK);
  else expect(text, label).not.toMatch(CONFIRM_LINK);
}

describe('one message reaches the subject at intake, for every tenant and channel', () => {
  it.each(TENANTS)('%s: partner API request with an address → one e-mail', async (tenant) => {
    const email = `api.${tenant}.${run}@example.lt`;
    const res = await fetch(`${stack.dev.apiUrl}/v1/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.dev.tenants[tenant]!.partnerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email }, language: 'en' }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const c = await afterIntake(tenant, id);
    expect(c.waiting?.step).toBe('subject_identity');
    expectOneIntakeMail(await mailsTo(email), tenant, 'api', `${tenant} api`);
  }, 120_000);

  it.each(TENANTS)('%s: e-mailed request from an authenticated sender → one e-mail', async (tenant) => {
    const from = `mail.${tenant}.${run}@example.lt`;
    const mailbox = stack.dev.tenants[tenant]!.mailbox;
    const raw = await signed([`From: Ona Petraitienė <${from}>`, `To: ${mailbox}`, 'Subject: Request for my data', `Message-ID: <one.${tenant}.${run}@example.lt>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Please send me a copy of my personal data (GDPR Art. 15).']);
    await transport.sendMail({ envelope: { from, to: [mailbox] }, raw });
    const id = await caseOf(tenant, from);
    const c = await afterIntake(tenant, id);
    expect(c.waiting?.step).toBe('subject_identity');
    const detail = (await staff(tenant, `/cases/${id}`)).json;
    expect(JSON.stringify(detail)).toContain('"authenticated":true');
    expectOneIntakeMail(await mailsTo(from), tenant, 'email', `${tenant} email`);
  }, 120_000);

  it.each(TENANTS)('%s: web form → one e-mail', async (tenant) => {
    const email = `form.${tenant}.${run}@example.lt`;
    const page = await (await fetch(`${stack.dev.apiUrl}/forms/${tenant}?lang=en`)).text();
    const formToken = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
    expect(formToken).toBeDefined();
    // The form refuses a token younger than two seconds (a bot's speed).
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const body = new URLSearchParams({ formToken: formToken!, language: 'en', name: 'Ona Petraitienė', email, rights: 'access', details: '' });
    const res = await fetch(`${stack.dev.apiUrl}/forms/${tenant}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
    expect(res.status).toBeLessThan(400);
    const id = await caseOf(tenant, email);
    const c = await afterIntake(tenant, id);
    expect(c.waiting?.step).toBe('subject_identity');
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject), `${tenant} web_form`).toHaveLength(1);
    // The web form's own confirmation link is in every tenant's acknowledgement (it proves the address);
    // where it is not an identity method, the acknowledgement says what is missing instead.
    expect(mails[0]!.body.text ?? '').toMatch(CONFIRM_LINK);
    if (!EMAIL_CONTROL[tenant]?.includes('web_form')) expect(mails[0]!.body.text ?? '').toMatch(/What is missing:|Trūksta:/);
  }, 120_000);

  it.each(TENANTS)('%s: a letter registered by staff → one letter, no e-mail', async (tenant) => {
    const email = `post.${tenant}.${run}@example.lt`;
    const created = await staff(tenant, '/cases', {
      channel: 'post',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      subject: { name: 'Ona Petraitienė', email, postalAddress: 'Gedimino pr. 1\nLT-01103 Vilnius' },
      rights: [{ type: 'access' }],
      language: 'lt',
    });
    expect(created.status).toBe(201);
    const id = created.json.case.id as string;
    const c = await afterIntake(tenant, id);
    expect(c.waiting?.step).toBe('identity_review');
    const letters = ((await staff(tenant, '/print-queue?limit=200')).json.items as Array<{ caseId: string; notice: string }>).filter((item) => item.caseId === id);
    expect(letters.map((l) => l.notice)).toEqual(['acknowledgement']);
    expect(await mailsTo(email)).toEqual([]);
  }, 120_000);
});

describe('identity links only to a proven sender, through SMTP and mailauth', () => {
  it('a spoofed From with a foreign Reply-To: no identity link, nothing to the Reply-To, the Reply-To kept as claimed', async () => {
    const from = `spoofed.${run}@example.lt`;
    const attacker = `attacker.${run}@evil.test`;
    const mailbox = stack.dev.tenants.softera!.mailbox;
    // Not signed, and sent from 127.0.0.1, which example.lt's SPF does not allow: DMARC fails.
    const raw = [`From: Ona Petraitienė <${from}>`, `Reply-To: "Ona" <${attacker}>`, `To: ${mailbox}`, 'Subject: Prašymas', `Message-ID: <spoof.${run}@evil.test>`, '', 'Prašau atsiųsti mano asmens duomenų kopiją.', ''].join('\r\n');
    await transport.sendMail({ envelope: { from: attacker, to: [mailbox] }, raw });
    const id = await caseOf('softera', from);
    await afterIntake('softera', id);
    const detail = (await staff('softera', `/cases/${id}`)).json;
    expect(JSON.stringify(detail)).toContain(`"claimedReplyTo":"${attacker}"`);
    expect(JSON.stringify(detail)).toContain('"authenticated":false');
    expect(await mailsTo(attacker)).toEqual([]);
    const mails = await mailsTo(from);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text ?? '').not.toMatch(CONFIRM_LINK);
    expect(mails[0]!.body.text ?? '').toMatch(/Trūksta:/);
  }, 120_000);

  it('a sender without "@": flagged, no case, nothing sent', async () => {
    const mailbox = stack.dev.tenants.softera!.mailbox;
    const messageId = `<noat.${run}@example.lt>`;
    const raw = ['From: "xxxxxxxxxx" <xxxxxxxxxx>', `To: ${mailbox}`, 'Subject: Prašymas', `Message-ID: ${messageId}`, '', 'Prašau ištrinti mano duomenis.', ''].join('\r\n');
    const before = (await readOutbox(stack.dev.sesOutboxUrl)).length;
    await transport.sendMail({ envelope: { from: `bounce.${run}@example.lt`, to: [mailbox] }, raw });
    const flagged = await eventually('the flagged message', async () => {
      const { json } = await staff('softera', '/inbound/flagged?limit=100');
      return (json?.items as Array<{ flag: string; messageId?: string; summary?: { messageId?: string } }> | undefined)?.find((f) => f.flag === 'invalid_sender' && JSON.stringify(f).includes(messageId));
    });
    expect(flagged.flag).toBe('invalid_sender');
    expect((await staff('softera', `/cases?q=${encodeURIComponent('xxxxxxxxxx')}`)).json.items).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await readOutbox(stack.dev.sesOutboxUrl)).length).toBe(before);
  }, 120_000);
});
