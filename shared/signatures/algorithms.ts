import { constants, createHash, verify as cryptoVerify, type KeyObject } from 'node:crypto';

/** XMLDSig/XAdES digest method URIs → Node hash names. */
const DIGEST_URIS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#sha224': 'sha224',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-256': 'sha3-256',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-384': 'sha3-384',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-512': 'sha3-512',
};

type SignatureScheme = { readonly hash: string; readonly key: 'rsa' | 'ec' | 'rsa-pss' };

const SIGNATURE_URIS: Readonly<Record<string, SignatureScheme>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { hash: 'sha1', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha224': { hash: 'sha224', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { hash: 'sha256', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { hash: 'sha384', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512', key: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': { hash: 'sha1', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224': { hash: 'sha224', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { hash: 'sha256', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { hash: 'sha384', key: 'ec' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { hash: 'sha512', key: 'ec' },
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': { hash: 'sha256', key: 'rsa-pss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1': { hash: 'sha384', key: 'rsa-pss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1': { hash: 'sha512', key: 'rsa-pss' },
};

/** ASN.1 digest algorithm OIDs → Node hash names. */
const DIGEST_OIDS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.8': 'sha3-256',
  '2.16.840.1.101.3.4.2.9': 'sha3-384',
  '2.16.840.1.101.3.4.2.10': 'sha3-512',
};

/** ASN.1 signature algorithm OIDs; `hash: null` means "take the digest algorithm given elsewhere". */
const SIGNATURE_OIDS: Readonly<Record<string, { hash: string | null; key: 'rsa' | 'ec' | 'rsa-pss' | 'ed25519' }>> = {
  // RSASSA-PSS: the hash comes from the algorithm's parameters (the caller passes it as digest).
  '1.2.840.113549.1.1.10': { hash: null, key: 'rsa-pss' },
  '1.3.101.112': { hash: null, key: 'ed25519' },
  '2.16.840.1.101.3.4.3.13': { hash: 'sha3-256', key: 'rsa' },
  '2.16.840.1.101.3.4.3.14': { hash: 'sha3-384', key: 'rsa' },
  '2.16.840.1.101.3.4.3.15': { hash: 'sha3-512', key: 'rsa' },
  '2.16.840.1.101.3.4.3.10': { hash: 'sha3-256', key: 'ec' },
  '2.16.840.1.101.3.4.3.11': { hash: 'sha3-384', key: 'ec' },
  '2.16.840.1.101.3.4.3.12': { hash: 'sha3-512', key: 'ec' },
  '1.2.840.113549.1.1.1': { hash: null, key: 'rsa' },
  '1.2.840.113549.1.1.5': { hash: 'sha1', key: 'rsa' },
  '1.2.840.113549.1.1.14': { hash: 'sha224', key: 'rsa' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', key: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', key: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', key: 'rsa' },
  '1.2.840.10045.2.1': { hash: null, key: 'ec' },
  '1.2.840.10045.4.1': { hash: 'sha1', key: 'ec' },
  '1.2.840.10045.4.3.1': { hash: 'sha224', key: 'ec' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', key: 'ec' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', key: 'ec' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', key: 'ec' },
};

export class UnsupportedAlgorithmError extends Error {
  constructor(what: string) {
    super(`The algorithm ${what} is not supported.`);
    this.name = 'UnsupportedAlgorithmError';
  }
}

export function digestNameForUri(uri: string): string {
  const name = DIGEST_URIS[uri];
  if (!name) throw new UnsupportedAlgorithmError(uri);
  return name;
}

export function digestNameForOid(oid: string): string {
  const name = DIGEST_OIDS[oid];
  if (!name) throw new UnsupportedAlgorithmError(oid);
  return name;
}

export function digest(hash: string, data: Uint8Array | string): Buffer {
  return createHash(hash).update(data).digest();
}

/** Verifies an XMLDSig SignatureValue (ECDSA there is r‖s, not DER). */
export function verifyXmlSignature(algorithmUri: string, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  const scheme = SIGNATURE_URIS[algorithmUri];
  if (!scheme) throw new UnsupportedAlgorithmError(algorithmUri);
  return verifyWith(scheme.key, scheme.hash, key, data, signature, 'ieee-p1363');
}

/** Verifies an ASN.1 (X.509, CMS, OCSP) signature; ECDSA there is DER. */
export function verifyAsn1Signature(signatureOid: string, digestOid: string | undefined, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  const scheme = SIGNATURE_OIDS[signatureOid];
  if (!scheme) throw new UnsupportedAlgorithmError(signatureOid);
  if (scheme.key === 'ed25519') return verifyEd25519(key, data, signature);
  const hash = scheme.hash ?? (digestOid ? digestNameForOid(digestOid) : undefined);
  if (!hash) throw new UnsupportedAlgorithmError(signatureOid);
  return verifyWith(scheme.key, hash, key, data, signature, 'der');
}

function verifyEd25519(key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  if (key.asymmetricKeyType !== 'ed25519') return false;
  try {
    return cryptoVerify(null, data, key, signature);
  } catch {
    return false;
  }
}

function verifyWith(kind: 'rsa' | 'ec' | 'rsa-pss', hash: string, key: KeyObject, data: Uint8Array, signature: Uint8Array, ecEncoding: 'der' | 'ieee-p1363'): boolean {
  const type = key.asymmetricKeyType;
  if (kind === 'ec' && type !== 'ec') return false;
  if (kind !== 'ec' && type !== 'rsa' && type !== 'rsa-pss') return false;
  try {
    if (kind === 'ec') return cryptoVerify(hash, data, { key, dsaEncoding: ecEncoding }, signature);
    if (kind === 'rsa-pss') return cryptoVerify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
    return cryptoVerify(hash, data, key, signature);
  } catch {
    return false;
  }
}
