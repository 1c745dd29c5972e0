import { describe, expect, it } from 'vitest';
import { InMemoryBlobEraser } from '#adapters/memory/blob-eraser.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { ValidationError } from '#domain/errors.ts';
import type { IdentityEvidence } from '#domain/identity-evidence.ts';
import { missingIdentity } from '#domain/identity-requirements.ts';
import { checkRepresentation, type RepresentationReview } from '#domain/representation.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { reviewIdDocument } from '#usecases/identity/review-id-document.ts';
import { reviewRepresentation } from '#usecases/identity/review-representation.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { td1 } from '../support/mrz.ts';
import { RecordingAlerts, RecordingNotifier } from '../support/workflow-fakes.ts';
import { NOW, RecordingEngine, storedCase, waitingFor } from '../support/identity-methods.ts';

const clock = { now: () => NOW };
const REVIEW: RepresentationReview = { document: 'notarised_power_of_attorney', principal: { name: 'ONA PETRAITIENĖ' }, agent: { name: 'Rūta Rūtaitė' }, validUntil: '2027-12-31', coversRequest: true };
const representative = { name: 'Rūta Rūtaitė', email: 'ruta@example.lt', authorizationDocument: 'partner://docs/poa-17' };
const requesterEvidence: IdentityEvidence = { method: 'id_document', verdict: 'verified', reasons: [], signer: { name: 'RŪTA RŪTAITĖ' }, matched: 'requester', document: { type: 'id_card', issuingCountry: 'LTU', expiresOn: '2031-01-01', lastDigits: '567' }, reviewer: 'agent-1', checkedAt: NOW.toISOString() };

async function world(identityEvidence: IdentityEvidence | null = requesterEvidence) {
  const { repo, c } = await storedCase({
    tenant: 'gautora',
    channel: 'post',
    request: { subject: { name: 'Ona Petraitienė', postalAddress: 'Laisvės al. 1' }, representative },
    patch: { ...waitingFor('identity_review') },
  });
  if (identityEvidence) await repo.saveCase({ ...c, identity: { ...c.identity, evidence: identityEvidence }, version: c.version + 1 }, []);
  const store = new InMemoryBlobStore();
  const key = 'cases/gautora/c1/d1/01-igaliojimas.pdf';
  await store.put(key, new Uint8Array([1, 2, 3]), 'application/pdf');
  const workflows = new RecordingEngine();
  return { repo, store, key, workflows, deps: { tenants: tenantRegistry, repo, clock, workflows, eraser: new InMemoryBlobEraser(store) } };
}

describe('checkRepresentation', () => {
  const c = { subject: { name: 'Ona Petraitienė' }, representative };
  it('accepts an authorization naming the represented person and the representative, in force and covering the request', () => {
    expect(checkRepresentation(REVIEW, c, NOW)).toEqual({ verdict: 'verified', reasons: [] });
  });
  it('rejects an expired or out-of-scope authorization', () => {
    expect(checkRepresentation({ ...REVIEW, validUntil: '2027-01-01' }, c, NOW)).toMatchObject({ verdict: 'rejected', reasons: ['The authorization expired on 2027-01-01.'] });
    expect(checkRepresentation({ ...REVIEW, coversRequest: false }, c, NOW).verdict).toBe('rejected');
  });
  it('asks staff to look again when the document names someone else as the represented person', () => {
    expect(checkRepresentation({ ...REVIEW, principal: { name: 'Jonas Jonaitis' } }, c, NOW)).toMatchObject({ verdict: 'needs_review', reasons: [expect.stringMatching(/not "Ona Petraitienė"/)] });
  });
});

