import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Certificate } from '#signatures/certificate.ts';
import { verifyCms } from '#signatures/cms.ts';
import { readSignedData, signerIdentifies } from '#signatures/signed-data.ts';
import type { TrustedList } from '#signatures/trusted-list.ts';
import type { IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { openssl } from '../../tools/fixtures/pki.ts';
import { fixtureTrustedList, identityFixtures } from '../support/identity-fixtures.ts';

/**
 * The DER readers (shared/signatures/der.ts, signed-data.ts) on CMS shapes the format fixtures do
 * not produce: a SubjectKeyIdentifier signer, a CRL among the revocation choices, BER
 * indefinite lengths with PDF-style zero padding. openssl makes each, as a real signer would.
 */
let fx: IdentityFixtures;
let tl: TrustedList;
let work: string;
const content = new TextEncoder().encode('Prašau ištrinti mano duomenis.\n');

beforeAll(async () => {
  fx = await identityFixtures();
  tl = fixtureTrustedList(fx);
  work = mkdtempSync(join(tmpdir(), 'rightsdesk-der-'));
  writeFileSync(join(work, 'content.txt'), content);
  openssl(['ca', '-gencrl', '-config', join(fx.dir, 'ca', 'issuing-ca', 'openssl.cnf'), '-crldays', '30', '-out', join(work, 'crl.pem')]);
}, 60_000);

function sign(extra: readonly string[]): Uint8Array {
  const signer = fx.signers.qualified;
  const out = join(work, `cms-${extra.join('').replace(/\W/g, '')}.der`);
  openssl(['cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-in', join(work, 'content.txt'), '-signer', signer.cert, '-inkey', signer.key, '-outform', 'DER', '-out', out, '-nodetach', ...extra]);
  return new Uint8Array(readFileSync(out));
}

describe('CMS SignedData reader', () => {
  it('finds a signer named by SubjectKeyIdentifier and verifies its signature', () => {
    const der = sign(['-keyid']);
    const view = readSignedData(der);
    const cert = Certificate.fromPemOrDer(readFileSync(fx.signers.qualified.cert));
    expect(view.signers[0]!.sid).toEqual({ keyIdHex: cert.subjectKeyIdentifier });
    expect(signerIdentifies(view.signers[0]!.sid, cert)).toBe(true);
    const result = verifyCms(der, { trustedList: tl, at: new Date(fx.at) });
    expect(result.reasons).toEqual([]);
    expect(result.signatures[0]!.signer).toMatchObject({ givenName: 'ŽYDRŪNAS', surname: 'ČIURLIONIS' });
    expect(result.signatures[0]!.reasons.join('\n')).not.toMatch(/does not verify|not in the signature|cannot be read/);
    expect(Buffer.from(result.content!).toString('utf8')).toBe('Prašau ištrinti mano duomenis.\n');
  });

  it('reads a CMS carrying a CRL among its revocation choices', () => {
    const crl = pemBody(readFileSync(join(work, 'crl.pem'), 'latin1'));
    const der = withCrl(sign([]), crl);
    expect(Buffer.from(der).includes(Buffer.from(crl))).toBe(true);
    const view = readSignedData(der);
    expect(view.certificates.map((c) => c.commonName)).toContain('ŽYDRŪNAS ČIURLIONIS');
    expect(view.ocspResponses).toEqual([]);
    const result = verifyCms(der, { trustedList: tl, at: new Date(fx.at) });
    expect(result.reasons).toEqual([]);
    expect(result.signatures[0]!.signer).toMatchObject({ surname: 'ČIURLIONIS' });
    expect(result.signatures[0]!.reasons.join('\n')).not.toMatch(/does not verify|not in the signature|cannot be read/);
  });

  it('reads a CMS streamed with indefinite lengths and padded with zeros like a PDF /Contents', () => {
    const der = sign(['-stream']);
    expect(der[1]).toBe(0x80); // indefinite length: BER, as streaming signers write it
    const padded = new Uint8Array(der.length + 512);
    padded.set(der);
    const view = readSignedData(padded);
    expect(view.signers).toHaveLength(1);
    const result = verifyCms(padded, { trustedList: tl, at: new Date(fx.at) });
    expect(result.reasons).toEqual([]);
    expect(result.signatures[0]!.reasons.join('\n')).not.toMatch(/does not verify|not in the signature|cannot be read/);
  });

  it('says a truncated or foreign structure cannot be read, without throwing', () => {
    const der = sign([]);
    expect(verifyCms(der.subarray(0, der.length - 40), { trustedList: tl, at: new Date(fx.at) }).reasons.join()).toMatch(/truncated|cannot be read/);
    const notSigned = new Uint8Array([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x00]);
    expect(verifyCms(notSigned, { trustedList: tl, at: new Date(fx.at) }).reasons).toEqual(['The file is a CMS structure, but not a signature (SignedData).']);
  });
});

function pemBody(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
}

/** The same SignedData with `crl` added as `[1] crls` (openssl cms cannot add one when signing). */
function withCrl(der: Uint8Array, crl: Uint8Array): Uint8Array {
  const info = asn1js.fromBER(der).result as asn1js.Sequence;
  const signedData = (info.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const fields = signedData.valueBlock.value;
  const crls = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [asn1js.fromBER(crl).result] });
  fields.splice(fields.length - 1, 0, crls);
  return new Uint8Array(info.toBER());
}
