import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList } from '#signatures/trusted-list.ts';
import type { FileVerdict } from '#signatures/verdict.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';

/**
 * Files written by other signing software, judged against the verdicts their own projects'
 * tests assert (tests/fixtures/real-world/<source>/ORIGIN.md quotes each assertion). None of
 * these CAs is in a trusted list, so each source's own test root is the configured trust
 * anchor, as in those tests; the list is libdigidocpp's signed Estonian test list (nothing
 * here is qualified by it).
 */
const DIR = fileURLToPath(new URL('../fixtures/real-world/', import.meta.url));
const DD = fileURLToPath(new URL('../fixtures/libdigidocpp/', import.meta.url));
const read = (path: string) => new Uint8Array(readFileSync(DIR + path));
const trustedList = loadTrustedList(readFileSync(`${DD}EE_T.xml`), Certificate.fromPemOrDer(readFileSync(`${DD}TSL.crt`)));
const anchor = (path: string) => Certificate.fromPemOrDer(read(path));

async function judge(path: string, at: string, anchors: readonly string[] = [], content?: string): Promise<FileVerdict> {
  return verifySignedFile({ bytes: read(path), fileName: path, trustedList, at: new Date(at), trustAnchors: anchors.map(anchor), ...(content ? { content: read(content) } : {}) });
}

/**
 * A tampered or wrapped file must never pass under any name. A PDF changed after signing keeps
 * signatures that are intact over their own revision (ETSI judges each signature); the file,
 * whose displayed revision no one signed, fails — `signatureToo: false` says so.
 */
function expectRefused(v: FileVerdict, { signatureToo = true } = {}): void {
  expect(v.valid).toBe(false);
  expect(v.indication).not.toBe('TOTAL_PASSED');
  if (signatureToo) expect(v.signatures.every((s) => s.indication !== 'TOTAL_PASSED')).toBe(true);
}

