import { describe, expect, it } from 'vitest';
import { checkIdDocument, idDocumentEvidence, type IdDocumentReview } from '#domain/id-document.ts';
import { minimiseEvidence, type IdentityEvidence } from '#domain/identity-evidence.ts';
import { matchSigner, nameWords, peopleOf, personalCodeOf } from '#domain/identity-matching.ts';
import { missingIdentity } from '#domain/identity-requirements.ts';
import { identityRequirement } from '#domain/identity-policy.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { td1 } from '../support/mrz.ts';

const signer = { commonName: 'ŽYDRŪNAS ČIURLIONIS', givenName: 'ŽYDRŪNAS', surname: 'ČIURLIONIS', serialNumber: 'PNOLT-38001010000' };

describe('matchSigner', () => {
  it('matches when diacritics, case and the order of names differ', () => {
    expect(matchSigner(signer, { requester: { name: 'Ciurlionis Zydrunas' } })).toEqual({ kind: 'match', who: 'requester' });
    expect(matchSigner(signer, { requester: { name: 'žydrūnas  čiurlionis' } })).toEqual({ kind: 'match', who: 'requester' });
  });

  it('matches the represented person when a representative asks for them', () => {
    expect(matchSigner(signer, peopleOf({ subject: { name: 'Žydrūnas Čiurlionis' }, representative: { name: 'Advokatė Rūta' } }))).toEqual({ kind: 'match', who: 'represented' });
  });

  it('asks staff when the name differs, with the reason', () => {
    const outcome = matchSigner(signer, { requester: { name: 'Ona Onaitė' } });
    expect(outcome).toEqual({ kind: 'mismatch', reason: 'Staff must check who signed: the signer "ŽYDRŪNAS ČIURLIONIS" is not the requester "Ona Onaitė".' });
  });

  it('asks staff when the personal code differs although the name matches', () => {
    const outcome = matchSigner(signer, { requester: { name: 'Žydrūnas Čiurlionis', personalCode: '38001010001' } });
    expect(outcome.kind).toBe('mismatch');
    expect(outcome.kind === 'mismatch' && outcome.reason).toMatch(/personal code 38001010000 differs from the requester's 38001010001/);
  });

  it('reads personal codes in the ETSI semantics form and names from a CN with a code', () => {
    expect(personalCodeOf('PNOLT-38001010000')).toBe('38001010000');
    expect(personalCodeOf('47101010033')).toBe('47101010033');
    expect(matchSigner({ commonName: 'MÄNNIK,MARI-LIIS,47101010033', serialNumber: '47101010033' }, { requester: { name: 'Mari-Liis Männik', personalCode: '47101010033' } }).kind).toBe('match');
    expect(nameWords('Łukasz Żółć')).toEqual(['lukasz', 'zolc']);
  });
});

const REVIEW: IdDocumentReview = {
  documentType: 'id_card',
  issuingCountry: 'LTU',
  documentNumber: 'AB1234567',
  surname: 'ČIURLIONIS',
  givenNames: 'ŽYDRŪNAS',
  birthDate: '1980-01-01',
  expiresOn: '2031-01-01',
  mrz: td1({ number: 'AB1234567', birth: '1980-01-01', expiry: '2031-01-01', surname: 'CIURLIONIS', given: 'ZYDRUNAS' }),
};
const TODAY = new Date('2026-11-21T10:00:00Z');
const PEOPLE = { requester: { name: 'Žydrūnas Čiurlionis' } };

describe('checkIdDocument', () => {
  it('verifies a document whose MRZ agrees with what staff typed and whose holder is the requester', () => {
    expect(checkIdDocument(REVIEW, PEOPLE, TODAY)).toEqual({ verdict: 'verified', reasons: [], matched: 'requester' });
  });

  it('rejects a mistyped MRZ by its check digits', () => {
    const mrz = REVIEW.mrz!.replace('AB12345671', 'AB12345681');
    const check = checkIdDocument({ ...REVIEW, mrz }, PEOPLE, TODAY);
    expect(check.verdict).toBe('rejected');
    expect(check.reasons.join('\n')).toMatch(/MRZ check digit .* is wrong/);
  });

  it('rejects an expired document and fields that differ from the MRZ', () => {
    const check = checkIdDocument({ ...REVIEW, expiresOn: '2025-01-01', birthDate: '1980-01-02' }, PEOPLE, TODAY);
    expect(check.verdict).toBe('rejected');
    expect(check.reasons).toContain('The document expired on 2025-01-01.');
    expect(check.reasons).toContain('The birth date typed differs from the one in the MRZ.');
  });

  it('asks for a second look when the holder is someone else, or was born on another day than the request says', () => {
    expect(checkIdDocument(REVIEW, { requester: { name: 'Ona Onaitė' } }, TODAY).verdict).toBe('needs_review');
    const check = checkIdDocument(REVIEW, { requester: { name: 'Žydrūnas Čiurlionis', birthDate: '1981-01-01' } }, TODAY);
    expect(check).toMatchObject({ verdict: 'needs_review', reasons: ['The holder ŽYDRŪNAS ČIURLIONIS was born on 1980-01-01, but the request gives 1981-01-01.'] });
  });

  it('needs the MRZ for a passport or identity card', () => {
    expect(checkIdDocument({ ...REVIEW, mrz: null }, PEOPLE, TODAY).reasons[0]).toMatch(/machine-readable zone .* is needed/);
  });
});

describe('evidence record', () => {
  it('keeps the fact of an ID review, never the document number or MRZ', () => {
    const e = idDocumentEvidence(REVIEW, checkIdDocument(REVIEW, PEOPLE, TODAY), { method: 'id_document', reviewer: 'agent-1', at: TODAY });
    expect(e.document).toEqual({ type: 'id_card', issuingCountry: 'LTU', expiresOn: '2031-01-01', lastDigits: '567' });
    expect(JSON.stringify(e)).not.toMatch(/AB1234567|CIURLIONIS<</);
  });

  it('drops anything that is not part of the record', () => {
    const noisy = { method: 'qes', verdict: 'verified', reasons: [], reviewer: null, checkedAt: 'x', image: 'base64…', signedFile: 'k' } as unknown as IdentityEvidence;
    expect(Object.keys(minimiseEvidence(noisy))).toEqual(['method', 'verdict', 'reasons', 'reviewer', 'checkedAt']);
  });
});

describe('missingIdentity', () => {
  const gautora = tenantRegistry.get('gautora');
  const caseOf = (channel: 'email' | 'post', extra: Partial<{ representative: { name: string } }> = {}) => ({
    channel,
    identity: identityRequirement(gautora, channel, ['access'], false),
    ...extra,
  });

  it('says a Gautora e-mail request needs a QES and that a scanned signed letter is not enough', () => {
    const missing = missingIdentity(gautora, caseOf('email'));
    expect(missing[0]).toMatch(/qualified electronic signature/);
    expect(missing).toContain('A scanned, hand-signed letter is not accepted (003 §21.9).');
  });

  it('lists what a representative must bring', () => {
    const missing = missingIdentity(gautora, caseOf('post', { representative: { name: 'Rūta' } }));
    expect(missing.at(-1)).toMatch(/^A representative must provide \(003 §21.7\): .*a document confirming the representation\.$/);
  });

  it('repeats why an earlier attempt was not enough', () => {
    const c = caseOf('email');
    const missing = missingIdentity(gautora, { ...c, identity: { ...c.identity, evidence: { method: 'qes', verdict: 'rejected', reasons: ['The signature is not qualified.'], reviewer: null, checkedAt: 'x' } } });
    expect(missing[0]).toBe('Not yet enough: The signature is not qualified.');
  });
});
