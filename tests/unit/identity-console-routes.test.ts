import { describe, expect, it } from 'vitest';
import { InMemoryBlobEraser } from '#adapters/memory/blob-eraser.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { openCase } from '#domain/open-case.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import { createApp } from '#http/app.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens.ts';
import { RecordingMailer } from '../support/harness.ts';
import { td1 } from '../support/mrz.ts';

class RecordingEngine implements WorkflowEngine {
  readonly decisions: Array<Readonly<Record<string, unknown>>> = [];
  async startCase() {}
  async stopTimer() {}
  async sendDecision(_token: string, output: Readonly<Record<string, unknown>>) {
    this.decisions.push(output);
  }
}

const NOW = new Date('2026-11-23T09:00:00Z');
const BODY = {
  documentType: 'id_card',
  issuingCountry: 'LTU',
  documentNumber: 'AB1234567',
  surname: 'ČIURLIONIS',
  givenNames: 'ŽYDRŪNAS',
  birthDate: '1980-01-01',
  expiresOn: '2031-01-01',
  mrz: td1({ number: 'AB1234567', birth: '1980-01-01', expiry: '2031-01-01', surname: 'CIURLIONIS', given: 'ZYDRUNAS' }),
  imageKey: 'evidence/gautora/c1/id-scan.jpg',
};

async function setup(waiting = true) {
  const issuer = await ephemeralIssuer();
  const repo = new InMemoryCaseRepository();
  const opened = openCase({
    tenant: tenantRegistry.get('gautora'),
    id: 'c1',
    referenceNumber: 1,
    channel: 'post',
    receivedAt: new Date('2026-11-20T08:00:00Z'),
    request: { rights: [{ type: 'access' }], subject: { name: 'Žydrūnas Čiurlionis', postalAddress: 'Laisvės al. 1, Kaunas' } },
    actor: { kind: 'staff', id: 'mailroom' },
    earlierRequests: [],
    now: NOW,
  });
  await repo.createCase({ ...opened.case, status: 'awaiting_identity', ...(waiting ? { waiting: { step: 'identity_review', taskToken: 'tok', since: NOW.toISOString() } } : {}) }, opened.events);
  const evidence = new InMemoryBlobStore();
  await evidence.put(BODY.imageKey, new Uint8Array([1, 2, 3]), 'image/jpeg');
  const workflows = new RecordingEngine();
  const auth = { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks };
  const app = createApp({
    tenants: tenantRegistry,
    repo,
    mailer: new RecordingMailer(),
    clock: { now: () => NOW },
    ids: { caseId: () => 'x' },
    verifyPartnerToken: partnerTokenVerifier(auth),
    verifyStaffToken: staffTokenVerifier(auth),
    limits: { maxBodyBytes: 64 * 1024 },
    workflows,
    evidence,
    evidenceEraser: new InMemoryBlobEraser(evidence),
  });
  const token = await issuer.mintStaffToken({ tenant: 'gautora', role: 'agent', ttlSeconds: 600 });
  const post = (body: unknown) =>
    app.request('/console/api/cases/c1/identity/id-document', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { repo, evidence, workflows, post };
}

describe('POST /console/api/cases/{id}/identity/id-document', () => {
  it('approves identity, resumes the workflow and deletes the scan when every check passes', async () => {
    const { post, repo, evidence, workflows } = await setup();
    const res = await post(BODY);
    expect(res.status).toBe(202);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ verdict: 'verified', reasons: [], resumed: true, outcome: 'approved', imageDeleted: true, case: { id: 'c1', status: 'in_progress' } });
    expect(workflows.decisions).toEqual([{ decision: 'approved' }]);
    expect(evidence.objects.has(BODY.imageKey)).toBe(false);
    const stored = await repo.getCase('gautora', 'c1');
    expect(stored?.identity).toMatchObject({ status: 'verified', method: 'id_document', evidence: { method: 'id_document', verdict: 'verified', reviewer: expect.any(String), document: { type: 'id_card', lastDigits: '567' } } });
    expect(JSON.stringify(stored)).not.toContain('AB1234567');
  });

  it('reports failed checks without deciding anything and keeps the scan', async () => {
    const { post, evidence, workflows, repo } = await setup();
    const res = await post({ ...BODY, expiresOn: '2025-01-01' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ verdict: 'rejected', resumed: false, imageDeleted: false, case: { status: 'awaiting_identity' } });
    expect(workflows.decisions).toEqual([]);
    expect(evidence.objects.has(BODY.imageKey)).toBe(true);
    expect((await repo.getCase('gautora', 'c1'))?.identity.evidence?.verdict).toBe('rejected');
  });

  it('answers 409 when the case is not waiting for identity, and 422 for a malformed review', async () => {
    expect((await (await setup(false)).post(BODY)).status).toBe(409);
    const res = await (await setup()).post({ ...BODY, birthDate: '01.01.1980' });
    expect(res.status).toBe(422);
  });
});
