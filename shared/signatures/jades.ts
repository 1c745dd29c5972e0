import { createHash } from 'node:crypto';
import { errors, flattenedVerify, type FlattenedJWSInput } from 'jose';
import { Certificate } from './certificate.ts';
import { wrapBasicOcsp } from './cms.ts';
import { UnsafeInputError } from './errors.ts';
import { judgeSigner, recordSigner, verifiedCrl, verifiedOcsp, verifiedTimestamp } from './signer-checks.ts';
import type { TrustedList } from './trusted-list.ts';
import { VerdictBuilder, type SignatureVerdict } from './verdict.ts';

/** Asymmetric algorithms only: an HMAC or `none` "signature" proves nothing about a person. */
const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];
/** JAdES header parameters a verifier must understand when they are marked critical. */
const JADES_CRIT = { sigT: true, sigD: false, sigX5ts: true, srCms: true, sigPl: true, srAts: true, adoTst: true, sigPId: true } as const;
const MAX_JWS_BYTES = 8 * 1024 * 1024;

export interface JadesResult {
  readonly signatures: readonly SignatureVerdict[];
  readonly reasons: readonly string[];
}

/**
 * Verifies a JAdES signature (JWS compact, flattened or general JSON serialization).
 *
 * Primary course: the protected header names the signer with `x5c` (bound because it is
 * signed; `x5t#S256` when present must match) → jose verifies the JWS with that certificate's
 * key → `sigT` is the signer's claimed time → the `sigTst` time-stamp in `etsiU` (over the
 * base64url signature) gives the trusted time → `rVals` OCSP (else CRLs) → the shared
 * trusted-list policy. A detached JAdES (empty payload) must name the signed file's digest in
 * `sigD` (ObjectIdByURIHash), and the file given as `content` must match it.
 * jose checks the signature only, never the chain (docs/design.md §6); the rest is ours.
 */
export async function verifyJades(bytes: Uint8Array, trustedList: TrustedList, at: Date, content?: Uint8Array, detachedFiles: readonly DetachedFile[] = []): Promise<JadesResult> {
  let jwss: FlattenedJWSInput[];
  try {
    jwss = parseJws(bytes);
  } catch (error) {
    if (error instanceof UnsafeInputError) return { signatures: [], reasons: [error.message] };
    throw error;
  }
  const signatures: SignatureVerdict[] = [];
  for (const jws of jwss) {
    const v = new VerdictBuilder();
    try {
      await verifyOne(jws, trustedList, at, v, content, detachedFiles);
    } catch (error) {
      if (error instanceof SignedDataNotFoundError) v.fail('SIGNED_DATA_NOT_FOUND', error.message);
      else if (error instanceof UnsafeInputError) v.fail('FORMAT_FAILURE', error.message);
      else throw error;
    }
    signatures.push(v.build());
  }
  return { signatures, reasons: [] };
}

