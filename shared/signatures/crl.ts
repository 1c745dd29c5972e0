import { verifyAsn1Signature } from './algorithms.ts';
import type { Certificate } from './certificate.ts';
import { algorithm, decode, elements, integerHex, isTime, octets, raw, time } from './der.ts';

export type CrlCertStatus = { readonly kind: 'good' } | { readonly kind: 'revoked'; readonly at: Date };

export interface CrlResult {
  /** The CA that signed the list: always the signer's own issuer (no indirect CRLs). */
  readonly issuer: Certificate;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  readonly status: CrlCertStatus;
}

export class CrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CrlError';
  }
}

interface CertificateList {
  /** The exact TBSCertList bytes the CA signed. */
  readonly tbsDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  /** Serial (hex, no leading zeros) → revocation date. */
  readonly revoked: ReadonlyMap<string, Date>;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
}

/**
 * CertificateList ::= SEQUENCE { tbsCertList SEQUENCE { version OPTIONAL, signature, issuer,
 * thisUpdate, nextUpdate OPTIONAL, revokedCertificates SEQUENCE OF SEQUENCE { userCertificate,
 * revocationDate, … } OPTIONAL, [0] crlExtensions OPTIONAL }, signatureAlgorithm, signatureValue }
 * (RFC 5280 §5.1).
 */
function readCrl(der: Uint8Array): CertificateList {
  const what = 'CRL';
  const [tbs, signatureAlgorithm, signature] = elements(decode(der, what), what);
  if (!tbs) throw new CrlError('The revocation list (CRL) is empty.');
  const fields = elements(tbs, what);
  // version is an optional INTEGER before the signature AlgorithmIdentifier (a SEQUENCE).
  const rest = fields[0]?.idBlock.tagNumber === 2 && fields[0].idBlock.tagClass === 1 ? fields.slice(1) : fields;
  const [, issuer, thisUpdate, ...tail] = rest;
  if (!issuer) throw new CrlError('The revocation list (CRL) names no issuer.');
  const nextUpdate = isTime(tail[0]) ? tail.shift() : undefined;
  const entries = tail[0] && tail[0].idBlock.tagClass === 1 ? elements(tail[0], what) : [];
  const revoked = new Map<string, Date>();
  for (const entry of entries) {
    const [serial, date] = elements(entry, what);
    revoked.set(integerHex(serial, what), time(date, what));
  }
  return {
    tbsDer: raw(tbs),
    issuerDer: raw(issuer),
    thisUpdate: time(thisUpdate, what),
    nextUpdate: nextUpdate ? time(nextUpdate, what) : null,
    revoked,
    signatureAlgorithm: algorithm(signatureAlgorithm, what),
    signature: octets(signature, what),
  };
}

/**
 * Checks an embedded CRL for `cert`: it must be issued and signed by the CA that issued `cert`
 * (`issuer`, already found by name and key), whose trust the trusted-list policy judges. Indirect
 * CRLs and delegated CRL signers are not accepted.
 */
export function checkCrl(der: Uint8Array, cert: Certificate, issuer: Certificate): CrlResult {
  let crl: CertificateList;
  try {
    crl = readCrl(der);
  } catch (error) {
    if (error instanceof CrlError) throw error;
    throw new CrlError('The embedded revocation list (CRL) cannot be read.');
  }
  if (Buffer.compare(Buffer.from(crl.issuerDer), Buffer.from(cert.issuerNameDer)) !== 0) {
    throw new CrlError("The revocation list (CRL) is not the one of the signer's certificate authority.");
  }
  if (!verifyAsn1Signature(crl.signatureAlgorithm, undefined, issuer.publicKey, crl.tbsDer, crl.signature)) {
    throw new CrlError("The revocation list (CRL) signature does not verify with the key of the signer's certificate authority.");
  }
  const revokedAt = crl.revoked.get(cert.serialHex);
  return { issuer, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate, status: revokedAt ? { kind: 'revoked', at: revokedAt } : { kind: 'good' } };
}