describe('reviewRepresentation', () => {
  it('approves identity with the representation evidence (matched: represented), resumes the workflow and deletes the scan', async () => {
    const w = await world();
    const result = await reviewRepresentation(w.deps, { tenantId: 'gautora', caseId: 'c1', review: REVIEW, documentKey: w.key, actor: { kind: 'staff', id: 'agent-2' } });
    expect(result).toMatchObject({ verdict: 'verified', resumed: true, documentDeleted: true });
    expect(w.workflows.decisions).toEqual([{ token: 'tok-identity_review', output: { decision: 'approved' } }]);
    expect(w.store.objects.has(w.key)).toBe(false);
    const stored = (await w.repo.getCase('gautora', 'c1'))!;
    expect(stored.identity).toMatchObject({ status: 'verified', method: 'id_document' });
    expect(stored.identity.evidence).toEqual({ ...requesterEvidence, matched: 'represented', representation: { document: 'notarised_power_of_attorney' }, reviewer: 'agent-2' });
    expect(missingIdentity(tenantRegistry.get('gautora'), stored)).toEqual([]);
  });

  it('decides nothing while the representative’s own identity is not established', async () => {
    const w = await world(null);
    const result = await reviewRepresentation(w.deps, { tenantId: 'gautora', caseId: 'c1', review: REVIEW, actor: { kind: 'staff', id: 'agent-2' } });
    expect(result).toMatchObject({ resumed: false, verdict: 'needs_review', reasons: [expect.stringMatching(/own identity is not established/)] });
    expect(w.workflows.decisions).toEqual([]);
    const named = await reviewRepresentation(w.deps, { tenantId: 'gautora', caseId: 'c1', review: REVIEW, requesterMethod: 'in_person', actor: { kind: 'staff', id: 'agent-2' } });
    expect(named.resumed).toBe(false); // Gautora's post rule accepts only id_document
    const ok = await reviewRepresentation(w.deps, { tenantId: 'gautora', caseId: 'c1', review: REVIEW, requesterMethod: 'id_document', actor: { kind: 'staff', id: 'agent-2' } });
    expect(ok.evidence).toMatchObject({ method: 'id_document', signer: { name: 'Rūta Rūtaitė' }, matched: 'represented', representation: { document: 'notarised_power_of_attorney' } });
  });

  it('refuses to delete a document of another case', async () => {
    const w = await world();
    await expect(reviewRepresentation(w.deps, { tenantId: 'gautora', caseId: 'c1', review: REVIEW, documentKey: 'cases/gautora/other/x.pdf', actor: { kind: 'staff', id: 'a' } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps an ID-document review of the representative from approving before the authorization is checked', async () => {
    const w = await world(null);
    const review = { documentType: 'id_card' as const, issuingCountry: 'LTU', documentNumber: 'AB1234567', surname: 'RŪTAITĖ', givenNames: 'RŪTA', birthDate: '1980-01-01', expiresOn: '2031-01-01', mrz: td1({ number: 'AB1234567', birth: '1980-01-01', expiry: '2031-01-01', surname: 'RUTAITE', given: 'RUTA' }) };
    const result = await reviewIdDocument(w.deps, { tenantId: 'gautora', caseId: 'c1', review, actor: { kind: 'staff', id: 'agent-1' } });
    expect(result).toMatchObject({ resumed: false, evidence: { verdict: 'verified', matched: 'requester' } });
    expect(w.workflows.decisions).toEqual([]);
    expect((await reviewRepresentation(w.deps, { tenantId: 'gautora', caseId: 'c1', review: REVIEW, actor: { kind: 'staff', id: 'agent-2' } })).resumed).toBe(true);
  });

  it('sends a representative’s automatically verified request to staff for the authorization at intake', async () => {
    const { repo } = await storedCase({ tenant: 'softera', channel: 'email', request: { representative } });
    const identity = { verifyAtIntake: async () => ({ method: 'qes' as const, evidence: 'QES', verdict: 'verified' as const, record: { ...requesterEvidence, method: 'qes' as const } }) };
    const deps = { tenants: tenantRegistry, repo, clock, workflows: new RecordingEngine(), notifier: new RecordingNotifier(clock), alerts: new RecordingAlerts(clock), settings: DEFAULT_WORKFLOW_SETTINGS, identity };
    expect((await intakeCase(deps, { tenantId: 'softera', caseId: 'c1' })).route).toBe('identity_review');
    expect((await repo.getCase('softera', 'c1'))!.identity).toMatchObject({ status: 'pending', evidence: { method: 'qes', verdict: 'verified' } });
  });
});
