import { Certificate } from './certificate.ts';
import { algorithm, attributes, contextElement, DerShapeError, decode, elements, explicitInner, integerHex, isContext, octets, oid, raw, type Block } from './der.ts';

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_OCSP_RESPONSE_REVINFO = '1.3.6.1.5.5.7.16.2';

/** One SignerInfo, with the exact bytes its signature covers. */
export interface SignerView {
  /** Who signed: IssuerAndSerialNumber, or a SubjectKeyIdentifier (hex). */
  readonly sid: { readonly issuerDer: Uint8Array; readonly serialHex: string } | { readonly keyIdHex: string };
  readonly digestAlgorithm: string;
  readonly signatureAlgorithm: string;
  /** The hash named in RSASSA-PSS parameters (RFC 4055), when the algorithm is RSA-PSS. */
  readonly pssHashOid?: string;
  readonly signature: Uint8Array;
  /** Signed attributes by type; undefined when the SignerInfo has none. */
  readonly signedAttrs?: ReadonlyMap<string, Block[]>;
  /** The DER SET OF the signed attributes: the signature covers this, not the [0] IMPLICIT form. */
  readonly signedAttrsDer?: Uint8Array;
  readonly unsignedAttrs: ReadonlyMap<string, Block[]>;
}

export interface SignedDataView {
  readonly eContentType: string;
  /** The enveloped content; null for a detached signature. */
  readonly eContent: Uint8Array | null;
  /** The certificates carried, each from its exact DER (unreadable ones left out). */
  readonly certificates: readonly Certificate[];
  /** OCSP responses carried as CMS "other" revocation info (RFC 5940). */
  readonly ocspResponses: readonly Uint8Array[];
  /** CRLs (CertificateList DER) among the revocation choices. */
  readonly crls: readonly Uint8Array[];
  readonly signers: readonly SignerView[];
}

/**
 * Reads a CMS ContentInfo holding SignedData (RFC 5652 §5). Throws `DerShapeError` when the
 * bytes are not one, or `NotSignedDataError` when they are CMS of another content type.
 */
export function readSignedData(der: Uint8Array): SignedDataView {
  const what = 'CMS SignedData';
  const [contentType, content] = elements(decode(der, what, true), what);
  if (oid(contentType, what) !== OID_SIGNED_DATA) throw new NotSignedDataError();
  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates,
  // [1] crls, signerInfos }: the optional parts are told apart by their tags.
  const fields = elements(explicitInner(content, what), what);
  const encap = elements(fields[2], what);
  const signerInfos = fields[fields.length - 1];
  const eContent = encap[1] && isContext(encap[1], 0) ? octets(explicitInner(encap[1], what), what) : null;

  const certificates = present(contextElement(fields, 0), what).flatMap((choice) => {
    // Only the plain certificate choice (a SEQUENCE); attribute and other certificates are tagged.
    if (choice.idBlock.tagClass !== 1) return [];
    try {
      return [Certificate.fromDer(raw(choice))];
    } catch {
      return [];
    }
  });
  const revocationChoices = present(contextElement(fields, 1), what);
  // RevocationInfoChoice: a CertificateList (a SEQUENCE) or [1] OtherRevocationInfoFormat.
  const crls = revocationChoices.filter((choice) => choice.idBlock.tagClass === 1).map(raw);
  const ocspResponses = revocationChoices.flatMap((choice) => {
    if (!isContext(choice, 1)) return [];
    const [format, info] = elements(choice, what);
    return oid(format, what) === OID_OCSP_RESPONSE_REVINFO && info ? [raw(info)] : [];
  });

  return {
    eContentType: oid(encap[0], what),
    eContent,
    certificates,
    ocspResponses,
    crls,
    signers: elements(signerInfos, what).map((info) => readSigner(info, what)),
  };
}

function present(block: Block | undefined, what: string): Block[] {
  return block ? elements(block, what) : [];
}

export class NotSignedDataError extends Error {
  constructor() {
    super('The CMS structure is not a signature (SignedData).');
    this.name = 'NotSignedDataError';
  }
}

function readSigner(info: Block, what: string): SignerView {
  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL,
  // signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL }
  const [, sid, digestAlgorithm, ...rest] = elements(info, what);
  const signed = isContext(rest[0], 0) ? rest.shift() : undefined;
  const [signatureAlgorithm, signature, unsigned] = rest;
  if (!sid) throw new DerShapeError(what);
  let signedAttrsDer: Uint8Array | undefined;
  if (signed) {
    signedAttrsDer = raw(signed);
    signedAttrsDer[0] = 0x31;
  }
  return {
    sid: readSignerIdentifier(sid, what),
    digestAlgorithm: algorithm(digestAlgorithm, what),
    signatureAlgorithm: algorithm(signatureAlgorithm, what),
    ...pssHash(signatureAlgorithm, what),
    signature: octets(signature, what),
    ...(signed && signedAttrsDer ? { signedAttrs: attributes(signed, what), signedAttrsDer } : {}),
    unsignedAttrs: unsigned && isContext(unsigned, 1) ? attributes(unsigned, what) : new Map(),
  };
}

function readSignerIdentifier(sid: Block, what: string): SignerView['sid'] {
  // [0] IMPLICIT SubjectKeyIdentifier, or IssuerAndSerialNumber ::= SEQUENCE { issuer, serial }.
  if (isContext(sid, 0)) {
    const bytes = sid.idBlock.isConstructed ? octets(elements(sid, what)[0], what) : octets(sid, what);
    return { keyIdHex: Buffer.from(bytes).toString('hex') };
  }
  const [issuer, serial] = elements(sid, what);
  if (!issuer) throw new DerShapeError(what);
  return { issuerDer: raw(issuer), serialHex: integerHex(serial, what) };
}

/** Whether `cert` is the one a SignerIdentifier names. */
export function signerIdentifies(sid: SignerView['sid'], cert: Certificate): boolean {
  if ('keyIdHex' in sid) return sid.keyIdHex === cert.subjectKeyIdentifier;
  return sid.serialHex === cert.serialHex && Buffer.compare(Buffer.from(sid.issuerDer), Buffer.from(cert.issuerNameDer)) === 0;
}

/**
 * RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] AlgorithmIdentifier DEFAULT sha1, … }
 * (RFC 4055 §3.1). The MGF1 hash and salt length are taken as the signer's (Node detects the salt).
 */
function pssHash(signatureAlgorithm: Block | undefined, what: string): { pssHashOid?: string } {
  if (!signatureAlgorithm || algorithm(signatureAlgorithm, what) !== '1.2.840.113549.1.1.10') return {};
  const params = elements(signatureAlgorithm, what)[1];
  if (!params) return { pssHashOid: '1.3.14.3.2.26' };
  const hash = elements(params, what).find((e) => isContext(e, 0));
  if (!hash) return { pssHashOid: '1.3.14.3.2.26' };
  const inner = explicitInner(hash, what);
  return { pssHashOid: algorithm(inner, what) };
}
