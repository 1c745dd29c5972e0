import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FlattenedSign, importPKCS8 } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifySignedFile } from '#signatures/verify-file.ts';
import type { TrustedList } from '#signatures/trusted-list.ts';
import type { IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { certDer } from '../../tools/fixtures/formats.ts';
import { fixtureTrustedList, identityFixtures } from '../support/identity-fixtures.ts';

/**
 * Detached JAdES (ETSI TS 119 182-1 §5.2.8, sigD ObjectIdByURIHash): the payload is left out and
 * the signed protected header carries the file's digest. Signed here with the fixture PKI's
 * qualified signer, the way a signing app signs a file it does not embed.
 */
let fx: IdentityFixtures;
let tl: TrustedList;
const request = new TextEncoder().encode('Prašau ištrinti mano duomenis (BDAR 17 str.).\n');

beforeAll(async () => {
  fx = await identityFixtures();
  tl = fixtureTrustedList(fx);
}, 60_000);

async function detachedJws(sigD: Record<string, unknown> | undefined): Promise<Uint8Array> {
  const key = await importPKCS8(readFileSync(fx.signers.qualified.key, 'utf8'), 'ES256');
  const x5c = [Buffer.from(certDer(fx.signers.qualified.cert)).toString('base64')];
  const header = { alg: 'ES256', x5c, sigT: '2026-11-21T10:00:00Z', crit: ['sigT', ...(sigD ? ['sigD'] : [])], ...(sigD ? { sigD } : {}) };
  const jws = await new FlattenedSign(new Uint8Array()).setProtectedHeader(header).sign(key, { crit: { sigT: true, sigD: true } });
  expect(jws.payload).toBe('');
  return new TextEncoder().encode(`${jws.protected}..${jws.signature}`);
}

const byHash = (content: Uint8Array) => ({ mId: 'http://uri.etsi.org/19182/ObjectIdByURIHash', pars: ['prasymas.txt'], hashM: 'S256', hashV: [createHash('sha256').update(content).digest('base64url')], ctys: ['text/plain'] });
const verify = (bytes: Uint8Array, content?: Uint8Array) => verifySignedFile({ bytes, fileName: 'prasymas.txt.jws', trustedList: tl, at: new Date(fx.at), ...(content ? { content } : {}) });

describe('detached JAdES', () => {
  it('verifies the signature and binds the file given beside it through the signed sigD digest', async () => {
    const jws = await detachedJws(byHash(request));
    const good = await verify(jws, request);
    expect(good.format).toBe('jades');
    expect(good.valid).toBe(true);
    expect(good.signatures[0]!.signer).toMatchObject({ surname: 'ČIURLIONIS' });
    expect(good.reasons.join('\n')).not.toMatch(/not the one the signature covers|detached/);

    const other = await verify(jws, new TextEncoder().encode('Kitas failas.\n'));
    expect(other.valid).toBe(false);
    expect(other.reasons.join('\n')).toMatch(/not the one the signature covers/);
    const missing = await verify(jws);
    expect(missing.valid).toBe(false);
    expect(missing.reasons.join('\n')).toMatch(/the signed file must be given with it/);
  });

  it('refuses an empty payload that names no signed file, and sigD kinds it does not read', async () => {
    expect((await verify(await detachedJws(undefined), request)).reasons.join('\n')).toMatch(/names no signed file \(sigD\)/);
    // Issue 13: every sigD mechanism is read; HttpHeaders signs HTTP headers no file carries.
    const http = await verify(await detachedJws({ ...byHash(request), mId: 'http://uri.etsi.org/19182/HttpHeaders' }), request);
    expect(http.valid).toBe(false);
    expect(http).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' });
    expect(http.reasons.join('\n')).toMatch(/HTTP message headers \(sigD HttpHeaders\)/);
    expect((await verify(await detachedJws({ ...byHash(request), hashM: 'MD5' }), request)).reasons.join('\n')).toMatch(/digest algorithm "MD5" is not supported/);
  });
});
