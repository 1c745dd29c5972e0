import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList, type TrustedList } from '#signatures/trusted-list.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';
import { TrustedListError } from '#signatures/errors.ts';

// libdigidocpp's own test data, used in place (ORIGIN.md: never copied into the project).
const DIR = fileURLToPath(new URL('../fixtures/libdigidocpp/', import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(DIR + name));
// The lists' NextUpdate is 2027-08-20; the validation time is pinned before it, never "now".
const AT = new Date('2026-11-21T12:00:00Z');
const SIGNER = Certificate.fromPemOrDer(read('TSL.crt'));
const list = (name: string): TrustedList => loadTrustedList(read(name), SIGNER);

/**
 * tsl.asice (signer cert issued 2013-04-23 11:49:30Z by "TEST of ESTEID-SK 2011", time-stamped
 * 2016-11-28 13:46:43Z by "DEMO of SK TSA 2014", OCSP by "TEST of SK OCSP RESPONDER 2011")
 * against each list. Expected verdicts are libdigidocpp's (test/CMakeLists.txt: 18 "bad",
 * 6 "good"); the reasons come from diffing each file against EE_T.xml (the folder's README
 * has outdated dates for several of them).
 */
const EXPECTED: ReadonlyArray<readonly [file: string, qualified: boolean, why: string, reason: RegExp | null]> = [
  ['EE_T.xml', true, 'the base list: CA, OCSP and TSA granted with QCWithQSCD', null],
  ['EE_T-CA-non-qa.xml', false, 'the CA service is CA/PKC, not CA/QC', /only as .*CA\/PKC/],
  ['EE_T-CA-invalid-type.xml', false, 'the CA service (and its history) typed TSA/QTST', /only as .*TSA\/QTST.*not as a qualified certificate authority/],
  ['EE_T-CA-withdrawn.xml', false, 'the CA is supervisionrevoked since 2013-04-22, before the certificate was issued', /supervisionrevoked.*2013-04-22/],
  ['EE_T-CA-granted-later.xml', false, 'the CA history starts 2013-04-24, a day after the certificate was issued', /not yet granted at 2013-04-23/],
  ['EE_T-CA-withdrawn-granted-later.xml', false, 'revoked 2013-04-22, granted again only after issuance', /supervisionrevoked.*2013-04-22/],
  ['EE_T-CA-withdrawn-granted-before.xml', true, 'revoked, then granted again 2013-04-23 01:00, before issuance and signing', null],
  ['EE_T-CA-noqscd-granted-later.xml', false, 'the QSCD-granting history starts 2013-04-24, after issuance', /not yet granted at 2013-04-23/],
  ['EE_T-CA-noqscd-granted-before.xml', true, 'granted with QCWithSSCD from 2013-04-23 01:00, before issuance', null],
  ['EE_T-no_QCStatement.xml', false, 'a qualifier marks the certificate NotQualified at signing time', /not a qualified certificate at the signing time/],
  ['EE_T-no_QCSD.xml', false, 'a QCNoSSCD qualifier overrides the certificate\'s QcSSCD', /qualified signature creation device/],
  ['EE_T-OCSP-invalid-type.xml', false, 'the OCSP service typed TSA/QTST', /OCSP responder .* only as .*TSA\/QTST/],
  ['EE_T-OCSP-withdrawn.xml', false, 'the OCSP service withdrawn since 2016-06-30, before it answered', /OCSP responder .*withdrawn.*2016-06-30/],
  ['EE_T-OCSP-granted-later.xml', false, 'the OCSP service granted only from 2016-11-29, after it answered', /OCSP responder .*not yet granted/],
  ['EE_T-OCSP-withdrawn-granted-later.xml', false, 'withdrawn, granted again only 2016-11-29', /OCSP responder .*withdrawn/],
  ['EE_T-OCSP-withdrawn-granted-before.xml', true, 'withdrawn, granted again 2016-11-28 01:00, before it answered', null],
  ['EE_T-OCSP-noqscd-granted-later.xml', false, 'the OCSP service history starts 2016-11-29, after it answered', /OCSP responder .*not yet granted/],
  ['EE_T-OCSP-noqscd-granted-before.xml', true, 'the OCSP service granted from before it answered', null],
  ['EE_T-TSA-invalid-type.xml', false, 'the TSA service typed CA/QC', /time-stamping authority is in the trusted list only as .*CA\/QC/],
  ['EE_T-TSA-withdrawn.xml', false, 'the TSA withdrawn since 2016-11-27 21:00, before the time-stamp', /time-stamping authority .*withdrawn.*2016-11-27/],
  ['EE_T-TSA-granted-later.xml', false, 'the TSA granted only from 2016-11-29', /time-stamping authority .*not yet granted/],
  ['EE_T-TSA-withdrawn-granted-later.xml', false, 'withdrawn 2016-06-30, granted again only 2016-11-29', /time-stamping authority .*withdrawn.*2016-06-30/],
  ['EE_T-TSA-withdrawn-granted-before.xml', true, 'withdrawn, granted again 2016-11-28 01:00, before the time-stamp', null],
  ['EE_T-TSA-noqscd-granted-later.xml', false, 'the TSA service history starts 2016-11-29', /time-stamping authority .*not yet granted/],
  ['EE_T-TSA-noqscd-granted-before.xml', true, 'the TSA granted from before the time-stamp', null],
];

describe('verifySignedFile on libdigidocpp tsl.asice', () => {
  const bytes = read('tsl.asice');

  it.each(EXPECTED)('judges against %s: qualified=%s (%s)', async (file, qualified, _why, reason) => {
    const verdict = await verifySignedFile({ bytes, fileName: 'tsl.asice', trustedList: list(file), at: AT });
    expect(verdict.valid).toBe(true);
    expect(verdict.qualified).toBe(qualified);
    if (reason) expect(verdict.reasons.join('\n')).toMatch(reason);
    else expect(verdict.reasons).toEqual([]);
  });

  it('reports the signer and the time-stamp time, not the claimed signing time', async () => {
    const verdict = await verifySignedFile({ bytes, trustedList: list('EE_T.xml'), at: AT });
    expect(verdict.signatures[0]?.signer).toMatchObject({ commonName: 'MÄNNIK,MARI-LIIS,47101010033', serialNumber: '47101010033' });
    expect(verdict.signatures[0]?.signingTime?.toISOString()).toBe('2016-11-28T13:46:43.000Z');
    expect(verdict.signatures[0]?.claimedSigningTime?.toISOString()).toBe('2016-11-28T13:46:41.000Z');
  });

  it('is not qualified once the list has expired at the validation time', async () => {
    const verdict = await verifySignedFile({ bytes, trustedList: list('EE_T.xml'), at: new Date('2027-09-01T00:00:00Z') });
    expect(verdict.qualified).toBe(false);
    expect(verdict.reasons).toContain('The trusted list expired on 2027-08-20; a current list is needed.');
  });

  it('is not qualified when the list was read without a signer to check it', async () => {
    const verdict = await verifySignedFile({ bytes, trustedList: loadTrustedList(read('EE_T.xml'), null), at: AT });
    expect(verdict).toMatchObject({ valid: true, qualified: false });
  });

  it('rejects a data file changed after signing', async () => {
    const tampered = patchStoredFile(bytes, 'test.txt');
    const verdict = await verifySignedFile({ bytes: tampered, trustedList: list('EE_T.xml'), at: AT });
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons.join('\n')).toMatch(/"test\.txt" (was changed after it was signed|is damaged|cannot be decompressed)/);
  });
});

