import { InMemoryConsoleSessions } from '#adapters/memory/console-sessions.ts';
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { caseKey } from '#adapters/dynamodb/keys.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { loadConsoleConfig } from '#config/console-config.ts';
import { updateCase } from '#domain/workflow.ts';
import { STAFF_ROLES } from '#http/auth.ts';
import { createApp } from '#http/app.ts';
import { consoleUiExtension } from '#http/console/app.ts';
import type { ApiDeps } from '#http/deps.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { buildApiDeps } from '#wiring/http-deps.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { td1 } from '../support/mrz.ts';
import { dynamoClientFor, s3ClientFor } from './helpers.ts';
import { EVIDENCE_BUCKET, INBOUND_BUCKET, startEmailRig, unique, type EmailRig } from './email-support.ts';

/**
 * Issue 18: after an ID review, no route and no stored object yields the image. On the local
 * stack (SMTP listener → the real inbound handler, DynamoDB Local, the S3 stand-in): a subject
 * e-mails an ID scan (random bytes, so any match is the scan); staff approve the review through
 * the console; then every route the case has (staff JSON API, console pages, raw message, file
 * route, reports) and every stored object (every version in both buckets, every item of the
 * case's partition and the thread index) is downloaded and searched for the scan's bytes, its
 * base64 and any 48-character run of it. The same search before the review finds it, so the
 * search is not blind.
 */
const softera = tenantRegistry.get('softera');
const ORIGIN = 'http://localhost';
const NOW = new Date();

let rig: EmailRig;
beforeAll(async () => {
  rig = await startEmailRig();
}, 60_000);
afterAll(() => rig.stop());

function consoleApp() {
  const apiConfig = loadApiConfig({
    RIGHTSDESK_TABLE: inject('tableName'),
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_JWKS: JSON.stringify(rig.issuer.jwks),
  });
  const resumed: Array<Record<string, unknown>> = [];
  const workflows: WorkflowEngine = { startCase: async () => undefined, stopTimer: async () => undefined, sendDecision: async (_t, output) => void resumed.push(output) };
  const deps = {
    ...buildApiDeps(apiConfig, tenantRegistry, rig.config),
    workflows,
    console: {
      sessions: new InMemoryConsoleSessions(),
      config: { ...loadConsoleConfig({ CONSOLE_AUTH: 'dev', CONSOLE_SESSION_SECRET: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c' }), secureCookies: false },
      devIdp: {
        staff: STAFF_ROLES.map((role) => ({ tenantId: 'softera', tenantName: 'Softera Baltic', role, userId: `${role}@softera.local` })),
        mint: (tenantId: string, role: (typeof STAFF_ROLES)[number]) => rig.issuer.mintStaffToken({ tenant: tenantId, role }),
      },
    },
  } satisfies ApiDeps;
  return { app: createApp(deps, [consoleUiExtension(deps, deps.console)]), resumed };
}

async function signIn(app: ReturnType<typeof createApp>): Promise<{ cookie: string; csrf: string }> {
  const login = await app.request('/console/login');
  const loginCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
  const response = await app.request('/console/login/dev', {
    method: 'POST',
    headers: { cookie: loginCookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, tenant: 'softera', role: 'agent' }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('rd_session='))!.split(';')[0]!;
  const page = await (await app.request('/console', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)![1]! };
}

/** Where the scan could show: raw bytes, base64 (any line wrapping), any 48-character base64 run. */
function findScan(haystack: string, scan: Buffer): string | null {
  const flat = haystack.replace(/\\r\\n|\\n|\r\n|\n|\s/g, '');
  if (haystack.includes(scan.subarray(0, 64).toString('latin1'))) return 'raw bytes';
  const b64 = scan.toString('base64');
  for (let i = 0; i + 48 <= b64.length; i += 48) if (flat.includes(b64.slice(i, i + 48))) return `base64 at ${i}`;
  return null;
}

async function everythingStored(caseId: string, messageIds: readonly string[]): Promise<Array<[string, string]>> {
  const rawKeys = (await rig.deps.messages.listMessages('softera', caseId)).flatMap((m) => (m.rawKey ? [m.rawKey] : []));
  const s3 = s3ClientFor(inject('s3Endpoint'));
  const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
  const out: Array<[string, string]> = [];
  try {
    const places: Array<[string, string]> = [[EVIDENCE_BUCKET, `cases/softera/${caseId}/`], ...rawKeys.map((k): [string, string] => [INBOUND_BUCKET, k])];
    for (const [bucket, prefix] of places) {
      const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix }));
      for (const v of listed.Versions ?? []) {
        const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: v.Key!, ...(v.VersionId && v.VersionId !== 'null' ? { VersionId: v.VersionId } : {}) }));
        out.push([`s3://${bucket}/${v.Key}@${v.VersionId}`, Buffer.from(await got.Body!.transformToByteArray()).toString('latin1')]);
      }
    }
    const doc = DynamoDBDocumentClient.from(dynamo);
    const partitions = [caseKey('softera', caseId).PK, ...messageIds.map((id) => `TENANT#softera#MSGID#${id}`)];
    for (const pk of partitions) {
      const items = await doc.send(new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } }));
      for (const item of items.Items ?? []) out.push([`dynamodb ${pk} ${String(item.SK)}`, JSON.stringify(item)]);
    }
  } finally {
    s3.destroy();
    dynamo.destroy();
  }
  return out;
}

