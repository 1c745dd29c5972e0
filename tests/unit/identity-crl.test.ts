import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyCms } from '#signatures/cms.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';
import { readZip } from '#signatures/zip.ts';
import { writeZip } from '../../tools/fixtures/zip-write.ts';
import type { TrustedList } from '#signatures/trusted-list.ts';
import type { FixtureCase, IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { openssl } from '../../tools/fixtures/pki.ts';
import { identityContext, readBytes } from '../support/identity-fixtures.ts';

/**
 * Signatures that carry a CRL of the signer's CA instead of an OCSP response: the generated
 * CAdES fixtures (time-stamped, with OCSP) with their revocation values replaced by a CRL that
 * `openssl ca -gencrl` issues now, put where signers put it (SignedData crls, or CAdES
 * revocationValues crlVals).
 */
const REVOCATION_VALUES = '1.2.840.113549.1.9.16.2.24';
let fx: IdentityFixtures;
let tl: TrustedList;
let at: Date;
let work: string;

beforeAll(async () => {
  ({ fx, tl, at } = await identityContext());
  work = mkdtempSync(join(tmpdir(), 'rightsdesk-crl-'));
}, 60_000);

function crlOf(ca: 'issuing-ca' | 'untrusted-ca'): Uint8Array {
  const pem = join(work, `${ca}.crl.pem`);
  const der = join(work, `${ca}.crl`);
  openssl(['ca', '-gencrl', '-config', join(fx.dir, 'ca', ca, 'openssl.cnf'), '-crldays', '30', '-out', pem]);
  openssl(['crl', '-in', pem, '-outform', 'DER', '-out', der]);
  return new Uint8Array(readFileSync(der));
}

/** The fixture's CAdES with its revocation values dropped and `crl` put `where`. */
function withCrlInsteadOfOcsp(c: FixtureCase, crl: Uint8Array | null, where: 'signedData' | 'revocationValues' = 'signedData'): Uint8Array {
  const info = asn1js.fromBER(readBytes(fx.files['cades-enveloping'][c].file)).result as asn1js.Sequence;
  const fields = ((info.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
  const signer = (fields.at(-1) as asn1js.Set).valueBlock.value[0] as asn1js.Sequence;
  const unsigned = signer.valueBlock.value.at(-1) as asn1js.Constructed;
  const kept = unsigned.valueBlock.value.filter((a) => ((a as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString() !== REVOCATION_VALUES);
  expect(kept.length).toBe(unsigned.valueBlock.value.length - 1); // the fixture had its OCSP there
  unsigned.valueBlock.value = kept;
  if (crl && where === 'revocationValues') {
    const crlVals = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Sequence({ value: [asn1js.fromBER(crl).result] })] });
    kept.push(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: REVOCATION_VALUES }), new asn1js.Set({ value: [new asn1js.Sequence({ value: [crlVals] })] })] }));
  }
  if (crl && where === 'signedData') fields.splice(fields.length - 1, 0, new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [asn1js.fromBER(crl).result] }));
  return new Uint8Array(info.toBER());
}

const judge = (der: Uint8Array) => {
  const result = verifyCms(der, { trustedList: tl, at });
  expect(result.reasons).toEqual([]);
  return result.signatures[0]!;
};