describe('verifySignedFile on hostile or forged containers', () => {
  const tl = () => list('EE_T.xml');

  it('rejects forged_lt.asice, whose signature was made with a key other than the named signer', async () => {
    const verdict = await verifySignedFile({ bytes: read('forged_lt.asice'), trustedList: tl(), at: AT });
    expect(verdict).toMatchObject({ valid: false, qualified: false });
    expect(verdict.reasons.join('\n')).toMatch(/does not verify with the signer's certificate|not the one committed to/);
  });

  it('rejects asice-relative.asice, whose entry escapes the container with ..', async () => {
    const verdict = await verifySignedFile({ bytes: read('asice-relative.asice'), trustedList: tl(), at: AT });
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons[0]).toMatch(/unsafe path \("folder\/\.\.\/test1\.txt"\)/);
  });

  it('rejects dot.asice, whose entry is named "."', async () => {
    expect((await verifySignedFile({ bytes: read('dot.asice'), trustedList: tl(), at: AT })).reasons[0]).toMatch(/unsafe path/);
  });

  it('accepts a data file in a folder but reports an unsigned container (asice-path.asice)', async () => {
    const verdict = await verifySignedFile({ bytes: read('asice-path.asice'), trustedList: tl(), at: AT });
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons).toContain('The container has no signatures.');
  });

  it('judges test.asice valid but not qualified: its CA is not in the list', async () => {
    const verdict = await verifySignedFile({ bytes: read('test.asice'), trustedList: tl(), at: AT });
    expect(verdict).toMatchObject({ valid: true, qualified: false });
    expect(verdict.reasons.join('\n')).toMatch(/not a qualified certificate authority/);
  });
});

describe('loadTrustedList', () => {
  it('refuses a list changed after it was signed', () => {
    const text = Buffer.from(read('EE_T.xml')).toString('utf8').replace('<TSLSequenceNumber>34<', '<TSLSequenceNumber>35<');
    expect(() => loadTrustedList(new Uint8Array(Buffer.from(text)), SIGNER)).toThrow(/changed after it was signed/);
  });

  it('refuses a list signed by someone other than the configured signer', () => {
    const other = Certificate.fromDer(otherCertificate());
    expect(() => loadTrustedList(read('EE_T.xml'), other)).toThrow(TrustedListError);
  });

  it('exposes services with type, history and qualifiers', () => {
    const tl = list('EE_T.xml');
    const ca = tl.services.find((s) => s.name.startsWith('TEST of ESTEID-SK 2011'));
    expect(ca?.type).toBe('http://uri.etsi.org/TrstSvc/Svctype/CA/QC');
    expect(ca?.history.length).toBeGreaterThan(1);
    expect(ca?.history.at(-1)?.qualifications.flatMap((q) => q.qualifiers)).toContain('http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD');
    expect(tl).toMatchObject({ territory: 'EE_T', sequenceNumber: 34 });
  });
});

// The TSA certificate embedded in EE_T.xml's services: a real certificate that did not sign the list.
function otherCertificate(): Uint8Array {
  const tl = loadTrustedList(read('EE_T.xml'), SIGNER);
  return tl.services.find((s) => s.type.endsWith('TSA/QTST'))!.certificates[0]!.der;
}

// Flips one byte of a stored entry's data in place; the container then fails its CRC or digest.
function patchStoredFile(zip: Uint8Array, name: string): Uint8Array {
  const copy = new Uint8Array(zip);
  const buf = Buffer.from(copy.buffer);
  const at = buf.indexOf(Buffer.from(name, 'latin1'));
  const dataStart = at + name.length + buf.readUInt16LE(at - 2);
  copy[dataStart] = copy[dataStart]! ^ 0x01;
  return copy;
}