async function verifyOne(jws: FlattenedJWSInput, trustedList: TrustedList, at: Date, v: VerdictBuilder, content: Uint8Array | undefined, files: readonly DetachedFile[]): Promise<void> {
  const header = decodeJson(jws.protected ?? '', 'The protected header');
  const detached = jws.payload === '' ? detachedData(header) : undefined;
  if (detached?.kind === 'httpHeaders') throw new SignedDataNotFoundError('The signature covers HTTP message headers (sigD HttpHeaders); they are not part of a file, so what was signed cannot be shown.');
  let signed = jws;
  if (detached?.kind === 'byUri') {
    // ObjectIdByURI: the JWS payload is the signed objects, base64url-encoded and concatenated in `pars` order.
    const objects = detached.uris.map((uri) => ({ uri, bytes: findDetached(uri, files, content, detached.uris.length) }));
    signed = { ...jws, payload: objects.map((o) => Buffer.from(o.bytes).toString('base64url')).join('') };
    for (const o of objects) v.scope.push({ name: o.uri, kind: 'FULL', description: `The whole object "${o.uri}" (${o.bytes.length} bytes), named in the signed sigD header.` });
  } else if (!detached) v.scope.push({ name: 'payload', kind: 'FULL', description: 'The JWS payload.' });
  const x5c = header.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0 || !x5c.every((c) => typeof c === 'string')) {
    throw new UnsafeInputError('The signature does not carry the signer\'s certificate in its protected header (x5c).');
  }
  const certs = (x5c as string[]).map((c) => Certificate.fromDer(new Uint8Array(Buffer.from(c, 'base64'))));
  const cert = certs[0]!;
  recordSigner(v, cert);
  const x5t = header['x5t#S256'];
  if (typeof x5t === 'string' && Buffer.from(x5t, 'base64url').compare(createHash('sha256').update(cert.der).digest()) !== 0) {
    v.fail('NO_SIGNING_CERTIFICATE_FOUND', "The signer's certificate is not the one committed to in the protected header (x5t#S256).");
    return;
  }
  if (typeof header.sigT === 'string') v.claimedSigningTime = new Date(header.sigT);
  if (header.b64 === false) throw new UnsafeInputError('Unencoded JWS payloads (b64: false) are not supported.');
  try {
    await flattenedVerify(signed, cert.publicKey, { algorithms: ALGORITHMS, crit: JADES_CRIT });
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      v.fail('SIG_CRYPTO_FAILURE', "The signature does not verify with the signer's certificate: the content or the signed header was changed, or another key signed it.");
      return;
    }
    if (error instanceof errors.JOSEError) throw new UnsafeInputError(`The JWS cannot be verified: ${error.message}`);
    throw error;
  }
  if (detached?.kind === 'byUriHash') {
    // The signature covers the header, whose sigD commits to each signed file's digest.
    const given = content ? [{ name: 'content', bytes: content }] : files;
    if (given.length === 0) throw new SignedDataNotFoundError('The signature is detached: the signed file must be given with it.');
    for (const file of given) {
      const expected = createHash(detached.hash).update(file.bytes).digest('base64url');
      if (!detached.digests.includes(expected)) {
        v.fail('HASH_FAILURE', 'The file given is not the one the signature covers (its digest is not in the signed sigD header).');
        return;
      }
      v.scope.push({ name: file.name, kind: 'DIGEST', description: `The whole file (${file.bytes.length} bytes), by its digest in the signed sigD header.` });
    }
  }
  const unsigned = etsiU(jws.header);
  const tokens = unsigned.flatMap((u) => list(record(u.sigTst)?.tstTokens)).flatMap((t) => (typeof record(t)?.val === 'string' ? [base64(record(t)!.val as string)] : []));
  const timestamp = verifiedTimestamp(tokens, new Uint8Array(Buffer.from(jws.signature, 'ascii')), v);
  // rVals entries: the base64 DER itself, or a pkiOb object `{ val }` (ETSI TS 119 182-1).
  const pkiObjects = (key: 'ocspVals' | 'crlVals') =>
    unsigned.flatMap((u) => list(record(u.rVals)?.[key])).flatMap((entry) => {
      const value = typeof entry === 'string' ? entry : record(entry)?.val;
      return typeof value === 'string' ? [base64(value)] : [];
    });
  const ocspValues = pkiObjects('ocspVals').map(wrapBasicOcsp);
  const extra = unsigned.flatMap((u) => list(u.xVals)).flatMap((x) => (typeof record(x)?.x509Cert === 'string' ? [Certificate.fromDer(base64(record(x)!.x509Cert as string))] : []));
  const ocsp = verifiedOcsp(ocspValues, cert, [...certs, ...extra], trustedList, v);
  const crl = ocsp ? undefined : verifiedCrl(pkiObjects('crlVals'), cert, [...certs, ...extra], trustedList, v);
  judgeSigner(v, { signingCert: cert, timestamp, ocsp, crl, trustedList, at, embedded: [...certs, ...extra] });
}

const SIGD_BY_URI_HASH = 'http://uri.etsi.org/19182/ObjectIdByURIHash';
const SIGD_BY_URI = 'http://uri.etsi.org/19182/ObjectIdByURI';
const SIGD_HTTP_HEADERS = 'http://uri.etsi.org/19182/HttpHeaders';

/** A detached object given beside a JAdES, by the name its sigD uses (or the file name). */
export interface DetachedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

class SignedDataNotFoundError extends UnsafeInputError {}

type Detached = { kind: 'byUriHash'; hash: string; digests: string[] } | { kind: 'byUri'; uris: string[] } | { kind: 'httpHeaders' };