describe('CRLs as revocation data', () => {
  it('accepts a CRL of the signer’s CA in SignedData crls: qualified, like OCSP', () => {
    const sig = judge(withCrlInsteadOfOcsp('qualified', crlOf('issuing-ca')));
    expect(sig.reasons).toEqual([]);
    expect({ valid: sig.valid, qualified: sig.qualified }).toEqual({ valid: true, qualified: true });
  });

  it('reads CAdES revocationValues crlVals too', () => {
    const sig = judge(withCrlInsteadOfOcsp('qualified', crlOf('issuing-ca'), 'revocationValues'));
    expect({ valid: sig.valid, qualified: sig.qualified, reasons: sig.reasons }).toEqual({ valid: true, qualified: true, reasons: [] });
  });

  it('finds a revoked signer on the CRL', () => {
    const sig = judge(withCrlInsteadOfOcsp('revoked', crlOf('issuing-ca')));
    expect(sig.valid).toBe(false);
    expect(sig.reasons.join('\n')).toMatch(/revoked on \d{4}-\d\d-\d\d \(CRL\)/);
  });

  it('refuses a CRL with a broken signature or from another CA, and says when there is none', () => {
    const crl = crlOf('issuing-ca');
    crl[crl.length - 5] = crl.at(-5)! ^ 0xff; // inside the signature value
    expect(judge(withCrlInsteadOfOcsp('qualified', crl)).reasons.join('\n')).toMatch(/CRL\) signature does not verify/);
    expect(judge(withCrlInsteadOfOcsp('qualified', crlOf('untrusted-ca'))).reasons.join('\n')).toMatch(/not the one of the signer's certificate authority/);
    const none = judge(withCrlInsteadOfOcsp('qualified', null));
    expect({ valid: none.valid, qualified: none.qualified }).toEqual({ valid: true, qualified: false });
    expect(none.reasons.join('\n')).toMatch(/No revocation information \(OCSP or CRL\)/);
  });

  it('reads JAdES rVals.crlVals (pkiOb objects) in place of OCSP', async () => {
    const jws = JSON.parse(Buffer.from(readBytes(fx.files.jades.qualified.file)).toString('utf8')) as { header: { etsiU: unknown[] } };
    jws.header.etsiU = jws.header.etsiU.filter((u) => !JSON.stringify(u).includes('rVals'));
    const bytes = (crl: Uint8Array) => new TextEncoder().encode(JSON.stringify({ ...jws, header: { etsiU: [...jws.header.etsiU, { rVals: { crlVals: [{ val: Buffer.from(crl).toString('base64') }] } }] } }));
    const good = await verifySignedFile({ bytes: bytes(crlOf('issuing-ca')), fileName: 'request.json', trustedList: tl, at });
    expect({ valid: good.valid, qualified: good.qualified, reasons: good.reasons }).toEqual({ valid: true, qualified: true, reasons: [] });
    const foreign = await verifySignedFile({ bytes: bytes(crlOf('untrusted-ca')), fileName: 'request.json', trustedList: tl, at });
    expect(foreign.valid).toBe(false);
  });

  it('reads XAdES CRLValues in an ASiC-E container in place of OCSP', async () => {
    const container = (c: FixtureCase, crl: Uint8Array) => {
      const entries = readZip(readBytes(fx.files.asice[c].file)).map((e) => {
        if (!e.name.startsWith('META-INF/signatures')) return { name: e.name, bytes: e.bytes, store: e.method === 0 };
        const xml = Buffer.from(e.bytes).toString('utf8');
        const swapped = xml.replace(/<xades:OCSPValues>[\s\S]*?<\/xades:OCSPValues>/, `<xades:CRLValues><xades:EncapsulatedCRLValue>${Buffer.from(crl).toString('base64')}</xades:EncapsulatedCRLValue></xades:CRLValues>`);
        expect(swapped).not.toBe(xml);
        return { name: e.name, bytes: new TextEncoder().encode(swapped), store: e.method === 0 };
      });
      return verifySignedFile({ bytes: writeZip(entries), fileName: 'request.asice', trustedList: tl, at });
    };
    const good = await container('qualified', crlOf('issuing-ca'));
    expect({ valid: good.valid, qualified: good.qualified, reasons: good.reasons }).toEqual({ valid: true, qualified: true, reasons: [] });
    const revoked = await container('revoked', crlOf('issuing-ca'));
    expect(revoked.valid).toBe(false);
    expect(revoked.reasons.join('\n')).toMatch(/revoked on \d{4}-\d\d-\d\d \(CRL\)/);
  });
});
