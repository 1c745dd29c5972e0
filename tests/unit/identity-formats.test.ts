import { beforeAll, describe, expect, it } from 'vitest';
import type { TrustedList } from '#signatures/trusted-list.ts';
import { detectFormat, verifySignedFile } from '#signatures/verify-file.ts';
import { readZip } from '#signatures/zip.ts';
import { CASES, FORMATS, type FixtureCase, type FixtureFormat, type IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { writeZip } from '../../tools/fixtures/zip-write.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../support/identity-fixtures.ts';

let fx: IdentityFixtures;
let tl: TrustedList;
let at: Date;

beforeAll(async () => {
  fx = await identityFixtures();
  tl = fixtureTrustedList(fx);
  at = new Date(fx.at);
}, 60_000);

/** What each generated case must come to, in every format (issue 5 "Done when"). */
const EXPECTED: Readonly<Record<FixtureCase, { valid: boolean; qualified: boolean; reason: RegExp | null }>> = {
  qualified: { valid: true, qualified: true, reason: null },
  'non-qualified': { valid: true, qualified: false, reason: /not a qualified certificate/ },
  expired: { valid: false, qualified: false, reason: /not valid at the signing time .* \(valid 2020-01-01 to 2021-01-01\)/ },
  revoked: { valid: false, qualified: false, reason: /revoked on \d{4}-\d\d-\d\d \(OCSP\)/ },
  'untrusted-ca': { valid: true, qualified: false, reason: /not a qualified certificate authority \(CA\/QC\) in the trusted list/ },
  'tampered-content': { valid: false, qualified: false, reason: /changed after it was signed|content or the signed header was changed/ },
  // CMS says "signed attributes", JAdES "signed header", XAdES "signed properties".
  'tampered-signed-attribute': { valid: false, qualified: false, reason: /signed attributes were altered|signed header was changed|signed properties .* were changed after signing/ },
  'wrong-signer': { valid: false, qualified: false, reason: /not the one committed to|another key signed it/ },
};

const FORMAT_NAME: Readonly<Record<FixtureFormat, string>> = { asice: 'asice', 'cades-detached': 'cades', 'cades-enveloping': 'cades', pades: 'pades', smime: 'smime', jades: 'jades' };
const TABLE = FORMATS.flatMap((format) => CASES.map((c) => [format, c] as const));

async function judge(format: FixtureFormat, c: FixtureCase) {
  const f = fx.files[format][c];
  return verifySignedFile({ bytes: readBytes(f.file), fileName: f.file, trustedList: tl, at, ...(f.content ? { content: readBytes(f.content) } : {}) });
}

describe('verifySignedFile on generated fixtures', () => {
  it.each(TABLE)('judges %s / %s as expected', async (format, c) => {
    const verdict = await judge(format, c);
    const want = EXPECTED[c];
    expect(verdict.format).toBe(FORMAT_NAME[format]);
    expect({ valid: verdict.valid, qualified: verdict.qualified }).toEqual({ valid: want.valid, qualified: want.qualified });
    if (want.reason) expect(verdict.reasons.join('\n')).toMatch(want.reason);
    else expect(verdict.reasons).toEqual([]);
  });

  it.each(FORMATS)('reports the signer, certificate digest and trusted signing time for %s', async (format) => {
    const verdict = await judge(format, 'qualified');
    const sig = verdict.signatures[0]!;
    expect(sig.signer).toMatchObject({ givenName: 'ŽYDRŪNAS', surname: 'ČIURLIONIS', serialNumber: 'PNOLT-38001010000', country: 'LT' });
    expect(sig.signerCertificateSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sig.signingTime?.getTime()).toBeGreaterThanOrEqual(new Date(fx.generatedAt).getTime() - 5_000);
    expect(verdict.trustedList).toMatchObject({ territory: 'LT', sequenceNumber: 7 });
  });
});

describe('verifyAsice', () => {
  /** The qualified container rewritten entry by entry (same order, mimetype stored unless `edit` says otherwise). */
  const rewritten = (edit: (entries: Array<{ name: string; bytes: Uint8Array; store?: boolean }>) => void) => {
    const entries = readZip(readBytes(fx.files.asice.qualified.file)).map((e) => ({ name: e.name, bytes: e.bytes, store: e.method === 0 }));
    edit(entries);
    return verifySignedFile({ bytes: writeZip(entries), fileName: 'request.asice', trustedList: tl, at });
  };

  it('still verifies when only rewritten (the writer and reader agree)', async () => {
    await expect(rewritten(() => undefined)).resolves.toMatchObject({ format: 'asice', valid: true, qualified: true });
  });

  it('rejects a file added after signing, even when the manifest lists it', async () => {
    const verdict = await rewritten((entries) => {
      const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml')!;
      manifest.bytes = Buffer.from(Buffer.from(manifest.bytes).toString('utf8').replace('</manifest:manifest>', '<manifest:file-entry manifest:full-path="extra.txt" manifest:media-type="text/plain"/></manifest:manifest>'));
      entries.splice(3, 0, { name: 'extra.txt', bytes: Buffer.from('unsigned') });
    });
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons).toContain('The file "extra.txt" is in the container but not covered by the signature.');
  });

  it('rejects a container whose mimetype is compressed', async () => {
    const verdict = await rewritten((entries) => {
      entries[0]!.store = false;
    });
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons).toContain('The "mimetype" file of the container is compressed; ASiC requires it stored.');
  });
});