/** The object a sigD URI names: by full URI, by its last path segment, or the single file given. */
function findDetached(uri: string, files: readonly DetachedFile[], content: Uint8Array | undefined, count: number): Uint8Array {
  const decoded = safeDecode(uri);
  const last = decoded.slice(decoded.lastIndexOf('/') + 1);
  const match = files.find((f) => f.name === decoded || f.name === uri || f.name === last);
  if (match) return match.bytes;
  if (count === 1 && files.length === 1) return files[0]!.bytes;
  if (count === 1 && content) return content;
  throw new SignedDataNotFoundError(`The signature covers "${decoded}", which was not given with it.`);
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
const SIGD_HASHES: Readonly<Record<string, string>> = { S256: 'sha256', S384: 'sha384', S512: 'sha512' };

/**
 * A detached JAdES names its signed objects in the protected `sigD` header (ETSI TS 119 182-1
 * §5.2.8), by one of three mechanisms: `ObjectIdByURIHash` (the digests are in the signed
 * header; each file given must match one), `ObjectIdByURI` (the objects themselves, in `pars`
 * order, are the payload), `HttpHeaders` (HTTP message headers, which no file carries).
 */
function detachedData(header: Record<string, unknown>): Detached {
  const sigD = record(header.sigD);
  if (!sigD) throw new SignedDataNotFoundError('The JWS has no payload and names no signed file (sigD).');
  if (sigD.mId === SIGD_HTTP_HEADERS) return { kind: 'httpHeaders' };
  if (sigD.mId === SIGD_BY_URI) {
    const uris = list(sigD.pars).filter((p): p is string => typeof p === 'string');
    if (uris.length === 0) throw new UnsafeInputError('The sigD header names no signed objects (pars).');
    return { kind: 'byUri', uris };
  }
  if (sigD.mId !== SIGD_BY_URI_HASH) throw new UnsafeInputError(`The sigD mechanism "${String(sigD.mId)}" is not one JAdES defines.`);
  const hash = typeof sigD.hashM === 'string' ? SIGD_HASHES[sigD.hashM] : undefined;
  if (!hash) throw new UnsafeInputError(`The sigD digest algorithm "${String(sigD.hashM)}" is not supported.`);
  const digests = list(sigD.hashV).filter((d): d is string => typeof d === 'string');
  if (digests.length === 0) throw new UnsafeInputError('The sigD header names no file digests.');
  return { kind: 'byUriHash', hash, digests };
}

function parseJws(bytes: Uint8Array): FlattenedJWSInput[] {
  if (bytes.length > MAX_JWS_BYTES) throw new UnsafeInputError(`The signature is larger than ${MAX_JWS_BYTES / 1024 / 1024} MB.`);
  const text = new TextDecoder().decode(bytes).trim();
  const compact = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]+)$/.exec(text);
  if (compact) return [{ protected: compact[1]!, payload: compact[2]!, signature: compact[3]! }];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UnsafeInputError('The file is neither a compact JWS nor JWS JSON.');
  }
  const o = record(json);
  if (!o) throw new UnsafeInputError('The file is neither a compact JWS nor JWS JSON.');
  // A detached JAdES leaves the payload out (or empty): its sigD header names the signed file.
  const payload = o.payload === undefined ? '' : o.payload;
  if (typeof payload !== 'string') throw new UnsafeInputError('The JWS payload is not a string.');
  const one = (s: Record<string, unknown>): FlattenedJWSInput => {
    if (typeof s.protected !== 'string' || typeof s.signature !== 'string') throw new UnsafeInputError('A JWS signature lacks its protected header or value.');
    const h = record(s.header);
    return { protected: s.protected, payload, signature: s.signature, ...(h ? { header: h } : {}) };
  };
  if (Array.isArray(o.signatures)) return o.signatures.map((s) => one(record(s) ?? {}));
  return [one(o)];
}

/** `etsiU` entries; JAdES allows each as a JSON object or as base64url-encoded JSON. */
function etsiU(header: unknown): Array<Record<string, unknown>> {
  return list(record(header)?.etsiU).flatMap((entry) => {
    if (typeof entry === 'string') {
      const decoded = record(decodeJson(entry, 'An unsigned property'));
      return decoded ? [decoded] : [];
    }
    const r = record(entry);
    return r ? [r] : [];
  });
}

function decodeJson(b64url: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(b64url, 'base64url').toString('utf8'));
    const r = record(value);
    if (r) return r;
  } catch {
    // fall through to the reason below
  }
  throw new UnsafeInputError(`${what} of the JWS is not valid JSON.`);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function base64(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, /[-_]/.test(value) ? 'base64url' : 'base64'));
}
