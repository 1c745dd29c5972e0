import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList } from '#signatures/trusted-list.ts';
import type { FileVerdict } from '#signatures/verdict.ts';
import { UnsupportedFormatError, detectFormat, verifySignedFile } from '#signatures/verify-file.ts';

/**
 * DigiDoc 1.3 files from digidoc4j's own test suite, held to the verdicts its tests assert
 * (tests/fixtures/real-world/digidoc4j/ORIGIN.md quotes each assertion). The test files are
 * signed by SK's test CA "TEST of ESTEID-SK 2011", which libdigidocpp's signed Estonian test
 * list (EE_T.xml) lists as qualified, so the genuine ones reach TOTAL_PASSED / QESig with no
 * extra anchor; the production file needs the CA that digidoc4j's DDOC configuration trusts.
 */
const DIR = fileURLToPath(new URL('../fixtures/real-world/digidoc4j/', import.meta.url));
const DD = fileURLToPath(new URL('../fixtures/libdigidocpp/', import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(DIR + name));
const trustedList = loadTrustedList(readFileSync(`${DD}EE_T.xml`), Certificate.fromPemOrDer(readFileSync(`${DD}TSL.crt`)));
const AT = new Date('2026-11-21T12:00:00Z');

function judge(bytes: Uint8Array, anchors: readonly string[] = []): Promise<FileVerdict> {
  return verifySignedFile({ bytes, fileName: 'x.ddoc', trustedList, at: AT, trustAnchors: anchors.map((a) => Certificate.fromPemOrDer(read(a))) });
}

function expectRefused(v: FileVerdict): void {
  expect(v.valid).toBe(false);
  expect(v.indication).not.toBe('TOTAL_PASSED');
  expect(v.signatures.every((s) => s.indication !== 'TOTAL_PASSED')).toBe(true);
}

describe('DigiDoc 1.3 (digidoc4j test files)', () => {
  it('recognises DDOC from its bytes, not only its name', () => {
    expect(detectFormat(read('ddoc_for_testing.ddoc'), 'upload.bin')).toBe('ddoc');
    expect(detectFormat(read('BOM_algusega.ddoc'), 'upload.bin')).toBe('ddoc');
  });

  it('passes ddoc_for_testing.ddoc (ValidationTest.defaultOcspResponderSuccessful: isValid) as QESig with its OCSP time-mark', async () => {
    const v = await judge(read('ddoc_for_testing.ddoc'));
    expect(v).toMatchObject({ format: 'ddoc', valid: true, qualified: true, indication: 'TOTAL_PASSED', subIndication: null, signatureLevel: 'QESig' });
    const s = v.signatures[0]!;
    expect(s.signingTime).toEqual(new Date('2014-09-05T13:08:02Z')); // the OCSP producedAt, not the claimed 13:08:07
    expect(s.claimedSigningTime).toEqual(new Date('2014-09-05T13:08:07Z'));
    expect(s.scope).toEqual([expect.objectContaining({ name: 'test.txt', kind: 'FULL' })]);
    expect(s.revocation[0]).toMatchObject({ kind: 'OCSP', status: 'good' });
    // digidoc4j's SHA-1 warning (validate_whenDDOCValidated_containerValidationResultContainsSHA1Warning)
    expect(v.warnings.join('\n')).toMatch(/SHA-1/);
  });

  it('passes ddoc-valid.ddoc (PerformanceTest.validateTestDDocSignatures: assertContainerIsValid)', async () => {
    const v = await judge(read('ddoc-valid.ddoc'));
    expect(v).toMatchObject({ valid: true, indication: 'TOTAL_PASSED', signatureLevel: 'QESig' });
  });

  it('gives each of seven signatures digidoc4j\'s own verdict (ValidationTest: one valid and multiple invalid signatures)', async () => {
    const v = await judge(read('one-valid-and-multiple-invalid-signatures.ddoc'));
    expectRefusedFile(v);
    const [s1, s2, s3, s4, s5, s6, s7] = v.signatures;
    expect(v.signatures).toHaveLength(7);
    expect(s1).toMatchObject({ valid: true, indication: 'TOTAL_PASSED', errors: [] });
    // "Bad digest for DataFile: D0", "Invalid signature value!"
    expect(s2).toMatchObject({ valid: false, indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(s2!.errors.join('\n')).toMatch(/"test.txt" was changed after it was signed[\s\S]*signature value does not verify/);
    // "Bad digest for SignedProperties: S2-SignedProperties", "Invalid signature value!"
    expect(s3).toMatchObject({ valid: false, subIndication: 'HASH_FAILURE' });
    expect(s3!.errors.join('\n')).toMatch(/signed properties .* were changed[\s\S]*signature value does not verify/);
    // "Invalid signature value!", "OCSP response's nonce doesn't match the requests nonce!"
    expect(s4).toMatchObject({ valid: false, subIndication: 'SIG_CRYPTO_FAILURE' });
    expect(s4!.errors.join('\n')).toMatch(/nonce is not the digest of this signature's value/);
    // "Notary certificates digest doesn't match!"
    expect(s5).toMatchObject({ valid: false, indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE' });
    expect(s5!.errors).toEqual([expect.stringMatching(/responder's certificate is not the one the signature refers to/)]);
    // "Notarys digest doesn't match!"
    expect(s6).toMatchObject({ valid: false, subIndication: 'FORMAT_FAILURE' });
    expect(s6!.errors).toEqual([expect.stringMatching(/OCSP confirmation is not the one the signature refers to/)]);
    // "Signature has no OCSP confirmation!" — no proof of time or status: INDETERMINATE, never passed
    expect(s7).toMatchObject({ valid: false, indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    expect(s7!.errors.join('\n')).toMatch(/no OCSP confirmation/);
  });

  it('fails changed_digidoc_test.ddoc (DigiDoc4JTest.verifyInValidDDoc: "Signature S0 is not valid")', async () => {
    const v = await judge(read('changed_digidoc_test.ddoc'));
    expectRefused(v);
    expect(v).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('does not pass ddoc_with_no_ocsp_response.ddoc (SignatureTest: getOCSPNonce() is null; no time-mark)', async () => {
    const v = await judge(read('ddoc_with_no_ocsp_response.ddoc'));
    expectRefused(v);
    expect(v.subIndication).toBe('TRY_LATER');
  });

  it('passes the production file with byte-order marks (ContainerBuilderTest.openBOMBeginningDDocContainerFromPath: isValid) with the CA digidoc4j trusts', async () => {
    const v = await judge(read('BOM_algusega.ddoc'), ['ESTEID-SK-2007.crt']);
    expect(v).toMatchObject({ valid: true, indication: 'TOTAL_PASSED' });
    expect(v.signatures[0]!.scope[0]!.name).toBe('allkirjastamine_15032012_124456_947199.pdf');
    // Without it the signature is intact but unanchored: INDETERMINATE, not tampering.
    const bare = await judge(read('BOM_algusega.ddoc'));
    expect(bare.indication).toBe('INDETERMINATE');
    expect(bare.errors.join('\n')).not.toMatch(/changed after|does not verify/);
  });
});

function expectRefusedFile(v: FileVerdict): void {
  expect(v.valid).toBe(false);
  expect(v.indication).toBe('TOTAL_FAILED');
}

describe('DigiDoc 1.3 tampering and hostile files', () => {
  const genuine = Buffer.from(read('ddoc_for_testing.ddoc')).toString('utf8');
  const edit = (from: string | RegExp, to: string) => {
    const changed = genuine.replace(from, to);
    expect(changed).not.toBe(genuine);
    return new Uint8Array(Buffer.from(changed, 'utf8'));
  };

  it('fails a changed data file', async () => {
    const v = await judge(edit('c2VlIG9uIHRlc3RmYWlsCg==', Buffer.from('see on testfail!').toString('base64')));
    expectRefused(v);
    expect(v.subIndication).toBe('HASH_FAILURE');
  });

  it('fails a renamed data file (the attributes are signed too)', async () => {
    const v = await judge(edit('Filename="test.txt"', 'Filename="invoice.txt"'));
    expectRefused(v);
  });

  it('fails a changed claimed signing time', async () => {
    const v = await judge(edit('<SigningTime>2014-09-05T13:08:07Z', '<SigningTime>2013-09-05T13:08:07Z'));
    expectRefused(v);
    expect(v.errors.join('\n')).toMatch(/signed properties/);
  });

  it('fails a data file added after signing', async () => {
    const v = await judge(edit('<Signature Id="S0"', '<DataFile ContentType="EMBEDDED_BASE64" Filename="extra.txt" Id="D1" MimeType="text/plain" Size="2">aGk=</DataFile>\n<Signature Id="S0"'));
    expectRefused(v);
    expect(v.errors.join('\n')).toMatch(/"extra.txt" is in the DigiDoc file but not covered/);
  });

  it('refuses a wrapped copy of the signed data file (two elements with Id D0)', async () => {
    const v = await judge(edit('</SignedDoc>', '<DataFile ContentType="EMBEDDED_BASE64" Filename="test.txt" Id="D0" MimeType="text/plain" Size="3">ZXZp</DataFile></SignedDoc>'));
    expectRefused(v);
  });

  it('refuses a DTD (entity expansion) in under a second', async () => {
    const started = performance.now();
    const v = await judge(new Uint8Array(Buffer.from(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><SignedDoc format="DIGIDOC-XML" version="1.3" xmlns="http://www.sk.ee/DigiDoc/v1.3.0#">&a;</SignedDoc>`)));
    expect(performance.now() - started).toBeLessThan(1000);
    expectRefused(v);
    expect(v.errors.join('\n')).toMatch(/document type declaration/);
  });

  it('says it cannot judge older DigiDoc versions instead of guessing (the CLI exits 3 for them)', async () => {
    const old = new Uint8Array(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<SignedDoc format="DIGIDOC-XML" version="1.2"></SignedDoc>'));
    await expect(judge(old)).rejects.toThrow(UnsupportedFormatError);
    await expect(judge(old)).rejects.toThrow(/DIGIDOC-XML 1\.2 files are not verified/);
  });

  it('judges every genuine and tampered DDOC in under a second each', async () => {
    for (const name of ['ddoc_for_testing.ddoc', 'one-valid-and-multiple-invalid-signatures.ddoc', 'BOM_algusega.ddoc']) {
      const started = performance.now();
      await judge(read(name));
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
