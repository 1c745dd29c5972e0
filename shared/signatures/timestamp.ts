import * as asn1js from 'asn1js';
import { digest, digestNameForOid, verifyAsn1Signature } from './algorithms.ts';
import type { Certificate } from './certificate.ts';
import { algorithm, decode, elements, octets, time } from './der.ts';
import { readSignedData, signerIdentifies, type SignedDataView } from './signed-data.ts';

const TST_INFO = '1.2.840.113549.1.9.16.1.4';
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
 * SignatureValue element). Checked here, not with a library's SignedData.verify, because that uses
 * "now" and the last certificate as signer; here the signer is found by its SignerIdentifier.
 */
export function checkTimestamp(token: Uint8Array, imprintSource: Uint8Array): TimestampResult {
  let signed: SignedDataView;
  let tst: TstInfo;
  let content: Uint8Array;
  try {
    signed = readSignedData(token);
    if (signed.eContentType !== TST_INFO || !signed.eContent) throw new TimestampError('The time-stamp token holds no TSTInfo.');
    content = signed.eContent;
    tst = readTstInfo(content);
  } catch (error) {
    if (error instanceof TimestampError) throw error;
    throw new TimestampError('The time-stamp token cannot be read.');
  }
  const signer = signed.signers[0];
  if (!signer || signed.signers.length !== 1) throw new TimestampError('The time-stamp must have exactly one signer.');

  const tsa = signed.certificates.find((c) => signerIdentifies(signer.sid, c));
  if (!tsa) throw new TimestampError("The time-stamp authority's certificate is not in the token.");

  const hash = digestNameForOid(signer.digestAlgorithm);
  if (!signer.signedAttrs || !signer.signedAttrsDer) throw new TimestampError('The time-stamp has no signed attributes.');
  const md = signer.signedAttrs.get(MESSAGE_DIGEST)?.[0];
  const ct = signer.signedAttrs.get(CONTENT_TYPE)?.[0];
  if (!(md instanceof asn1js.OctetString) || Buffer.compare(Buffer.from(md.valueBlock.valueHexView), digest(hash, content)) !== 0) throw new TimestampError('The time-stamp content does not match its signed digest.');
  if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== TST_INFO) throw new TimestampError('The time-stamp content type is not TSTInfo.');

  if (!verifyAsn1Signature(signer.signatureAlgorithm, signer.digestAlgorithm, tsa.publicKey, signer.signedAttrsDer, signer.signature)) {
    throw new TimestampError('The time-stamp signature does not verify.');
  }
  if (Buffer.compare(Buffer.from(tst.hashedMessage), digest(digestNameForOid(tst.imprintAlgorithm), imprintSource)) !== 0) {
    throw new TimestampError('The time-stamp is not over this signature.');
  }
  if (!tsa.extendedKeyUsage.includes('1.3.6.1.5.5.7.3.8')) throw new TimestampError('The time-stamp was not made by a time-stamping certificate.');
  return { genTime: tst.genTime, tsa };
}

interface TstInfo {
  readonly imprintAlgorithm: string;
  readonly hashedMessage: Uint8Array;
  readonly genTime: Date;
}

/** TSTInfo ::= SEQUENCE { version, policy, messageImprint SEQUENCE { hashAlgorithm, hashedMessage }, serialNumber, genTime, … } (RFC 3161). */
function readTstInfo(der: Uint8Array): TstInfo {
  const what = 'TSTInfo';
  const [, , imprint, , genTime] = elements(decode(der, what), what);
  const [hashAlgorithm, hashedMessage] = elements(imprint, what);
  return { imprintAlgorithm: algorithm(hashAlgorithm, what), hashedMessage: octets(hashedMessage, what), genTime: time(genTime, what) };
}
