import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digest, digestNameForOid, verifyAsn1Signature } from './algorithms.ts';
import { Certificate } from './certificate.ts';

const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';

export interface TimestampResult {
  readonly genTime: Date;
  readonly tsa: Certificate;
}

export class TimestampError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimestampError';
  }
}

/**
 * Verifies an RFC 3161 time-stamp token over `imprintSource` (for XAdES: the canonical
 * SignatureValue element). Checked here, not with pkijs' SignedData.verify, because that uses
 * "now" and the last certificate as signer; here the signer is found by its SignerIdentifier.
 */
export function checkTimestamp(token: Uint8Array, imprintSource: Uint8Array): TimestampResult {
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(token);
    if (info.contentType !== SIGNED_DATA) throw new TimestampError('The time-stamp is not a CMS SignedData.');
    signed = new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError('The time-stamp token cannot be read.');
  }
  if (signed.encapContentInfo.eContentType !== TST_INFO || !signed.encapContentInfo.eContent) throw new TimestampError('The time-stamp token holds no TSTInfo.');
  const content = octets(signed.encapContentInfo.eContent);
  const tst = pkijs.TSTInfo.fromBER(content);
  const signer = signed.signerInfos[0];
  if (!signer || signed.signerInfos.length !== 1) throw new TimestampError('The time-stamp must have exactly one signer.');

  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => Certificate.fromDer(new Uint8Array(c.toSchema().toBER())));
  const tsa = certs.find((c) => signerIdentifies(signer.sid, c));
  if (!tsa) throw new TimestampError("The time-stamp authority's certificate is not in the token.");

  const hash = digestNameForOid(signer.digestAlgorithm.algorithmId);
  if (!signer.signedAttrs) throw new TimestampError('The time-stamp has no signed attributes.');
  const attr = (oid: string) => signer.signedAttrs!.attributes.find((a) => a.type === oid)?.values[0];
  const md = attr(MESSAGE_DIGEST);
  const ct = attr(CONTENT_TYPE);
  if (!(md instanceof asn1js.OctetString) || Buffer.compare(Buffer.from(md.valueBlock.valueHexView), digest(hash, content)) !== 0) throw new TimestampError('The time-stamp content does not match its signed digest.');
  if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== TST_INFO) throw new TimestampError('The time-stamp content type is not TSTInfo.');

  // The signature covers the DER SET OF the signed attributes, not the [0] IMPLICIT form.
  const signedBytes = new Uint8Array(signer.signedAttrs.encodedValue.slice(0));
  signedBytes[0] = 0x31;
  if (!verifyAsn1Signature(signer.signatureAlgorithm.algorithmId, signer.digestAlgorithm.algorithmId, tsa.publicKey, signedBytes, signer.signature.valueBlock.valueHexView)) {
    throw new TimestampError('The time-stamp signature does not verify.');
  }
  const imprintHash = digestNameForOid(tst.messageImprint.hashAlgorithm.algorithmId);
  if (Buffer.compare(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView), digest(imprintHash, imprintSource)) !== 0) {
    throw new TimestampError('The time-stamp is not over this signature.');
  }
  if (!tsa.extendedKeyUsage.includes('1.3.6.1.5.5.7.3.8')) throw new TimestampError('The time-stamp was not made by a time-stamping certificate.');
  return { genTime: tst.genTime, tsa };
}

function octets(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return value.valueBlock.valueHexView;
  return Buffer.concat(value.valueBlock.value.map((v) => Buffer.from((v as asn1js.OctetString).valueBlock.valueHexView)));
}

function signerIdentifies(sid: unknown, cert: Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = Buffer.from(sid.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^(00)+(?=.)/, '');
    return serial === cert.serialHex && sid.issuer.isEqual(cert.asn.issuer);
  }
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
    const bytes = sid instanceof asn1js.Primitive ? sid.valueBlock.valueHexView : (sid.valueBlock.value[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView;
    return !!bytes && Buffer.from(bytes).toString('hex') === cert.subjectKeyIdentifier;
  }
  return false;
}