describe('verifyPades', () => {
  it('rejects a PDF with an incremental update appended after the signature', async () => {
    const verdict = await verifySignedFile({ bytes: readBytes(fx.padesIncremental), trustedList: tl, at });
    expect(verdict).toMatchObject({ valid: false, qualified: false });
    expect(verdict.reasons[0]).toMatch(/changed after it was signed: an update adds a \/Annot object, in \d+ bytes that no signature covers/);
  });

  it('rejects a byte range that leaves out more than the signature value', async () => {
    const pdf = Buffer.from(readBytes(fx.files.pades.qualified.file));
    const text = pdf.toString('latin1');
    const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)/.exec(text)!;
    const shifted = `/ByteRange [0 ${Number(m[1]) - 10} ${m[2]} ${m[3]}`;
    pdf.write(shifted.padEnd(m[0].length, ' '), m.index, 'latin1');
    const verdict = await verifySignedFile({ bytes: new Uint8Array(pdf), trustedList: tl, at });
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons.join('\n')).toMatch(/byte range does not cover the file except exactly its own signature value/);
  });

  it('says an unsigned PDF is not signed', async () => {
    const verdict = await verifySignedFile({ bytes: new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n')), trustedList: tl, at });
    expect(verdict.reasons).toEqual(['The PDF is not signed.']);
  });
});

describe('verifyCms (CAdES)', () => {
  it('asks for the signed file when a detached signature comes alone', async () => {
    const verdict = await verifySignedFile({ bytes: readBytes(fx.files['cades-detached'].qualified.file), trustedList: tl, at });
    expect(verdict.reasons).toEqual(['The signature is detached: the signed file must be given with it.']);
  });

  it('reads a PEM-armoured .p7m', async () => {
    const der = Buffer.from(readBytes(fx.files['cades-enveloping'].qualified.file));
    const pem = `-----BEGIN PKCS7-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PKCS7-----\n`;
    const verdict = await verifySignedFile({ bytes: new Uint8Array(Buffer.from(pem)), fileName: 'request.p7m', trustedList: tl, at });
    expect(verdict).toMatchObject({ format: 'cades', valid: true, qualified: true });
  });
});

describe('verifySmime', () => {
  it('accepts a message whose line ends were turned into bare LF in storage', async () => {
    const lf = Buffer.from(Buffer.from(readBytes(fx.files.smime.qualified.file)).toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    const verdict = await verifySignedFile({ bytes: new Uint8Array(lf), trustedList: tl, at });
    expect(verdict).toMatchObject({ format: 'smime', valid: true, qualified: true });
  });

  it('refuses a signed message with a third part smuggled in', async () => {
    const text = Buffer.from(readBytes(fx.files.smime.qualified.file)).toString('latin1');
    const boundary = /boundary="([^"]+)"/.exec(text)![1]!;
    const extra = text.replace(`\r\n--${boundary}\r\nContent-Type: application/pkcs7`, `\r\n--${boundary}\r\nContent-Type: text/plain\r\n\r\nunsigned extra\r\n--${boundary}\r\nContent-Type: application/pkcs7`);
    const verdict = await verifySignedFile({ bytes: new Uint8Array(Buffer.from(extra, 'latin1')), trustedList: tl, at });
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons[0]).toMatch(/exactly two parts/);
  });
});

describe('verifyJades', () => {
  it('verifies a compact JWS but calls it not qualified without time-stamp and OCSP', async () => {
    const verdict = await verifySignedFile({ bytes: readBytes(fx.jadesCompact), fileName: 'request.jws', trustedList: tl, at });
    expect(verdict).toMatchObject({ format: 'jades', valid: true, qualified: false });
    expect(verdict.reasons.join('\n')).toMatch(/no time-stamp or time-mark/);
  });

  it('refuses a JWS whose algorithm is HMAC or none', async () => {
    const good = JSON.parse(Buffer.from(readBytes(fx.files.jades.qualified.file)).toString('utf8')) as { protected: string };
    const header = JSON.parse(Buffer.from(good.protected, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = { ...good, protected: Buffer.from(JSON.stringify({ ...header, alg: 'none' })).toString('base64url'), signature: '' };
    const verdict = await verifySignedFile({ bytes: new Uint8Array(Buffer.from(JSON.stringify(forged))), trustedList: tl, at });
    expect(verdict.valid).toBe(false);
  });
});

describe('detectFormat', () => {
  it.each([
    ['%PDF-1.7', 'x', 'pades'],
    ['0\x82', 'x.p7s', 'cades'],
    ['Content-Type: multipart/signed; boundary=x\r\n\r\n', 'mail', 'smime'],
    ['{"protected":"ey"}', 'x', 'jades'],
    ['eyJhbGciOiJFUzI1NiJ9.e30.abc', 'x', 'jades'],
    ['PK\x03\x04', 'x', 'asice'],
    ['hello', 'x.txt', 'unknown'],
  ])('recognises %j (%s) as %s', (head, name, format) => {
    expect(detectFormat(new Uint8Array(Buffer.from(head, 'latin1')), name)).toBe(format);
  });
});
