import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { FormTokenEmailControlLinks } from '#adapters/forms/email-control-links.ts';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { StaticTrustedLists } from '#usecases/identity/cached-trusted-lists.ts';
import { JosePartnerAssertions } from '#adapters/identity/jose-partner-assertions.ts';
import { QesIdentityVerifier } from '#usecases/identity/qes-identity-verifier.ts';
import { InMemoryValidationReportStore } from '#adapters/memory/validation-report-store.ts';
import { InMemoryBlobEraser } from '#adapters/memory/blob-eraser.ts';
import { InMemoryBlobStore } from '#adapters/memory/blob-store.ts';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { InMemoryMessageStore } from '#adapters/memory/message-store.ts';
import type { Case } from '#domain/case.ts';
import type { IdentityEvidence } from '#domain/identity-evidence.ts';
import { DEFAULT_WORKFLOW_SETTINGS } from '#domain/workflow.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { confirmEmailControl, emailControlLink } from '#usecases/identity/email-control.ts';
import { reviewIdDocument } from '#usecases/identity/review-id-document.ts';
import { reviewRepresentation } from '#usecases/identity/review-representation.ts';
import { submitRequest } from '#usecases/submit-request.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../support/identity-fixtures.ts';
import { RecordingMailer } from '../support/harness.ts';
import { MemoryUsedTokens, NOW, RecordingEngine, storedCase, waitingFor } from '../support/identity-methods.ts';
import { td1 } from '../support/mrz.ts';
import { RecordingAlerts, RecordingNotifier } from '../support/workflow-fakes.ts';

/**
 * After the decision the case keeps the fact of how identity was established and nothing more
 * (docs/design.md §1.3, §1.7): these are the only fields the record may have, and none of the material
 * that was looked at (scan, MRZ, document number, signed file, token, address) is in it.
 */
// `partnerSubject`: the partner's account id is what its assertion proves; fulfilment searches by it (issue 19).
const RECORD_FIELDS = ['method', 'verdict', 'reasons', 'signer', 'matched', 'certificateSha256', 'trustedList', 'signedAt', 'document', 'representation', 'partnerSubject', 'reviewer', 'checkedAt'];
const clock = { now: () => NOW };

function expectOnlyTheFact(c: Case, method: string, forbidden: readonly string[]): IdentityEvidence {
  expect(c.identity).toMatchObject({ status: 'verified', method });
  const evidence = c.identity.evidence!;
  expect(evidence.method).toBe(method);
  for (const key of Object.keys(evidence)) expect(RECORD_FIELDS).toContain(key);
  const json = JSON.stringify(c);
  for (const needle of forbidden) expect(json).not.toContain(needle);
  return evidence;
}

const ID_REVIEW = { documentType: 'id_card' as const, issuingCountry: 'LTU', documentNumber: 'AB1234567', surname: 'PETRAITIENĖ', givenNames: 'ONA', birthDate: '1980-01-01', expiresOn: '2031-01-01' };
const MRZ = td1({ number: 'AB1234567', birth: '1980-01-01', expiry: '2031-01-01', surname: 'PETRAITIENE', given: 'ONA', sex: 'F' });

async function documentReview(inPerson: boolean) {
  const { repo } = await storedCase({ tenant: 'softera', channel: inPerson ? 'in_person' : 'post', patch: waitingFor('identity_review') });
  const store = new InMemoryBlobStore();
  const imageKey = 'intake/softera/c1/scan.jpg';
  await store.put(imageKey, new Uint8Array([9, 9, 9]), 'image/jpeg');
  const result = await reviewIdDocument({ tenants: tenantRegistry, repo, clock, workflows: new RecordingEngine(), eraser: new InMemoryBlobEraser(store) }, { tenantId: 'softera', caseId: 'c1', review: { ...ID_REVIEW, mrz: MRZ }, imageKey, ...(inPerson ? { inPerson } : {}), actor: { kind: 'staff', id: 'agent-1' } });
  expect(result.imageDeleted).toBe(true);
  expect(store.objects.has(imageKey)).toBe(false);
  return (await repo.getCase('softera', 'c1'))!;
}

