import { unzipSync } from 'fflate';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { MANIFEST, MANIFEST_JWS, PACK_FORMAT, sha256Hex } from './evidence-pack.ts';

export const PACK_JWS_TYPE = 'rightsdesk-evidence-pack+jws';

export type PackVerdict =
  | { readonly ok: true; readonly reference: string; readonly files: number; readonly kid: string }
  /** `file`: the first file found changed, missing or added (in manifest order), or the ZIP itself. */
  | { readonly ok: false; readonly file: string; readonly reason: string };

/**
 * Checks an evidence pack: the detached JWS over `manifest.json` against the published keys,
 * then every file against the manifest's SHA-256, in manifest order, then no file beyond it.
 *
 * Primary course: unzip → verify the seal (ES256, `kid` from the JWKS) → hash each listed file →
 * intact. Alternative: the first difference, named.
 * Example: `await verifyEvidencePack(zipBytes, jwks)` → `{ ok: false, file: 'timeline.json', reason: 'content changed (SHA-256 differs)' }`.
 */
export async function verifyEvidencePack(zip: Uint8Array, jwks: JSONWebKeySet): Promise<PackVerdict> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    return { ok: false, file: '(zip archive)', reason: `not a readable ZIP: ${error instanceof Error ? error.message : String(error)}` };
  }
  const manifestBytes = entries[MANIFEST];
  const jwsBytes = entries[MANIFEST_JWS];
  if (!manifestBytes) return { ok: false, file: MANIFEST, reason: 'missing' };
  if (!jwsBytes) return { ok: false, file: MANIFEST_JWS, reason: 'missing' };
  const [header, payload, signature] = new TextDecoder().decode(jwsBytes).trim().split('.');
  if (header === undefined || signature === undefined || payload !== '') return { ok: false, file: MANIFEST_JWS, reason: 'not a detached compact JWS' };
  let kid = '';
  try {
    const result = await compactVerify(`${header}.${Buffer.from(manifestBytes).toString('base64url')}.${signature}`, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
    if (result.protectedHeader.typ !== PACK_JWS_TYPE) return { ok: false, file: MANIFEST_JWS, reason: `unexpected typ ${String(result.protectedHeader.typ)}` };
    kid = result.protectedHeader.kid ?? '';
  } catch (error) {
    return { ok: false, file: MANIFEST, reason: `the seal does not verify over the manifest (manifest.json or manifest.jws changed, or an unknown key): ${error instanceof Error ? error.message : String(error)}` };
  }
  let manifest: { format?: unknown; reference?: unknown; files?: unknown };
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as typeof manifest;
  } catch {
    return { ok: false, file: MANIFEST, reason: 'not JSON' };
  }
  if (manifest.format !== PACK_FORMAT || !Array.isArray(manifest.files)) return { ok: false, file: MANIFEST, reason: `not a ${PACK_FORMAT} manifest` };
  const listed = new Set<string>([MANIFEST, MANIFEST_JWS]);
  for (const f of manifest.files as Array<{ path: string; sha256: string; size: number }>) {
    listed.add(f.path);
    const bytes = entries[f.path];
    if (!bytes) return { ok: false, file: f.path, reason: 'missing from the pack' };
    if (bytes.byteLength !== f.size || (await sha256Hex(bytes)) !== f.sha256) return { ok: false, file: f.path, reason: 'content changed (SHA-256 differs from the manifest)' };
  }
  const extra = Object.keys(entries).find((path) => !listed.has(path) && !path.endsWith('/'));
  if (extra) return { ok: false, file: extra, reason: 'not in the manifest (added)' };
  return { ok: true, reference: String(manifest.reference), files: manifest.files.length, kid };
}
