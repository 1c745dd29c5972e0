import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Certificate } from '#signatures/certificate.ts';
import type { TrustedList } from '#signatures/trusted-list.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';
import { provesIdentity } from '#usecases/identity/verify-qes-attachments.ts';
import { openssl } from '../../tools/fixtures/pki.ts';
import type { IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { fixtureTrustedList, identityFixtures } from '../support/identity-fixtures.ts';

let fx: IdentityFixtures;
let tl: TrustedList;
let at: Date;
let dir: string;

beforeAll(async () => {
  fx = await identityFixtures();
  tl = fixtureTrustedList(fx);
  at = new Date(fx.at);
  dir = mkdtempSync(join(tmpdir(), 'rightsdesk-attacker-'));
}, 60_000);

/**
 * An attacker's CA that copies the trusted issuing CA's subject name and key identifier (so the
 * issuer name and authority key identifier of its certificates look right), then a certificate
 * with the qualified signer's exact name, and a CAdES signature with it. Names and identifiers
 * prove nothing: only a chain checked by signature up to a listed certificate does.
 */
function attackerSignature(): { p7s: Uint8Array; content: Uint8Array } {
  const real = Certificate.fromPemOrDer(readFileSync(fx.pki.issuingCa));
  const ski = real.subjectKeyIdentifier!.match(/../g)!.join(':');
  const dn = (cert: Certificate) => `/${cert.subjectDn.split(', ').join('/')}`;
  const f = (name: string) => join(dir, name);
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('ca.key')]);
  openssl(['req', '-new', '-x509', '-key', f('ca.key'), '-subj', dn(real), '-days', '3650', '-set_serial', '7', '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', `subjectKeyIdentifier=${ski}`, '-out', f('ca.pem')]);
  const victim = Certificate.fromPemOrDer(readFileSync(fx.signers.qualified.cert));
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('leaf.key')]);
  openssl(['req', '-new', '-key', f('leaf.key'), '-subj', dn(victim), '-utf8', '-out', f('leaf.csr')]);
  writeFileSync(f('leaf.ext'), `keyUsage=critical,nonRepudiation\nauthorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n`);
  openssl(['x509', '-req', '-in', f('leaf.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-set_serial', '99', '-days', '3650', '-extfile', f('leaf.ext'), '-out', f('leaf.pem')]);
  const content = new TextEncoder().encode('Prašau pateikti mano asmens duomenų kopiją.\n');
  writeFileSync(f('content.txt'), content);
  openssl(['cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-in', f('content.txt'), '-signer', f('leaf.pem'), '-inkey', f('leaf.key'), '-certfile', f('ca.pem'), '-outform', 'DER', '-out', f('sig.p7s'), '-nosmimecap']);
  const fake = Certificate.fromPemOrDer(readFileSync(f('ca.pem')));
  // The look-alike really looks alike: same name, same key identifier, another key.
  expect(fake.subjectDn).toBe(real.subjectDn);
  expect(fake.subjectKeyIdentifier).toBe(real.subjectKeyIdentifier);
  expect(fake.sha256).not.toBe(real.sha256);
  return { p7s: new Uint8Array(readFileSync(f('sig.p7s'))), content };
}

describe('an attacker root with the trusted CA’s name and key identifier', () => {
  it('is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND, never TOTAL_PASSED, and proves no identity', async () => {
    const { p7s, content } = attackerSignature();
    const v = await verifySignedFile({ bytes: p7s, fileName: 'request.txt.p7s', content, trustedList: tl, at });
    const sig = v.signatures[0]!;
    expect(sig.signer).toMatchObject({ serialNumber: fx.signers.qualified.serialNumber });
    // Intact, as before ("valid" keeps its meaning), but never trusted.
    expect(v.valid).toBe(true);
    expect(v).toMatchObject({ qualified: false, indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', signatureLevel: 'INDETERMINATE_AdESig' });
    expect(sig.certificateChain.some((c) => c.trustAnchor)).toBe(false);
    expect(provesIdentity(v)).toBe(false);
  });
});