describe('Thunderbird S/MIME test messages (mailnews/test/data/smime)', () => {
  const AT = '2026-06-01T00:00:00Z'; // inside the certificates' validity (2026-01-26 to 2031-01-26)
  const tb = ['thunderbird/TestCA.pem'];

  it('passes the genuine clear-signed message (sig_good: true)', async () => {
    const v = await judge('thunderbird/alice.dsig.SHA256.multipart.eml', AT, tb);
    expect(v).toMatchObject({ format: 'smime', valid: true, qualified: false, indication: 'TOTAL_PASSED', subIndication: null, signatureLevel: 'AdESig' });
    expect(v.signatures[0]!.signer?.commonName).toBe('Alice');
    expect(v.signatures[0]!.certificateChain.map((c) => c.trustAnchor)).toEqual([false, true]);
  });

  it('passes the genuine opaque-signed message (sig_good: true)', async () => {
    const v = await judge('thunderbird/alice.sig.SHA256.opaque.eml', AT, tb);
    expect(v).toMatchObject({ valid: true, indication: 'TOTAL_PASSED' });
  });

  it('fails the message whose displayed text was changed (sig_good: false)', async () => {
    const v = await judge('thunderbird/alice.dsig.SHA256.multipart.bad.eml', AT, tb);
    expectRefused(v);
    expect(v).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('judges the displayed part, not the genuine copy embedded in the signature (mismatch-econtent, sig_good: false)', async () => {
    const bytes = read('thunderbird/alice.dsig.SHA256.multipart.mismatch-econtent.eml');
    expect(Buffer.from(bytes).toString('latin1')).toContain('This is a FAKE message NOT from Alice to Bob');
    const v = await judge('thunderbird/alice.dsig.SHA256.multipart.mismatch-econtent.eml', AT, tb);
    expectRefused(v);
    expect(v).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
    expect(v.errors.join('\n')).toMatch(/part shown to the reader/);
  });

  it('without the test root the genuine message is intact but INDETERMINATE, never TOTAL_PASSED', async () => {
    const v = await judge('thunderbird/alice.dsig.SHA256.multipart.eml', AT);
    expect(v).toMatchObject({ valid: true, indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', signatureLevel: 'INDETERMINATE_AdESig' });
  });

  it('alice.future (sig_good: false in Thunderbird) is an intact signature: the difference is the unsigned Date header, a mail-client rule', async () => {
    // local-gen.sh moves only the Date header 6 hours ahead; the signature and its bytes are the good message's.
    const v = await judge('thunderbird/alice.future.dsig.SHA256.multipart.eml', AT, tb);
    expect(v.valid).toBe(true);
    expect(v.signatures[0]!.signerCertificateSha256).toBe((await judge('thunderbird/alice.dsig.SHA256.multipart.eml', AT, tb)).signatures[0]!.signerCertificateSha256);
  });
});

describe('EU DSS test files', () => {
  it('verifies RSASSA-PSS with SHA3-256 in CMS (DSS1419Sha3RsaMgf1Test: intact and valid)', async () => {
    const v = await judge('dss/CAdES-BpB-att-SHA256-SHA3_256withRSAandMGF1.p7m', '2019-01-01T00:00:00Z');
    expect(v.valid).toBe(true);
    expect(v.reasons.join('\n')).not.toMatch(/not supported/);
    // No trust anchor is given in that DSS test either: intact, but not provably trusted.
    expect(v).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    // What DSS asserts (checkBLevelValid: isSignatureIntact, isSignatureValid) holds: the only
    // decisive finding is the missing anchor, none about the digest or the RSA-PSS signature value.
    expect(v.signatures[0]!.errors).toEqual([expect.stringMatching(/does not chain to a trust anchor/)]);
    expect(v.signatures[0]!.signatureLevel).toBe('INDETERMINATE_AdESig');
  });

  it('fails SHA512withRSA over a SHA-256 message digest (DSS1419Sha512RsaTest: B-level not technically valid)', async () => {
    const v = await judge('dss/CAdES-BpB-att-SHA256-SHA512withRSA.p7m', '2019-01-01T00:00:00Z');
    expectRefused(v);
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('reads the Lithuanian ADOC whose mimetype is not first, with a warning (OpenDocumentADOCValidationTest: TOTAL_PASSED with warnings)', async () => {
    const v = await judge('dss/container-signed.adoc', '2024-01-01T00:00:00Z', ['dss/adoc-root.pem']);
    expect(v).toMatchObject({ format: 'asice', valid: true, indication: 'TOTAL_PASSED' });
    expect(v.warnings.join('\n')).toMatch(/"mimetype" file is not the first entry/);
    expect(v.warnings.join('\n')).toMatch(/metadata\/unsignableMetadata0\.xml" is not signed/);
    expect(v.signatures[0]!.scope.map((s) => s.name)).toContain('sample.xml');
  });

  it('reads the DigiDoc client .bdoc whose mimetype is last (ASiCEWithXAdESBDocValidationTest: intact and valid)', async () => {
    const v = await judge('dss/hello.bdoc', '2018-03-08T00:00:00Z');
    expect(v.valid).toBe(true);
    expect(v.indication).not.toBe('TOTAL_FAILED');
    expect(v.warnings.join('\n')).toMatch(/"mimetype" file is not the first entry/);
    // DSS's test configures no trust anchor (PKIFactoryAccess' empty trusted source) and asserts
    // only intact + valid: its own verdict is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND too.
    expect(v).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    expect(v.signatures[0]!.errors).toEqual([expect.stringMatching(/does not chain to a trust anchor/)]);
    expect(v.signatures[0]!.revocation[0]).toMatchObject({ kind: 'OCSP', status: 'good' });
  });
});

describe('ETSI indications on the libdigidocpp trusted-list suite', () => {
  const bytes = new Uint8Array(readFileSync(`${DD}tsl.asice`));
  const signer = Certificate.fromPemOrDer(readFileSync(`${DD}TSL.crt`));
  const AT = new Date('2026-11-21T12:00:00Z');

  it('passes tsl.asice as a qualified electronic signature (QESig) at baseline LT', async () => {
    const v = await verifySignedFile({ bytes, fileName: 'tsl.asice', trustedList, at: AT });
    expect(v).toMatchObject({ valid: true, qualified: true, indication: 'TOTAL_PASSED', signatureLevel: 'QESig' });
    expect(v.signatures[0]).toMatchObject({ baselineLevel: 'LT', bestSignatureTime: new Date('2016-11-28T13:46:43Z') });
  });

  it('a CA withdrawn before the signing time anchors nothing: INDETERMINATE, never TOTAL_PASSED', async () => {
    const list = loadTrustedList(readFileSync(`${DD}EE_T-CA-withdrawn.xml`), signer);
    const v = await verifySignedFile({ bytes, fileName: 'tsl.asice', trustedList: list, at: AT });
    expect(v).toMatchObject({ valid: true, qualified: false, indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
  });

  it('a certificate the list marks not qualified is an advanced signature, not QESig', async () => {
    const list = loadTrustedList(readFileSync(`${DD}EE_T-no_QCStatement.xml`), signer);
    const v = await verifySignedFile({ bytes, fileName: 'tsl.asice', trustedList: list, at: AT });
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(v.signatureLevel).toBe('AdESig');
  });

  it('forged_lt.asice (key substitution) is never TOTAL_PASSED', async () => {
    const v = await verifySignedFile({ bytes: new Uint8Array(readFileSync(`${DD}forged_lt.asice`)), fileName: 'forged_lt.asice', trustedList, at: AT });
    expectRefused(v);
  });
});

describe('EU DSS detached JAdES with sigD ObjectIdByURI', () => {
  const files = (second = 'dss/ObjectIdByURI-2.html') => [
    { name: 'https://nowina.lu/pub/JAdES/ObjectIdByURI-1.html', bytes: read('dss/ObjectIdByURI-1.html') },
    { name: 'https://nowina.lu/pub/JAdES/ObjectIdByURI-2.html', bytes: read(second) },
  ];
  const judgeJades = (detachedFiles: ReturnType<typeof files>) =>
    verifySignedFile({ bytes: read('dss/jades-detached-by-uri-encoded-pars.json'), fileName: 'x.json', trustedList, at: new Date('2022-01-01T00:00:00Z'), detachedFiles });

  it('verifies over both objects named in pars (JAdESDetachedByUriWithURLEncodedParsTest: intact and valid)', async () => {
    const v = await judgeJades(files());
    expect(v).toMatchObject({ format: 'jades', valid: true });
    expect(v.indication).not.toBe('TOTAL_FAILED');
    expect(v.signatures[0]!.scope.map((s) => s.name)).toEqual(['https%3A//nowina.lu/pub/JAdES/ObjectIdByURI-1.html', 'https%3A//nowina.lu/pub/JAdES/ObjectIdByURI-2.html']);
  });

  it('fails when one object is swapped for another', async () => {
    const v = await judgeJades(files('dss/ObjectIdByURI-1.html'));
    expectRefused(v);
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('is SIGNED_DATA_NOT_FOUND when an object is missing', async () => {
    const v = await judgeJades(files().slice(0, 1));
    expect(v).toMatchObject({ valid: false, indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' });
  });
});

describe('EU DSS PAdES files with later incremental updates', () => {
  it('accepts the production PAdES-LT file whose DSS update has no /Type (PAdESUtilsTest: intact and valid)', async () => {
    const v = await judge('dss/PAdES-LT.pdf', '2022-01-01T00:00:00Z');
    expect(v.valid).toBe(true);
    expect(v.reasons.join('\n')).not.toMatch(/changed after it was signed/);
    expect(v.signatures).toHaveLength(3);
    expect(v.signatures.every((s) => s.valid && s.indication !== 'TOTAL_FAILED')).toBe(true);
    expect(v.signatures[0]!.scope[0]).toMatchObject({ kind: 'PARTIAL' });
  });

  it('passes the Spanish administration PAdES-LT with its national root as anchor (DSS1469LTTest: baseline LT, B-level valid)', async () => {
    const v = await judge('dss/doc-firmado-LT.pdf', '2022-01-01T00:00:00Z', ['dss/costa-rica-root.pem']);
    expect(v).toMatchObject({ format: 'pades', valid: true, indication: 'TOTAL_PASSED' });
    expect(v.signatures[0]!.baselineLevel).toBe('LT');
    expect(v.signatures[0]!.revocation.length).toBeGreaterThan(0);
  });

  it('still refuses a changed page appended to the same file', async () => {
    const genuine = read('dss/doc-firmado-LT.pdf');
    const page = Buffer.from('\n3 0 obj\n<< /Type /Page /Parent 1 0 R /MediaBox [0 0 612 792] >>\nendobj\n', 'latin1');
    const bytes = new Uint8Array(Buffer.concat([genuine, page]));
    const v = await verifySignedFile({ bytes, fileName: 'x.pdf', trustedList, at: new Date('2022-01-01T00:00:00Z'), trustAnchors: [anchor('dss/costa-rica-root.pem')] });
    expectRefused(v, { signatureToo: false });
    expect(v.indication).toBe('TOTAL_FAILED');
    expect(v.reasons.join('\n')).toMatch(/changed after it was signed: an update changes object 3/);
  });
});
