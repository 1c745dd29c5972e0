import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { buildFormsDeps } from '#wiring/forms.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { emailControlLinks } from '#wiring/workflow.ts';
import { loadEmailControlConfig, loadFormsConfig } from '#config/forms-config.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { systemClock } from '#adapters/system.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { createFormsApp } from '#http/forms/forms-app.tsx';
import { tenantRegistry } from '#tenants/registry.ts';
import { submitRequest } from '#usecases/submit-request.ts';
import { awaitSubject } from '#usecases/workflow/await-subject.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { channelsRig, unique, type ChannelsRig } from './channels-support.ts';
import { dynamoClientFor, LOCAL_CREDENTIALS, LOCAL_REGION } from './helpers.ts';

/**
 * E-mail control end to end on the stand-ins: the identity request goes out through the SES
 * stand-in with a signed single-use link; the link is read from its outbox, opened (GET: a page,
 * nothing used up) and confirmed (POST) on the forms app, with the single use recorded in
 * DynamoDB Local and the waiting workflow resumed through the decisions use case.
 */
const env = { FORM_SECRET: 'f'.repeat(40), PUBLIC_BASE_URL: 'http://forms.test' };
const decisions: Array<{ token: string; output: Readonly<Record<string, unknown>> }> = [];
const workflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async (token, output) => void decisions.push({ token, output }) };

let rig: ChannelsRig;
let forms: Hono;
let workflowDeps: WorkflowDeps;
const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));

beforeAll(async () => {
  rig = await channelsRig();
  const mailer = new SesMailer(new SESv2Client({ endpoint: inject('sesEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  forms = new Hono();
  forms.route('/forms', createFormsApp(buildFormsDeps(loadFormsConfig(env), { tenants: tenantRegistry, repo: rig.repo, mailer, clock: systemClock, dynamo, tableName: inject('tableName'), workflows })));
  workflowDeps = {
    tenants: tenantRegistry,
    repo: rig.repo,
    notifier: rig.adapters.notifier,
    alerts: { alert: async () => undefined },
    workflows,
    clock: systemClock,
    settings: DEFAULT_WORKFLOW_SETTINGS,
    links: emailControlLinks(loadEmailControlConfig(env)!),
  };
});
afterAll(() => {
  rig.stop();
  dynamo.destroy();
});

describe('e-mail control through the SES stand-in', () => {
  it('mails a single-use link with the identity request; GET shows a page, POST verifies identity and resumes the workflow', async () => {
    const email = `ec.${unique()}@example.lt`;
    const { case: created } = await submitRequest(
      { tenants: tenantRegistry, repo: rig.repo, mailer: new SesMailer(new SESv2Client({ endpoint: inject('sesEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS })), clock: systemClock, ids: { caseId: () => crypto.randomUUID() } },
      { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'softera-partner' }, partnerId: 'softera-partner', request: { rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email }, language: 'en' } },
    );
    const ref = { tenantId: 'softera', caseId: created.id };
    expect((await intakeCase(workflowDeps, ref)).route).toBe('subject_identity');
    await awaitSubject(workflowDeps, { ...ref, taskToken: 'task-token-1', notice: 'identity_request' });

    const mail = (await rig.outboxTo(email)).find((m) => m.subject.includes('Please confirm your identity'));
    expect(mail).toBeDefined();
    const text = mail!.body.text ?? '';
    expect(text).toContain('What is missing:');
    expect(text).toContain('Confirm the request through the single-use link');
    expect(text).toContain('Trūksta:'); // Softera's official language too
    const link = /(http:\/\/forms\.test\/forms\/softera\/confirm\?token=\S+)/.exec(text)?.[1];
    expect(link).toBeDefined();

    // A mail scanner (or the subject) opening the link uses nothing up.
    for (let i = 0; i < 2; i++) {
      const page = await forms.request(link!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<button type="submit">Confirm</button>');
    }
    expect((await rig.repo.getCase('softera', created.id))!.identity.status).toBe('pending');

    const token = decodeURIComponent(new URL(link!).searchParams.get('token')!);
    const confirm = () => forms.request('http://forms.test/forms/softera/confirm', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    const confirmed = await confirm();
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('We are working on your request.');
    const stored = (await rig.repo.getCase('softera', created.id))!;
    expect(stored).toMatchObject({ status: 'in_progress', waiting: null, identity: { status: 'verified', method: 'email_control', evidence: { method: 'email_control', verdict: 'verified', reviewer: null } } });
    expect(decisions).toContainEqual({ token: 'task-token-1', output: { decision: 'approved' } });
    expect((await confirm()).status).toBe(409); // single use, recorded in the table
  });
});
