import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList, type TrustedList } from '#signatures/trusted-list.ts';
import { generateIdentityFixtures, type IdentityFixtures } from '../../tools/fixtures/generate.ts';

const GENERATOR = fileURLToPath(new URL('../../tools/fixtures/', import.meta.url));
const LOCK_STALE_MS = 120_000;

/**
 * The generated identity fixtures (tools/fixtures/generate.ts), made once per generator version
 * into the temp dir and shared by test files and workers: the first to take the lock
 * generates, the others wait for its manifest. Nothing generated is committed.
 */
export async function identityFixtures(): Promise<IdentityFixtures> {
  const hash = createHash('sha256');
  for (const name of readdirSync(GENERATOR).sort()) hash.update(name).update(readFileSync(join(GENERATOR, name)));
  const dir = join(tmpdir(), `rightsdesk-identity-fixtures-${hash.digest('hex').slice(0, 12)}`);
  const manifest = join(dir, 'manifest.json');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as IdentityFixtures;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      return await generateIdentityFixtures(dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export function fixtureTrustedList(f: IdentityFixtures): TrustedList {
  return loadTrustedList(readFileSync(f.trustedList), Certificate.fromPemOrDer(readFileSync(f.tlSigner)));
}

export const readBytes = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

/** The fixtures, their signed trusted list and the validation time they were made for. */
export async function identityContext(): Promise<{ fx: IdentityFixtures; tl: TrustedList; at: Date }> {
  const fx = await identityFixtures();
  return { fx, tl: fixtureTrustedList(fx), at: new Date(fx.at) };
}
