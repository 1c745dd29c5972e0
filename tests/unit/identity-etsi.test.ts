import { beforeAll, describe, expect, it } from 'vitest';
import { validationReportXml } from '#signatures/etsi-report.ts';
import type { TrustedList } from '#signatures/trusted-list.ts';
import type { Indication, SignatureLevel, SubIndication } from '#signatures/verdict.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';
import { parseXml } from '#signatures/xml.ts';
import { provesIdentity } from '#usecases/identity/verify-qes-attachments.ts';
import { indicationInWords } from '#signatures/indication-text.ts';
import { CASES, FORMATS, type FixtureCase, type FixtureFormat, type IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../support/identity-fixtures.ts';

let fx: IdentityFixtures;
let tl: TrustedList;
let at: Date;

beforeAll(async () => {
  fx = await identityFixtures();
  tl = fixtureTrustedList(fx);
  at = new Date(fx.at);
}, 60_000);

/**
 * ETSI EN 319 102-1 outcome of each generated case, in every format. Where formats reach the
 * failure by different checks (XAdES digests its signed properties, CMS signs its attributes),
 * each sub-indication that names the failure correctly is listed.
 */
const EXPECTED: Readonly<Record<FixtureCase, { indication: Indication; sub: readonly (SubIndication | null)[]; level: readonly SignatureLevel[] }>> = {
  qualified: { indication: 'TOTAL_PASSED', sub: [null], level: ['QESig'] },
  'non-qualified': { indication: 'TOTAL_PASSED', sub: [null], level: ['AdESig', 'AdESig-QC'] },
  expired: { indication: 'INDETERMINATE', sub: ['OUT_OF_BOUNDS_NOT_REVOKED', 'OUT_OF_BOUNDS_NO_POE'], level: ['INDETERMINATE_QESig', 'INDETERMINATE_AdESig', 'INDETERMINATE_AdESig-QC'] },
  revoked: { indication: 'TOTAL_FAILED', sub: ['REVOKED'], level: ['NA'] },
  'untrusted-ca': { indication: 'INDETERMINATE', sub: ['NO_CERTIFICATE_CHAIN_FOUND'], level: ['INDETERMINATE_AdESig'] },
  'tampered-content': { indication: 'TOTAL_FAILED', sub: ['HASH_FAILURE', 'SIG_CRYPTO_FAILURE'], level: ['NA'] },
  'tampered-signed-attribute': { indication: 'TOTAL_FAILED', sub: ['HASH_FAILURE', 'SIG_CRYPTO_FAILURE'], level: ['NA'] },
  'wrong-signer': { indication: 'TOTAL_FAILED', sub: ['SIG_CRYPTO_FAILURE'], level: ['NA'] },
};

const TABLE = FORMATS.flatMap((format) => CASES.map((c) => [format, c] as const));

async function judge(format: FixtureFormat, c: FixtureCase) {
  const f = fx.files[format][c];
  return verifySignedFile({ bytes: readBytes(f.file), fileName: f.file, trustedList: tl, at, ...(f.content ? { content: readBytes(f.content) } : {}) });
}

describe('ETSI verdict fields on generated fixtures', () => {
  it.each(TABLE)('%s / %s reaches the ETSI indication', async (format, c) => {
    const v = await judge(format, c);
    const want = EXPECTED[c];
    expect(v.indication).toBe(want.indication);
    expect(want.sub).toContain(v.subIndication);
    expect(want.level).toContain(v.signatureLevel);
    // The file verdict is the worst signature's.
    expect(v.signatures[0]!.indication).toBe(v.indication);
    // An invalid signature is never TOTAL_PASSED; a TOTAL_PASSED one has no errors.
    if (!v.valid) expect(v.indication).not.toBe('TOTAL_PASSED');
    if (v.indication === 'TOTAL_PASSED') expect(v.errors).toEqual([]);
    else expect(v.errors.length).toBeGreaterThan(0);
  });

  it.each(FORMATS)('%s qualified: baseline LT, proven best-signature time, chain to the listed CA, OCSP used, scope named', async (format) => {
    const v = await judge(format, 'qualified');
    const s = v.signatures[0]!;
    expect(s.id).toBe('S-1');
    expect(s.baselineLevel).toBe('LT');
    expect(s.bestSignatureTime).toEqual(s.signingTime);
    expect(s.certificateChain.at(-1)?.trustAnchor).toBe(true);
    expect(s.revocation.map((r) => [r.kind, r.status])).toEqual([['OCSP', 'good']]);
    expect(s.timestamps.map((t) => t.indication)).toEqual(['TOTAL_PASSED']);
    expect(s.scope.length).toBeGreaterThan(0);
    expect(v.warnings).toEqual([]);
  });
});

describe('ETSI TS 119 102-2 validation report', () => {
  it('names the indication, level, times and chain of a qualified signature, without document content', async () => {
    const v = await judge('pades', 'qualified');
    const xml = validationReportXml(v, { fileName: 'request.pdf', fileSha256: 'ab'.repeat(32) });
    const doc = parseXml(new TextEncoder().encode(xml), 'report');
    const ns = 'http://uri.etsi.org/19102/v1.2.1#';
    const one = (name: string) => doc.getElementsByTagNameNS(ns, name)[0]?.textContent;
    expect(doc.documentElement!.localName).toBe('ValidationReport');
    expect(one('MainIndication')).toBe('urn:etsi:019102:mainindication:total-passed');
    expect(one('SignatureQualityInformation')).toBe('urn:cef:dss:signatureQualification:QESig');
    expect(one('ValidationTime')).toBe(at.toISOString());
    expect(one('POETime')).toBe(v.signatures[0]!.signingTime!.toISOString());
    expect(doc.getElementsByTagNameNS(ns, 'ValidationObject').length).toBe(v.signatures[0]!.certificateChain.length);
    expect(xml).not.toContain(Buffer.from(readBytes(fx.content)).toString('utf8').slice(0, 20));
    expect(xml.length).toBeLessThan(16 * 1024);
  });

  it('carries the sub-indication and the reasons of a failed signature', async () => {
    const v = await judge('cades-detached', 'tampered-content');
    const xml = validationReportXml(v, { fileName: 'x.p7s', fileSha256: '00'.repeat(32) });
    expect(xml).toContain('<MainIndication>urn:etsi:019102:mainindication:total-failed</MainIndication>');
    expect(xml).toContain('<SubIndication>urn:etsi:019102:subindication:HASH_FAILURE</SubIndication>');
    expect(xml).toContain('changed after it was signed');
  });
});

describe('identity at intake consumes the ETSI verdict', () => {
  it.each(TABLE)('%s / %s proves identity only when TOTAL_PASSED + QESig + qualified', async (format, c) => {
    const v = await judge(format, c);
    expect(provesIdentity(v)).toBe(c === 'qualified');
    if (provesIdentity(v)) expect(v).toMatchObject({ indication: 'TOTAL_PASSED', signatureLevel: 'QESig', qualified: true });
  });

  it('never accepts a TOTAL_PASSED verdict that is not QESig (an e-seal), even if marked qualified', async () => {
    const v = await judge('pades', 'qualified');
    expect(provesIdentity({ ...v, signatureLevel: 'QESeal' })).toBe(false);
    expect(provesIdentity({ ...v, indication: 'INDETERMINATE' })).toBe(false);
  });

  it('says the indication in plain Lithuanian and English', () => {
    expect(indicationInWords('TOTAL_PASSED', null, 'QESig').lt).toMatch(/kvalifikuotas elektroninis parašas/);
    expect(indicationInWords('TOTAL_FAILED', 'HASH_FAILURE', 'NA').en).toMatch(/changed after signing/);
    expect(indicationInWords('INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND', 'INDETERMINATE_AdESig').lt).toMatch(/neapibrėžta/);
  });
});
