import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { S3Client } from '@aws-sdk/client-s3';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCaseRecordEraser } from '#adapters/dynamodb/case-record-eraser.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { DynamoPrintQueue } from '#adapters/dynamodb/print-queue.ts';
import { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
import { DynamoStatisticsStore } from '#adapters/dynamodb/statistics-store.ts';
import { JosePackSealer } from '#adapters/evidence/pack-sealer.ts';
import { S3BlobPurger } from '#adapters/s3/blob-purger.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';
import { newTenantWebhookKey, webhookJwks } from '#adapters/webhooks/jose-signer.ts';
import { randomIds } from '#adapters/system.ts';
import type { Case } from '#domain/case.ts';
import type { CaseMessage } from '#domain/mail.ts';
import { retentionEndsAt } from '#domain/retention.ts';
import { createApp } from '#http/app.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import type { ApiDeps } from '#http/deps.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { CASE_RETENTION } from '#tenants/retention.ts';
import { purgeExpiredCases, type RetentionDeps } from '#usecases/accountability/retention.ts';
import { refreshStatistics } from '#usecases/accountability/sweep.ts';
import { verifyEvidencePack } from '#usecases/accountability/verify-evidence-pack.ts';
import { ensureBuckets } from '../../local/provision.ts';
import { asFunction } from '../../local/iam/enforce.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { RecordingMailer } from '../support/harness.ts';
import { dynamoClientFor, s3ClientFor } from './helpers.ts';
import { workflowWorld, type WorkflowWorld } from './workflow-fixture.ts';

/**
 * Accountability on the local stand-ins (docs/accountability.md): the register against the
 * 1182/71 due dates, a sealed evidence pack, and the retention purge with a legal hold, driven by
 * the virtual clock of the real workflows (local Step Functions service, DynamoDB Local, s3rver).
 * Each part uses its own tenant and years no other test file uses (the table is shared).
 */
const execFileAsync = promisify(execFile);
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const BUCKETS = { evidence: 'acc-evidence', answers: 'acc-answers', inbound: 'acc-inbound' };

let world: WorkflowWorld;
let app: ReturnType<typeof createApp>;
let jwks: ReturnType<typeof webhookJwks>;
let s3: S3Client;
let deps: ApiDeps;
let retention: RetentionDeps;
const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
const tableName = inject('tableName');

async function staffRequest(tenantId: string, role: 'agent' | 'approver' | 'admin', path: string, init: RequestInit = {}): Promise<Response> {
  const token = await world.issuer.mintStaffToken({ tenant: tenantId, role, user: `${role}-1@${tenantId}.local` });
  // Under the API function's role from the synthesized template, as on AWS.
  return asFunction('api', () => app.request(path, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}`, 'content-type': 'application/json' } }));
}

/** A case answered (draft + approval) at the given virtual instants. */
async function answered(tenantId: string, receivedAt: string, answerAt: string | null, name = 'Ona Petraitienė'): Promise<Case> {
  await world.advanceTo(receivedAt);
  const who = { name, email: `ona.${unique()}@example.lt` };
  world.qes.signed.add(who.email);
  const c = await world.submit(tenantId, { channel: 'email', request: { rights: [{ type: 'access' }], subject: who, language: 'en' } });
  if (answerAt) {
    await world.advanceTo(answerAt);
    expect((await world.decide(c, { step: 'answer_draft', decision: 'draft', body: 'Here is your data.' }, { user: 'agent-1' })).status).toBe(202);
    // Issue 19: no approval while a fulfilment task is open; the skips (with reasons) go into the pack.
    await world.settleTasks(c);
    expect((await world.decide(c, { step: 'approval', decision: 'approve' }, { role: 'approver', user: 'dpo-1' })).status).toBe(202);
    expect((await world.get(c)).status).toBe('closed');
  }
  return world.get(c);
}

beforeAll(async () => {
  s3 = s3ClientFor(inject('s3Endpoint'));
  await ensureBuckets(s3, Object.values(BUCKETS));
  world = await workflowWorld('2012-05-01T06:00:00Z');
  const keys = Object.fromEntries(await Promise.all(tenantRegistry.list().map(async (t) => [t.id, await newTenantWebhookKey(t.id)] as const)));
  jwks = webhookJwks(keys);
  const messages = new DynamoMessageStore(dynamo, tableName);
  deps = {
    tenants: tenantRegistry,
    repo: world.deps.repo,
    mailer: new RecordingMailer(),
    clock: world.clock,
    ids: randomIds,
    verifyPartnerToken: partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: world.issuer.jwks }),
    verifyStaffToken: staffTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: world.issuer.jwks }),
    limits: { maxBodyBytes: 256 * 1024 },
    messages,
    evidence: new S3BlobStore(s3, BUCKETS.evidence),
    inboundMail: new S3BlobStore(s3, BUCKETS.inbound),
    printQueue: new DynamoPrintQueue(dynamo, tableName),
    accountability: { receipts: new DynamoReceiptIndex(dynamo, tableName), sealer: new JosePackSealer(keys) },
  };
  app = createApp(deps);
  retention = {
    tenants: tenantRegistry,
    clock: world.clock,
    repo: world.deps.repo,
    messages,
    records: new DynamoCaseRecordEraser(dynamo, tableName),
    blobs: { evidence: new S3BlobPurger(s3, BUCKETS.evidence), answers: new S3BlobPurger(s3, BUCKETS.answers), inbound: new S3BlobPurger(s3, BUCKETS.inbound) },
  };
}, 60_000);

afterAll(async () => {
  await world?.stop();
  s3?.destroy();
});

describe('the register of requests', () => {
  it('lists exactly the cases received in the period (local days), with timeliness against the 1182/71 due dates', async () => {
    // Vilnius is UTC+3 in May: 2012-05-31T21:30Z is already 1 June there, 2012-04-30T21:30Z is 1 May.
    const before = await answered('softera', '2012-05-01T08:00:00Z', null);
    // Another tenant's case in the same period is never in this tenant's register.
    await answered('bajtel', '2012-05-02T08:10:00Z', null);
    const onTime = await answered('softera', '2012-05-02T09:00:00Z', '2012-05-10T09:00:00Z');
    const late = await answered('softera', '2012-05-03T09:00:00Z', null);
    const open = await answered('softera', '2012-05-20T09:00:00Z', null);
    const nextMonth = await answered('softera', '2012-05-31T21:30:00Z', null);
    // The late one is answered a week after its due instant.
    await world.advanceTo(new Date(Date.parse(late.dueAt) + 7 * 86_400_000).toISOString());
    await world.decide(late, { step: 'answer_draft', decision: 'draft', body: 'Late, sorry.' }, { user: 'agent-1' });
    await world.settleTasks(late);
    await world.decide(late, { step: 'approval', decision: 'approve' }, { role: 'approver', user: 'dpo-1' });

    const response = await staffRequest('softera', 'admin', '/console/api/register?from=2012-05-02&to=2012-05-31');
    expect(response.status).toBe(200);
    const register = (await response.json()) as { rows: Array<{ reference: string; timeliness: string; outcome: string; dueAt: string; answeredAt: string | null; workingDaysTaken: number | null }>; statistics: { total: { received: number; granted: number; late: number; medianDaysToAnswer: number } } };
    expect(register.rows.map((r) => r.reference)).toEqual([onTime.reference, late.reference, open.reference]);
    const row = (c: Case) => register.rows.find((r) => r.reference === c.reference)!;
    // Timeliness is the answer instant against the due instant in force, computed by the deadline engine.
    expect(row(onTime)).toMatchObject({ timeliness: 'on_time', outcome: 'granted', dueAt: onTime.dueAt });
    expect(Date.parse(row(onTime).answeredAt!)).toBeLessThanOrEqual(Date.parse(onTime.dueAt));
    // 2 May (Wed) → 10 May (Thu), both local: 3,4 | 7,8,9,10 = 6 working days.
    expect(row(onTime).workingDaysTaken).toBe(6);
    expect(row(late)).toMatchObject({ timeliness: 'late', outcome: 'granted', dueAt: late.dueAt });
    expect(Date.parse(row(late).answeredAt!)).toBeGreaterThan(Date.parse(late.dueAt));
    // Still open and past its due instant (the clock is a week past `late`'s, which `open`'s follows by 17 days): pending.
    expect(Date.parse(open.dueAt)).toBeGreaterThan(world.clock.nowMs());
    expect(row(open)).toMatchObject({ timeliness: 'pending', outcome: 'pending', answeredAt: null });
    expect(register.statistics.total).toMatchObject({ received: 3, granted: 2, late: 1 });

    // The month before and the next month each start where this period ends.
    const may1 = (await (await staffRequest('softera', 'admin', '/console/api/register?from=2012-05-01&to=2012-05-01')).json()) as { rows: Array<{ reference: string }> };
    expect(may1.rows.map((r) => r.reference)).toEqual([before.reference]);
    const june = (await (await staffRequest('softera', 'admin', '/console/api/register?from=2012-06-01&to=2012-06-30')).json()) as { rows: Array<{ reference: string }> };
    expect(june.rows.map((r) => r.reference)).toEqual([nextMonth.reference]);

    // The same rows as CSV (a header and one line each), only for admins, and a bad period is a 422 problem.
    const csv = await (await staffRequest('softera', 'admin', '/console/api/register?from=2012-05-02&to=2012-05-31&format=csv')).text();
    expect(csv.trim().split('\r\n')).toHaveLength(4);
    expect(csv).toContain(`${late.reference},email,`);
    expect((await staffRequest('softera', 'agent', '/console/api/register?from=2012-05-02&to=2012-05-31')).status).toBe(403);
    const bad = await staffRequest('softera', 'admin', '/console/api/register?from=2012-05-31&to=2012-05-02');
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');

    // The dashboard's snapshot holds the same statistics for its 90-day window.
    const statistics = new DynamoStatisticsStore(dynamo, tableName);
    await refreshStatistics({ ...retention, receipts: deps.accountability!.receipts, statistics }, 'softera');
    const snapshot = await statistics.get('softera');
    // Its window (the last 90 days) also holds 1 May (still open, now past due: late) and 1 June (open, pending).
    const windowStart = new Date(world.clock.nowMs() - 89 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Vilnius' });
    expect(snapshot).toMatchObject({ from: windowStart, statistics: { total: { received: 5, granted: 2, late: 2 }, byTimeliness: { on_time: 1, late: 2, pending: 2 } } });
  }, 120_000);
});

describe('the evidence pack', () => {
  it('verifies when intact, fails naming the file after any byte of any file changes, and holds no ID image', async () => {
    const c = await answered('lytagra', '2012-08-01T08:00:00Z', '2012-08-06T09:00:00Z', 'Jonas Jonaitis');
    const messages = deps.messages!;
    const raw = (body: string, extra = '') => `From: jonas@example.lt\r\nTo: duomenys@lytagra.lt\r\nMessage-ID: <${unique()}@example.lt>\r\nSubject: Prašymas\r\n${extra}\r\n${body}\r\n`;
    const message = (over: Partial<CaseMessage>): CaseMessage => ({
      id: unique(), tenantId: c.tenantId, caseId: c.id, direction: 'inbound', channel: 'email', at: '2012-08-01T08:00:00.000Z', subject: 'Prašymas', messageId: `<${unique()}@example.lt>`,
      inReplyTo: null, references: [], from: 'jonas@example.lt', to: ['duomenys@lytagra.lt'], attachments: [], ...over,
    });
    await messages.addMessage(message({ raw: raw('Noriu gauti savo duomenis.') }));
    // An ID photo sent by mail: its MIME carries an image part; the pack keeps only its digest.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452DEADBEEFCAFE', 'hex');
    const withImage = raw(`--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n${png.toString('base64')}\r\n--b--`, 'Content-Type: multipart/mixed; boundary=b\r\n');
    await deps.inboundMail!.put(`inbound/${c.id}`, new TextEncoder().encode(withImage), 'message/rfc822');
    await messages.addMessage(message({ rawKey: `inbound/${c.id}`, attachments: [{ filename: 'pasas.png', contentType: 'image/png', size: png.length, key: `cases/lytagra/${c.id}/x/01-pasas.png` }] }));
    const outbound = message({ direction: 'outbound', from: 'duomenys@lytagra.lt', to: ['jonas@example.lt'], raw: raw('Jūsų duomenys pridedami.'), at: '2012-08-06T09:00:00.000Z' });
    await messages.addMessage(outbound);
    // A letter: the PDF in the evidence bucket and its print-queue record, dispatched.
    const letterId = unique();
    const pdfKey = `letters/lytagra/${c.id}/${letterId}/${c.reference}-answer.pdf`;
    await deps.evidence!.put(pdfKey, new TextEncoder().encode('%PDF-1.7 letter'), 'application/pdf');
    await deps.printQueue!.add({ id: letterId, tenantId: c.tenantId, caseId: c.id, reference: c.reference, delivery: 'post', notice: 'answer', title: 'Atsakymas', recipient: ['Jonas Jonaitis'], pdfKey, pdfSize: 15, enclosures: [], status: 'queued', createdAt: '2012-08-06T09:00:00.000Z' });
    await messages.addMessage(message({ id: letterId, direction: 'outbound', channel: 'post', raw: 'Atsakymas', attachments: [{ filename: `${c.reference}-answer.pdf`, contentType: 'application/pdf', size: 15, key: pdfKey }] }));

    const response = await staffRequest('lytagra', 'admin', `/console/api/cases/${c.id}/evidence-pack`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const zip = new Uint8Array(await response.arrayBuffer());
    expect(await verifyEvidencePack(zip, jwks)).toMatchObject({ ok: true, reference: c.reference });

    const files = unzipSync(zip);
    const names = Object.keys(files).sort();
    expect(names).toEqual(expect.arrayContaining(['case.json', 'timeline.json', 'decisions.json', 'identity/evidence.json', 'identity/signature-validation.json', 'manifest.json', 'manifest.jws', `letters/${letterId}/dispatch.json`, `letters/${letterId}/${c.reference}-answer.pdf`]));
    expect(names.filter((n) => n.endsWith('.eml'))).toHaveLength(2);
    // No ID image, in any form, anywhere in the pack.
    for (const [name, bytes] of Object.entries(files)) {
      expect(Buffer.from(bytes).includes(png), name).toBe(false);
      expect(Buffer.from(bytes).includes(Buffer.from(png.toString('base64'))), name).toBe(false);
    }
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: Array<{ path: string }>; withheld: Array<{ what: string; sha256?: string }> };
    expect(manifest.withheld.some((w) => w.what.endsWith('.eml') && w.sha256)).toBe(true);
    const decisions = JSON.parse(strFromU8(files['decisions.json']!)) as Array<{ type: string; by: { id: string } }>;
    expect(decisions.find((d) => d.type === 'decision.approve')?.by.id).toBe('dpo-1');

    // Change one byte of every file in turn (and of the manifest and its seal): verification names it.
    for (const name of names) {
      const changed = { ...files, [name]: Uint8Array.from(files[name]!) };
      const at = Math.floor(changed[name]!.length / 2);
      changed[name]![at] = changed[name]![at]! ^ 0x01;
      const verdict = await verifyEvidencePack(zipSync(changed), jwks);
      expect(verdict.ok, name).toBe(false);
      if (!verdict.ok) expect(name === 'manifest.jws' ? ['manifest.json', 'manifest.jws'] : [name], name).toContain(verdict.file);
    }
    // A file added to the pack is named too.
    expect(await verifyEvidencePack(zipSync({ ...files, 'extra.txt': new Uint8Array([1]) }), jwks)).toMatchObject({ ok: false, file: 'extra.txt' });

    // The CLI: exit 0 when intact, non-zero naming the first changed file.
    const dir = mkdtempSync(join(tmpdir(), 'rightsdesk-pack-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify(jwks));
    writeFileSync(join(dir, 'pack.zip'), zip);
    const tampered = { ...files, 'timeline.json': Uint8Array.from(files['timeline.json']!) };
    tampered['timeline.json']![10] = tampered['timeline.json']![10]! ^ 0x20;
    writeFileSync(join(dir, 'tampered.zip'), zipSync(tampered));
    const cli = (zipFile: string) => execFileAsync(process.execPath, ['--import', 'tsx', 'tools/cli.ts', 'verify-evidence-pack', join(dir, zipFile), '--jwks', join(dir, 'jwks.json')]);
    const intact = await cli('pack.zip');
    expect(intact.stdout).toContain(`intact: ${c.reference}`);
    const failure = await cli('tampered.zip').then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('CHANGED: timeline.json');
  }, 120_000);
});

describe('retention', () => {
  it('purges a closed case past its period to a tombstone, and keeps one under legal hold until the hold is lifted', async () => {
    const rule = CASE_RETENTION.gautora!;
    expect(rule).toMatchObject({ period: { unit: 'years', amount: 2 }, source: '003 §7.1.5' });
    // A separate clock line: these cases are the earliest gautora ones in the shared table.
    const w = await workflowWorld('2011-03-01T08:00:00Z');
    try {
      const decide = async (c: Case) => {
        await w.decide(c, { step: 'answer_draft', decision: 'draft', body: 'Answer.' }, { user: 'agent-1' });
        await w.settleTasks(c);
        await w.decide(c, { step: 'approval', decision: 'approve' }, { role: 'approver', user: 'dpo-1' });
      };
      const submit = async (name: string) => {
        const who = { name, email: `${name.split(' ')[0]!.toLowerCase()}.${unique()}@example.lt` };
        w.qes.signed.add(who.email);
        return w.submit('gautora', { channel: 'email', request: { rights: [{ type: 'erasure' }], subject: who, language: 'lt' } });
      };
      const purged = await submit('Rūta Purgienė');
      const held = await submit('Petras Laikomas');
      await w.advanceTo('2011-03-03T09:00:00Z');
      await decide(purged);
      await decide(held);
      const closedPurged = await w.get(purged);
      expect(closedPurged.status).toBe('closed');
      const objectKey = `outbound/gautora/${purged.id}/m1.eml`;
      await deps.evidence!.put(objectKey, new TextEncoder().encode('raw answer'), 'message/rfc822');
      // Data a connector read for the case (task data in the answers bucket), written twice: two versions.
      const taskDataKey = `fulfilment/gautora/${purged.id}/access_shop_db.json`;
      const answers = new S3BlobStore(s3, BUCKETS.answers);
      await answers.put(taskDataKey, new TextEncoder().encode('[{"category":"Orders","records":[]}]'), 'application/json');
      await answers.put(taskDataKey, new TextEncoder().encode('[{"category":"Orders","records":[{"order_no":"1"}]}]'), 'application/json');
      await deps.messages!.addMessage({ id: 'm1', tenantId: 'gautora', caseId: purged.id, direction: 'outbound', channel: 'email', at: '2011-03-03T09:00:00.000Z', subject: 'Atsakymas', messageId: `<m1.${purged.id}@rightsdesk>`, inReplyTo: null, references: [], from: 'a@b.lt', to: [purged.subject.email!], rawKey: objectKey, attachments: [] });

      const hold = await staffRequest('gautora', 'admin', `/console/api/cases/${held.id}/legal-hold`, { method: 'POST', body: JSON.stringify({ reason: 'VDAI complaint 2011/17 pending' }) });
      expect(hold.status).toBe(201);
      expect((await staffRequest('gautora', 'agent', `/console/api/cases/${purged.id}/legal-hold`, { method: 'POST', body: JSON.stringify({ reason: 'not an admin' }) })).status).toBe(403);

      const sweep = () => asFunction('accountability-sweep', () => purgeExpiredCases({ ...retention, clock: w.clock, repo: w.deps.repo }, { tenantId: 'gautora' }));
      // Before the end of the period nothing goes.
      await w.advanceTo(new Date(Date.parse(retentionEndsAt('2011-03-03T09:00:00Z', rule)) - 86_400_000).toISOString());
      expect((await sweep()).purged).not.toContain(purged.id);
      // The virtual clock passes the retention period (closure + 2 years).
      await w.advanceTo(new Date(Date.parse(retentionEndsAt('2011-03-03T09:00:00Z', rule)) + 86_400_000).toISOString());
      const first = await sweep();
      expect(first.failed).toEqual([]);
      expect(first.purged).toContain(purged.id);
      expect(first.held).toContain(held.id);

      // Gone: the case, its trail, its messages, its reference and thread index, its objects.
      expect(await w.deps.repo.getCase('gautora', purged.id)).toBeNull();
      expect(await w.deps.repo.listEvents('gautora', purged.id)).toEqual([]);
      expect(await deps.messages!.listMessages('gautora', purged.id)).toEqual([]);
      expect(await w.deps.repo.findCaseIdByReference('gautora', purged.reference)).toBeNull();
      expect(await deps.messages!.findCaseByMessageIds('gautora', [`<m1.${purged.id}@rightsdesk>`])).toBeNull();
      await expect(deps.evidence!.get(objectKey)).rejects.toThrow();
      await expect(answers.get(taskDataKey)).rejects.toThrow();
      // Every version went (not just a delete marker on top): nothing is left to purge under the key.
      expect(await new S3BlobPurger(s3, BUCKETS.answers).purge(taskDataKey, { exact: true })).toBe(0);
      // Only the tombstone remains: reference, dates, rights, outcome; nothing about the person.
      const tombstone = await retention.records.getTombstone('gautora', purged.id);
      expect(tombstone).toMatchObject({ reference: purged.reference, outcome: 'granted', rights: [{ type: 'erasure', status: 'fulfilled' }], retention: { source: '003 §7.1.5' } });
      const text = JSON.stringify(tombstone);
      for (const personal of [purged.subject.name, purged.subject.email!, 'Purgienė']) expect(text).not.toContain(personal);
      // The register still lists it, as purged.
      const register = (await (await staffRequest('gautora', 'admin', '/console/api/register?from=2011-03-01&to=2011-03-31')).json()) as { rows: Array<{ reference: string; status: string; purgedAt: string | null; legalHold: unknown }> };
      expect(register.rows.find((r) => r.reference === purged.reference)).toMatchObject({ status: 'purged' });
      expect(register.rows.find((r) => r.reference === held.reference)).toMatchObject({ status: 'closed', legalHold: { reason: 'VDAI complaint 2011/17 pending' } });

      // Idempotent: a second run purges nothing more and still holds the held case.
      const second = await sweep();
      expect(second.purged).toEqual([]);
      expect(second.held).toContain(held.id);
      expect(await w.deps.repo.getCase('gautora', held.id)).not.toBeNull();

      // Lifting the hold (admin, with a reason) lets the next run purge it.
      expect((await staffRequest('gautora', 'admin', `/console/api/cases/${held.id}/legal-hold/lift`, { method: 'POST', body: JSON.stringify({ reason: 'Complaint closed' }) })).status).toBe(200);
      const third = await sweep();
      expect(third.purged).toEqual([held.id]);
      expect(await w.deps.repo.getCase('gautora', held.id)).toBeNull();
      expect(await retention.records.getTombstone('gautora', held.id)).toMatchObject({ reference: held.reference });
    } finally {
      await w.stop();
    }
  }, 180_000);
});