describe('ID scan erasure on the local stack (issue 18)', () => {
  for (const [size, outcome] of [[30_000, 'verified'], [120_000, 'verified'], [30_000, 'rejected']] as const) {
    it(`leaves no byte of a ${size / 1000} KB scan in any route or stored object after the review ${outcome} it (${size <= 40_000 ? 'raw kept in the table and the bucket' : 'raw only in the bucket'})`, async () => {
      const from = `scan.${unique()}@example.lt`;
      // A PNG signature and random bytes: nothing else anywhere can contain a run of it.
      const scan = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(size)]);
      const transport = nodemailer.createTransport({ host: rig.smtp.host, port: rig.smtp.port, secure: false, ignoreTLS: true });
      await transport.sendMail({
        from: `Ona Petraitienė <${from}>`,
        to: softera.mailbox,
        subject: 'Prašymas susipažinti su duomenimis',
        text: 'Prašau pateikti mano asmens duomenų kopiją. Pridedu asmens tapatybės kortelės kopiją.',
        attachments: [{ filename: 'pasas.png', content: scan, contentType: 'image/png' }],
      });
      transport.close();
      const [summary] = await rig.caseFor('softera', from);
      const caseId = String(summary?.id);
      const [inbound] = await rig.messages('softera', caseId);
      const imageKey = (inbound?.attachments as Array<{ key: string; filename: string }>).find((a) => a.filename === 'pasas.png')!.key;

      // The case waits for staff to review the document (the workflow's intake, done here by hand).
      const repo = new DynamoCaseRepository(dynamoClientFor(inject('dynamodbEndpoint')), inject('tableName'));
      const c = (await repo.getCase('softera', caseId))!;
      const waiting = updateCase({ ...c, status: 'awaiting_identity' }, NOW, { waiting: { step: 'identity_review', taskToken: `tok-${caseId}`, since: NOW.toISOString() } }, []);
      await repo.saveCase(waiting.case, waiting.events);

      const { app, resumed } = consoleApp();
      const { cookie, csrf } = await signIn(app);
      const token = await rig.issuer.mintStaffToken({ tenant: 'softera', role: 'agent' });
      const fileUrl = `/console/cases/${caseId}/file?key=${encodeURIComponent(imageKey)}`;

      // Before the review: the scan is beside the form, inline and never cached, and the search finds it.
      const page = await (await app.request(`/console/cases/${caseId}`, { headers: { cookie } })).text();
      expect(page).toContain(`src="${fileUrl.replace(/&/g, '&amp;')}"`);
      const shown = await app.request(fileUrl, { headers: { cookie } });
      expect(shown.status).toBe(200);
      expect(shown.headers.get('content-type')).toBe('image/png');
      expect(shown.headers.get('content-disposition')).toBe('inline; filename="pasas.png"');
      expect(shown.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await shown.arrayBuffer()).equals(scan)).toBe(true);
      const before = await everythingStored(caseId, [String(inbound?.messageId)]);
      expect(before.filter(([, body]) => findScan(body, scan)).length).toBeGreaterThanOrEqual(size <= 40_000 ? 3 : 2);

      // The review, through the console form: verified (or rejected), decided, the scan erased everywhere.
      const document = { number: 'AB1234321', birth: '1985-03-14', expiry: '2034-05-01', surname: 'PETRAITIENE', given: 'ONA' };
      const review =
        outcome === 'verified'
          ? await app.request(`/console/cases/${caseId}/identity`, {
              method: 'POST',
              headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({
                _csrf: csrf, documentType: 'id_card', issuingCountry: 'LTU', documentNumber: document.number, surname: 'Petraitienė', givenNames: 'Ona',
                birthDate: document.birth, expiresOn: document.expiry, mrz: td1(document), imageKey,
              }),
            })
          : await app.request(`/console/cases/${caseId}/decide`, {
              method: 'POST',
              headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ _csrf: csrf, step: 'identity_review', decision: 'reject', reasons: 'The photo page is unreadable.', confirm: 'yes', imageKey }),
            });
      expect(review.status).toBe(303);
      expect(review.headers.get('location')).toBe(`/console/cases/${caseId}?done=scan_deleted`);
      expect(resumed).toEqual(outcome === 'verified' ? [{ decision: 'approved' }] : [{ decision: 'rejected', reasons: ['The photo page is unreadable.'] }]);
      const confirmed = await (await app.request(review.headers.get('location')!, { headers: { cookie, 'accept-language': 'lt' } })).text();
      expect(confirmed).toContain('dokumento kopija ištrinta');

      // Every route the case has, as staff can reach them.
      const routes: Array<[string, string]> = [];
      const api = async (path: string) => {
        const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
        routes.push([`API ${path} ${res.status}`, Buffer.from(await res.arrayBuffer()).toString('latin1')]);
      };
      const ui = async (path: string) => {
        const res = await app.request(path, { headers: { cookie } });
        routes.push([`console ${path} ${res.status}`, Buffer.from(await res.arrayBuffer()).toString('latin1')]);
        return res;
      };
      await api(`/console/api/cases/${caseId}/messages`);
      await api(`/console/api/cases?q=${encodeURIComponent(from)}`);
      await api(`/console/api/cases/${caseId}/identity/reports`);
      await ui(`/console/cases/${caseId}`);
      await ui(`/console/cases/${caseId}/messages/${encodeURIComponent(String(inbound?.id))}/raw`);
      expect((await ui(fileUrl)).status).toBe(404);
      for (const [where, body] of routes) expect(findScan(body, scan), where).toBeNull();

      // What the raw message says instead, and what the evidence keeps.
      const raw = routes.find(([where]) => where.includes('/raw'))![1];
      expect(raw).toMatch(/Attachment removed after the identity review on .*"pasas\.png", image\/png, \d+ bytes, SHA-256 [0-9a-f]{64}/);
      expect(raw).toContain('pateikti mano asmens'); // the text part (quoted-printable) is kept as received
      const messages = JSON.parse(routes[0]![1]) as { items: Array<{ attachments: Array<{ filename: string; removed?: { sha256: string } }> }> };
      expect(messages.items[0]!.attachments.find((a) => a.filename === 'pasas.png')!.removed?.sha256).toMatch(/^[0-9a-f]{64}$/);
      const stored = (await repo.getCase('softera', caseId))!;
      if (outcome === 'verified') expect(stored.identity.evidence).toMatchObject({ method: 'id_document', verdict: 'verified', document: { type: 'id_card', lastDigits: '321' }, reviewer: 'agent@softera.local' });
      // Rejected: the fact stays (the decision, who, when, why), not the image.
      else expect((await repo.listEvents('softera', caseId)).at(-1)).toMatchObject({ type: 'decision.reject', actor: { id: 'agent@softera.local' }, details: { step: 'identity_review', reasons: ['The photo page is unreadable.'] } });

      // Every stored object: both buckets (every version), the case's items, the thread index.
      const after = await everythingStored(caseId, [String(inbound?.messageId)]);
      expect(after.length).toBeGreaterThan(3);
      for (const [where, body] of after) expect(findScan(body, scan), where).toBeNull();
    }, 60_000);
  }
});
