import * as asn1js from 'asn1js';
import { digest, digestNameForOid, verifyAsn1Signature } from './algorithms.ts';
import { Certificate } from './certificate.ts';
import { algorithm, contextElement, decode, elements, explicitInner, integerHex, isContext, octets, oid, raw, time, type Block } from './der.ts';

const OID_BASIC_OCSP = '1.3.6.1.5.5.7.48.1.1';

export type OcspCertStatus = { readonly kind: 'good' } | { readonly kind: 'revoked'; readonly at: Date; readonly reason?: number } | { readonly kind: 'unknown' };

export interface OcspResult {
  readonly producedAt: Date;
  readonly responder: Certificate;
  readonly status: OcspCertStatus;
  readonly thisUpdate: Date;
}

export class OcspError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcspError';
  }
}

/**
 * Checks an embedded OCSP response for `cert` (issued by `issuer`): the response's own
 * signature is verified here, with the responder certificate found among the
 * response's certificates or `candidates` by the ResponderID. Whether the responder is trusted
 * is the trust policy's question, answered with the returned `responder`.
 */
export function checkOcsp(der: Uint8Array, cert: Certificate, issuer: Certificate, candidates: readonly Certificate[]): OcspResult {
  let basic: BasicOcsp;
  try {
    basic = readOcspResponse(der);
  } catch (error) {
    if (error instanceof OcspError) throw error;
    throw new OcspError('The embedded OCSP response cannot be read.');
  }
  const pool = [...basic.certificates, ...candidates];
  const responder = pool.find((c) => responderMatches(basic.responderId, c));
  if (!responder) throw new OcspError('The certificate of the OCSP responder is not in the signature.');
  const signed = verifyAsn1Signature(basic.signatureAlgorithm, undefined, responder.publicKey, basic.tbsDer, basic.signature);
  if (!signed) throw new OcspError('The OCSP response signature does not verify.');

  const single = basic.responses.find((r) => certIdMatches(r, cert, issuer));
  if (!single) throw new OcspError("The OCSP response is not about the signer's certificate.");
  return { producedAt: basic.producedAt, responder, status: single.status, thisUpdate: single.thisUpdate };
}

interface SingleResponse {
  readonly hashAlgorithm: string;
  readonly issuerNameHash: Uint8Array;
  readonly issuerKeyHash: Uint8Array;
  readonly serialHex: string;
  readonly status: OcspCertStatus;
  readonly thisUpdate: Date;
}

interface BasicOcsp {
  /** The exact ResponseData bytes the responder signed. */
  readonly tbsDer: Uint8Array;
  readonly responderId: { readonly nameDer: Uint8Array } | { readonly keyHash: Uint8Array };
  readonly producedAt: Date;
  readonly responses: readonly SingleResponse[];
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly certificates: readonly Certificate[];
}

/**
 * OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT SEQUENCE
 * { responseType OID, response OCTET STRING (BasicOCSPResponse) } OPTIONAL } (RFC 6960 §4.2.1).
 */
function readOcspResponse(der: Uint8Array): BasicOcsp {
  const what = 'OCSP response';
  const [status, bytes] = elements(decode(der, what), what);
  const code = status instanceof asn1js.Enumerated ? status.valueBlock.valueDec : -1;
  if (code !== 0) throw new OcspError(`The OCSP responder refused the request (status ${code}).`);
  const [type, response] = bytes && isContext(bytes, 0) ? elements(explicitInner(bytes, what), what) : [];
  if (!type || oid(type, what) !== OID_BASIC_OCSP) throw new OcspError('The OCSP response is not a basic OCSP response.');

  // BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature BIT STRING, [0] EXPLICIT certs OPTIONAL }
  const [tbs, signatureAlgorithm, signature, certs] = elements(decode(octets(response, what), what), what);
  if (!tbs) throw new OcspError('The OCSP response is empty.');
  // ResponseData ::= SEQUENCE { [0] EXPLICIT version DEFAULT v1, responderID, producedAt, responses, [1] extensions }
  const fields = elements(tbs, what);
  const [responderId, producedAt, responses] = contextElement(fields, 0) === fields[0] ? fields.slice(1) : fields;
  return {
    tbsDer: raw(tbs),
    responderId: readResponderId(responderId, what),
    producedAt: time(producedAt, what),
    responses: elements(responses, what).map((single) => readSingleResponse(single, what)),
    signatureAlgorithm: algorithm(signatureAlgorithm, what),
    signature: octets(signature, what),
    certificates: certs && isContext(certs, 0) ? elements(explicitInner(certs, what), what).map((c) => Certificate.fromDer(raw(c))) : [],
  };
}