describe('the evidence record keeps only the fact after the decision', () => {
  it('does so for a qualified e-signature (qes): no signed file, no attachment name', async () => {
    const fx = await identityFixtures();
    const messages = new InMemoryMessageStore();
    const evidence = new InMemoryBlobStore();
    await evidence.put('cases/gautora/c1/d/01-prasymas.pdf', readBytes(fx.files.pades.qualified.file), 'application/pdf');
    await messages.addMessage({
      id: 'm1', tenantId: 'gautora', caseId: 'c1', direction: 'inbound', channel: 'email', at: fx.generatedAt, subject: 'Prašymas', messageId: '<m1@example.lt>', inReplyTo: null, references: [],
      from: 'zydrunas@example.lt', to: ['privacy@gautora.lt'], raw: 'x', attachments: [{ filename: 'prasymas.pdf', contentType: 'application/pdf', size: 1, key: 'cases/gautora/c1/d/01-prasymas.pdf' }],
    });
    const at = { now: () => new Date(fx.at) };
    const { repo } = await storedCase({ tenant: 'gautora', channel: 'email', request: { subject: { name: 'Žydrūnas Čiurlionis', email: 'zydrunas@example.lt' } } });
    const identity = new QesIdentityVerifier({ messages, evidence, inboundMail: new InMemoryBlobStore(), reports: new InMemoryValidationReportStore(), trustedLists: new StaticTrustedLists([fixtureTrustedList(fx)], fx.generatedAt), clock: at });
    await intakeCase({ tenants: tenantRegistry, repo, clock: at, workflows: new RecordingEngine(), notifier: new RecordingNotifier(at), alerts: new RecordingAlerts(at), settings: DEFAULT_WORKFLOW_SETTINGS, identity }, { tenantId: 'gautora', caseId: 'c1' });
    const e = expectOnlyTheFact((await repo.getCase('gautora', 'c1'))!, 'qes', ['prasymas.pdf', 'cases/gautora/c1/d']);
    expect(e).toMatchObject({ certificateSha256: expect.stringMatching(/^[0-9a-f]{64}$/), trustedList: { territory: 'LT' } });
  }, 60_000);

  it('does so for an ID document (id_document): the scan is deleted, no MRZ, only the last digits of the number', async () => {
    const e = expectOnlyTheFact(await documentReview(false), 'id_document', ['AB1234567', MRZ.split('\n')[0]!, 'scan.jpg', '1980-01-01']);
    expect(e.document).toEqual({ type: 'id_card', issuingCountry: 'LTU', expiresOn: '2031-01-01', lastDigits: '567' });
  });

  it('does so for a document seen at the office (in_person)', async () => {
    expectOnlyTheFact(await documentReview(true), 'in_person', ['AB1234567', 'scan.jpg']);
  });

  it('does so for e-mail control (email_control): no token, token id or address digest', async () => {
    const { repo, c } = await storedCase({ tenant: 'softera', channel: 'email', patch: waitingFor('subject_identity') });
    const tokens = new JoseFormTokens('s'.repeat(40), { now: () => NOW });
    const links = new FormTokenEmailControlLinks(tokens, 'https://privacy.example.lt', clock);
    const link = (await emailControlLink({ links, settings: DEFAULT_WORKFLOW_SETTINGS }, c, 'identity_request'))!;
    const token = decodeURIComponent(new URL(link.url).searchParams.get('token')!);
    await confirmEmailControl({ tenants: tenantRegistry, repo, clock, workflows: new RecordingEngine(), tokens, used: new MemoryUsedTokens() }, { tenantId: 'softera', token });
    const claims = await tokens.verify(token, 'confirm');
    expectOnlyTheFact((await repo.getCase('softera', 'c1'))!, 'email_control', [token, claims.jti, claims.addressSha256!]);
  });

  it('does so for a partner assertion (partner_assertion): no token; the asserted account id is kept as what it proved', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const assertions = new JosePartnerAssertions({ softera: { p1: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] } } });
    const nowS = Math.floor(NOW.getTime() / 1000);
    const jwt = await new SignJWT({ sub: 'acct-80172', name: 'Ona Petraitienė' }).setProtectedHeader({ alg: 'ES256', kid: 'k' }).setIssuer('p1').setAudience('softera').setExpirationTime(nowS + 60).sign(privateKey);
    const repo = new InMemoryCaseRepository();
    const { case: c } = await submitRequest(
      { tenants: tenantRegistry, repo, mailer: new RecordingMailer(), clock, ids: { caseId: () => 'c1' }, partnerAssertions: assertions },
      { tenantId: 'softera', channel: 'api', actor: { kind: 'partner', id: 'p1' }, partnerId: 'p1', request: { rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' }, identityAssertion: jwt } },
    );
    // Issue 19 changed this: the account id was dropped; it is now recorded as the identifier the
    // assertion proved (systems are searched by verified identifiers only). The token still is not kept.
    const evidence = expectOnlyTheFact((await repo.getCase('softera', c.id))!, 'partner_assertion', [jwt]);
    expect(evidence.partnerSubject).toBe('acct-80172');
  });

  it('does so for a representative (representation): the authorization scan is deleted, only its kind is kept', async () => {
    const { repo, c } = await storedCase({ tenant: 'softera', channel: 'email', request: { representative: { name: 'Rūta Rūtaitė', email: 'ruta@example.lt' } }, patch: waitingFor('identity_review') });
    await repo.saveCase({ ...c, identity: { ...c.identity, evidence: { method: 'qes', verdict: 'verified', reasons: [], signer: { name: 'Rūta Rūtaitė' }, matched: 'requester', reviewer: null, checkedAt: NOW.toISOString() } }, version: c.version + 1 }, []);
    const store = new InMemoryBlobStore();
    const key = 'cases/softera/c1/d1/02-poa.pdf';
    await store.put(key, new Uint8Array([1]), 'application/pdf');
    const review = { document: 'power_of_attorney' as const, principal: { name: 'Ona Petraitienė', personalCode: '48001010000' }, agent: { name: 'Rūta Rūtaitė' }, validUntil: '2028-01-01', coversRequest: true };
    await reviewRepresentation({ tenants: tenantRegistry, repo, clock, workflows: new RecordingEngine(), eraser: new InMemoryBlobEraser(store) }, { tenantId: 'softera', caseId: 'c1', review, documentKey: key, actor: { kind: 'staff', id: 'agent-1' } });
    expect(store.objects.has(key)).toBe(false);
    const e = expectOnlyTheFact((await repo.getCase('softera', 'c1'))!, 'qes', [key, '48001010000', '2028-01-01']);
    expect(e.representation).toEqual({ document: 'power_of_attorney' });
  });
});
