import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digest, digestNameForOid, verifyAsn1Signature } from './algorithms.ts';
import { Certificate } from './certificate.ts';

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
 * signature is verified here (pkijs does not), with the responder certificate found among the
 * response's certificates or `candidates` by the ResponderID. Whether the responder is trusted
 * is the trust policy's question, answered with the returned `responder`.
 */
export function checkOcsp(der: Uint8Array, cert: Certificate, issuer: Certificate, candidates: readonly Certificate[]): OcspResult {
  let basic: pkijs.BasicOCSPResponse;
  try {
    const response = pkijs.OCSPResponse.fromBER(der);
    if (response.responseStatus.valueBlock.valueDec !== 0) throw new OcspError(`The OCSP responder refused the request (status ${response.responseStatus.valueBlock.valueDec}).`);
    if (!response.responseBytes || response.responseBytes.responseType !== '1.3.6.1.5.5.7.48.1.1') throw new OcspError('The OCSP response is not a basic OCSP response.');
    basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView);
  } catch (error) {
    if (error instanceof OcspError) throw error;
    throw new OcspError('The embedded OCSP response cannot be read.');
  }
  const tbs = basic.tbsResponseData;
  const pool = [...(basic.certs ?? []).map((c) => Certificate.fromDer(new Uint8Array(c.toSchema().toBER()))), ...candidates];
  const responder = pool.find((c) => responderMatches(tbs.responderID, c));
  if (!responder) throw new OcspError('The certificate of the OCSP responder is not in the signature.');
  const signed = verifyAsn1Signature(basic.signatureAlgorithm.algorithmId, undefined, responder.publicKey, tbs.tbsView, basic.signature.valueBlock.valueHexView);
  if (!signed) throw new OcspError('The OCSP response signature does not verify.');

  const single = tbs.responses.find((r) => certIdMatches(r.certID, cert, issuer));
  if (!single) throw new OcspError("The OCSP response is not about the signer's certificate.");
  return { producedAt: tbs.producedAt, responder, status: statusOf(single), thisUpdate: single.thisUpdate };
}

function responderMatches(id: unknown, cert: Certificate): boolean {
  if (id instanceof pkijs.RelativeDistinguishedNames) return id.isEqual(cert.asn.subject);
  if (id instanceof asn1js.OctetString) return Buffer.compare(Buffer.from(id.valueBlock.valueHexView), digest('sha1', cert.subjectPublicKeyBits)) === 0;
  return false;
}

function certIdMatches(id: pkijs.CertID, cert: Certificate, issuer: Certificate): boolean {
  let hash: string;
  try {
    hash = digestNameForOid(id.hashAlgorithm.algorithmId);
  } catch {
    return false;
  }
  const serial = Buffer.from(id.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^(00)+(?=.)/, '');
  return (
    serial === cert.serialHex &&
    Buffer.compare(Buffer.from(id.issuerNameHash.valueBlock.valueHexView), digest(hash, issuer.subjectNameDer)) === 0 &&
    Buffer.compare(Buffer.from(id.issuerKeyHash.valueBlock.valueHexView), digest(hash, issuer.subjectPublicKeyBits)) === 0
  );
}

function statusOf(single: pkijs.SingleResponse): OcspCertStatus {
  const status = single.certStatus as asn1js.BaseBlock; // pkijs leaves the CHOICE undecoded
  switch (status.idBlock.tagNumber) {
    case 0:
      return { kind: 'good' };
    case 1: {
      const inner = (status as asn1js.Constructed).valueBlock.value;
      const time = inner[0];
      const at = time instanceof asn1js.GeneralizedTime ? time.toDate() : new Date(NaN);
      return { kind: 'revoked', at };
    }
    default:
      return { kind: 'unknown' };
  }
}