/** ResponderID ::= CHOICE { byName [1] EXPLICIT Name, byKey [2] EXPLICIT OCTET STRING (SHA-1 of the key) }. */
function readResponderId(block: Block | undefined, what: string): BasicOcsp['responderId'] {
  if (isContext(block, 1)) return { nameDer: raw(explicitInner(block, what)) };
  if (isContext(block, 2)) return { keyHash: octets(explicitInner(block, what), what) };
  throw new OcspError('The OCSP responder is not identified.');
}

/** SingleResponse ::= SEQUENCE { certID SEQUENCE { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber }, certStatus, thisUpdate, … }. */
function readSingleResponse(block: Block, what: string): SingleResponse {
  const [certId, certStatus, thisUpdate] = elements(block, what);
  const [hashAlgorithm, issuerNameHash, issuerKeyHash, serial] = elements(certId, what);
  return {
    hashAlgorithm: algorithm(hashAlgorithm, what),
    issuerNameHash: octets(issuerNameHash, what),
    issuerKeyHash: octets(issuerKeyHash, what),
    serialHex: integerHex(serial, what),
    status: readCertStatus(certStatus, what),
    thisUpdate: time(thisUpdate, what),
  };
}

/** CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo { revocationTime, … }, unknown [2] }. */
function readCertStatus(block: Block | undefined, what: string): OcspCertStatus {
  if (isContext(block, 0)) return { kind: 'good' };
  if (isContext(block, 1)) {
    const [revocationTime] = elements(block, what);
    return { kind: 'revoked', at: revocationTime instanceof asn1js.GeneralizedTime ? revocationTime.toDate() : new Date(Number.NaN) };
  }
  return { kind: 'unknown' };
}

function responderMatches(id: BasicOcsp['responderId'], cert: Certificate): boolean {
  if ('nameDer' in id) return Buffer.compare(Buffer.from(id.nameDer), Buffer.from(cert.subjectNameDer)) === 0;
  return Buffer.compare(Buffer.from(id.keyHash), digest('sha1', cert.subjectPublicKeyBits)) === 0;
}

function certIdMatches(single: SingleResponse, cert: Certificate, issuer: Certificate): boolean {
  let hash: string;
  try {
    hash = digestNameForOid(single.hashAlgorithm);
  } catch {
    return false;
  }
  return (
    single.serialHex === cert.serialHex &&
    Buffer.compare(Buffer.from(single.issuerNameHash), digest(hash, issuer.subjectNameDer)) === 0 &&
    Buffer.compare(Buffer.from(single.issuerKeyHash), digest(hash, issuer.subjectPublicKeyBits)) === 0
  );
}

const OID_OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';

/**
 * The nonce of an OCSP response (RFC 6960 §4.4.1), or undefined when it has none. DigiDoc binds
 * its OCSP "time-mark" to one signature by asking with a nonce that is the signature value's
 * digest, so the nonce is what proves the response was fetched for that signature.
 */
export function ocspNonce(der: Uint8Array): Uint8Array | undefined {
  const what = 'OCSP response';
  try {
    const [, bytes] = elements(decode(der, what), what);
    const [, response] = bytes && isContext(bytes, 0) ? elements(explicitInner(bytes, what), what) : [];
    const [tbs] = elements(decode(octets(response, what), what), what);
    // ResponseData's responderID byName is also [1]: the extensions are the [1] after the responses.
    const fields = elements(tbs, what);
    const extensions = fields.length >= 4 ? fields[fields.length - 1] : undefined;
    if (!extensions || !isContext(extensions, 1)) return undefined;
    for (const extension of elements(explicitInner(extensions, what), what)) {
      const parts = elements(extension, what);
      if (oid(parts[0], what) !== OID_OCSP_NONCE) continue;
      const value = octets(parts[parts.length - 1], what);
      // The extension value is normally an OCTET STRING inside the OCTET STRING; some responders put the bytes bare.
      try {
        const inner = decode(value, what);
        if (inner instanceof asn1js.OctetString) return octets(inner, what);
      } catch {
        // not DER: the raw bytes are the nonce
      }
      return value;
    }
    return undefined;
  } catch {
    throw new OcspError('The embedded OCSP response cannot be read.');
  }
}
