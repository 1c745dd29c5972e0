import * as asn1js from 'asn1js';
import { digest, digestNameForOid, UnsupportedAlgorithmError, verifyAsn1Signature } from './algorithms.ts';
import { Certificate } from './certificate.ts';
import { DerShapeError, isTime, raw } from './der.ts';
import { UnsafeInputError } from './errors.ts';
import type { LtvData } from './pades-ltv.ts';
import { NotSignedDataError, readSignedData, signerIdentifies, type SignedDataView, type SignerView } from './signed-data.ts';
import { judgeSigner, recordSigner, verifiedCrl, verifiedOcsp, verifiedTimestamp } from './signer-checks.ts';
import type { TrustedList } from './trusted-list.ts';
import { VerdictBuilder, type SignatureScope, type SignatureVerdict } from './verdict.ts';

export const OID_CMS = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  revocationValues: '1.2.840.113549.1.9.16.2.24',
  adbeRevocationInfoArchival: '1.2.840.113583.1.1.8',
  ocspResponseRevInfo: '1.3.6.1.5.5.7.16.2',
  basicOcsp: '1.3.6.1.5.5.7.48.1.1',
} as const;

/** Largest CMS structure accepted (signatures with their certificates and revocation data). */
const MAX_CMS_BYTES = 4 * 1024 * 1024;

export interface CmsContext {
  /** The signed bytes of a detached signature (`.p7s`, a PDF byte range, an S/MIME part). */
  readonly content?: Uint8Array;
  readonly trustedList: TrustedList;
  /** Validation time; never read from the clock here. */
  readonly at: Date;
  /** Validation data from outside the CMS (a PAdES Document Security Store). */
  readonly ltv?: LtvData;
  /** What the content is, for the verdict's scope (a PDF revision, an e-mail part). */
  readonly scope?: SignatureScope;
  /** A later document time-stamp covers this signature (PAdES-LTA). */
  readonly archiveTimestamp?: boolean;
}

export interface CmsResult {
  readonly signatures: readonly SignatureVerdict[];
  readonly reasons: readonly string[];
  /** The enveloped content (`.p7m`), for showing what was signed. */
  readonly content: Uint8Array | null;
}

/**
 * Verifies a CMS SignedData (CAdES; also the engine of PAdES and S/MIME) over the exact content.
 *
 * Primary course: each SignerInfo → its certificate found by the SignerIdentifier and bound by
 * the ESS signing-certificate(-v2) digest → messageDigest equals the digest of the content →
 * the signature over the DER signed attributes verifies with that certificate's key → the
 * signature time-stamp gives the trusted time → embedded OCSP (CAdES revocationValues, the CMS
 * OCSP RevocationInfoChoice, or Adobe's revocation archive), else a CRL of the signer's CA from
 * the same places → the shared trusted-list policy.
 * Not a library's SignedData.verify: those use "now", and skip revocation (docs/design.md §6).
 */
export function verifyCms(der: Uint8Array, ctx: CmsContext): CmsResult {
  let signed: SignedDataView;
  try {
    if (der.length > MAX_CMS_BYTES) throw new UnsafeInputError(`The signature is larger than ${MAX_CMS_BYTES / 1024 / 1024} MB.`);
    signed = readSignedData(trimDer(der));
  } catch (error) {
    if (error instanceof UnsafeInputError) return { signatures: [], reasons: [error.message], content: null };
    if (error instanceof NotSignedDataError) return { signatures: [], reasons: ['The file is a CMS structure, but not a signature (SignedData).'], content: null };
    return { signatures: [], reasons: ['The signature (CMS SignedData) cannot be read.'], content: null };
  }
  const enveloped = signed.eContent;
  // What the reader sees (an S/MIME part, a PDF's byte ranges, the given file) is what is judged:
  // an embedded copy inside a detached signature's place never stands in for it.
  const content = ctx.content ?? enveloped ?? null;
  if (!content) return { signatures: [], reasons: ['The signature is detached: the signed file must be given with it.'], content: null };
  if (signed.signers.length === 0) return { signatures: [], reasons: ['The file holds no signature.'], content: enveloped };

  const ltvCerts = (ctx.ltv?.certs ?? []).flatMap((der) => {
    try {
      return [Certificate.fromDer(der)];
    } catch {
      return [];
    }
  });
  const scope: SignerScope = {
    content,
    certs: [...signed.certificates, ...ltvCerts],
    otherOcsp: [...signed.ocspResponses, ...(ctx.ltv?.ocsp ?? [])],
    crls: [...signed.crls, ...(ctx.ltv?.crls ?? [])],
    eContentType: signed.eContentType,
    ctx,
  };
  const signatures = signed.signers.map((signer) => {
    const v = new VerdictBuilder();
    if (ctx.content && enveloped && Buffer.compare(Buffer.from(ctx.content), Buffer.from(enveloped)) !== 0) {
      v.fail('HASH_FAILURE', 'The signature carries its own copy of the signed text, which differs from the part shown to the reader; the shown part is what counts.');
    }
    v.scope.push(ctx.scope ?? { name: enveloped && !ctx.content ? 'enveloped content' : 'detached content', kind: 'FULL', description: `The whole signed content (${content.length} bytes).` });
    try {
      verifySigner(signer, scope, v);
    } catch (error) {
      if (error instanceof UnsafeInputError) v.fail('FORMAT_FAILURE', error.message);
      else if (error instanceof UnsupportedAlgorithmError) v.fail('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', error.message);
      else if (error instanceof DerShapeError) v.fail('FORMAT_FAILURE', 'The signature (CMS SignerInfo) cannot be read.');
      else throw error;
    }
    return v.build();
  });
  return { signatures, reasons: [], content: enveloped };
}

interface SignerScope {
  readonly content: Uint8Array;
  readonly certs: readonly Certificate[];
  readonly otherOcsp: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly eContentType: string;
  readonly ctx: CmsContext;
}

function verifySigner(signer: SignerView, s: SignerScope, v: VerdictBuilder): void {
  const cert = s.certs.find((c) => signerIdentifies(signer.sid, c));
  if (!cert) {
    v.fail('NO_SIGNING_CERTIFICATE_FOUND', "The signer's certificate is not in the signature.");
    return;
  }
  recordSigner(v, cert);
  const attrs = signer.signedAttrs;
  if (!attrs || !signer.signedAttrsDer) throw new UnsafeInputError('The signature has no signed attributes, so neither the content type nor the signing certificate is protected.');
  const attr = (id: string) => attrs.get(id)?.[0];
  const hash = digestNameForOid(signer.digestAlgorithm);

  // --- The signer committed to one certificate; another one here means key substitution.
  const binding = essBinding(attr(OID_CMS.signingCertificateV2), attr(OID_CMS.signingCertificate));
  if (!binding) v.notQualified('The signature does not name its signing certificate (ESS signing-certificate attribute), as CAdES requires.');
  else if (Buffer.compare(digest(binding.hash, cert.der), binding.certHash) !== 0) {
    v.fail('NO_SIGNING_CERTIFICATE_FOUND', "The signer's certificate is not the one committed to in the signed attributes (signing-certificate digest), so the signer cannot be trusted.");
  }

  // --- Exact content.
  const md = attr(OID_CMS.messageDigest);
  if (!(md instanceof asn1js.OctetString)) throw new UnsafeInputError('The signature has no message digest.');
  if (Buffer.compare(Buffer.from(md.valueBlock.valueHexView), digest(hash, s.content)) !== 0) v.fail('HASH_FAILURE', 'The signed content was changed after it was signed (its digest does not match).');
  const ct = attr(OID_CMS.contentType);
  if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== s.eContentType) v.fail('FORMAT_FAILURE', 'The signed content type does not match the content.');
  const st = attr(OID_CMS.signingTime);
  if (isTime(st)) v.claimedSigningTime = st.toDate();

  if (!verifyAsn1Signature(signer.signatureAlgorithm, signer.pssHashOid ?? signer.digestAlgorithm, cert.publicKey, signer.signedAttrsDer, signer.signature)) {
    v.fail('SIG_CRYPTO_FAILURE', "The signature does not verify with the signer's certificate: the signed attributes were altered, or another key signed them.");
    return;
  }
  if (v.isInvalid) return;

  const tokens = (signer.unsignedAttrs.get(OID_CMS.signatureTimeStampToken) ?? []).map(raw);
  const timestamp = verifiedTimestamp(tokens, signer.signature, v);
  // CAdES revocationValues and Adobe's archive both hold CRLs at [0] and OCSP responses at [1]:
  // CAdES as BasicOCSPResponses, Adobe as full OCSPResponses.
  const revocationValues = signer.unsignedAttrs.get(OID_CMS.revocationValues) ?? [];
  const adobeArchive = attr(OID_CMS.adbeRevocationInfoArchival);
  const ocspValues = [
    ...revocationValues.flatMap((value) => revocationEntries(value, 1).map(wrapBasicOcsp)),
    ...s.otherOcsp,
    ...revocationEntries(adobeArchive, 1),
  ];
  const ocsp = verifiedOcsp(ocspValues, cert, s.certs, s.ctx.trustedList, v);
  const crls = [...revocationValues.flatMap((value) => revocationEntries(value, 0)), ...s.crls, ...revocationEntries(adobeArchive, 0)];
  const crl = ocsp ? undefined : verifiedCrl(crls, cert, s.certs, s.ctx.trustedList, v);
  v.hasArchiveTimestamp = s.ctx.archiveTimestamp === true;
  judgeSigner(v, { signingCert: cert, timestamp, ocsp, crl, trustedList: s.ctx.trustedList, at: s.ctx.at, embedded: s.certs });
}

/** The certificate digest the signer committed to (ESS SigningCertificateV2, else v1 with SHA-1). */
function essBinding(v2: unknown, v1: unknown): { hash: string; certHash: Buffer } | undefined {
  const first = (value: unknown) => {
    const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
    return certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  };
  const id2 = first(v2);
  if (id2 instanceof asn1js.Sequence) {
    const [a, b] = id2.valueBlock.value;
    if (a instanceof asn1js.OctetString) return { hash: 'sha256', certHash: Buffer.from(a.valueBlock.valueHexView) };
    if (a instanceof asn1js.Sequence && b instanceof asn1js.OctetString) {
      const alg = a.valueBlock.value[0];
      if (alg instanceof asn1js.ObjectIdentifier) return { hash: digestNameForOid(alg.valueBlock.toString()), certHash: Buffer.from(b.valueBlock.valueHexView) };
    }
    throw new UnsafeInputError('The signing-certificate attribute cannot be read.');
  }
  const id1 = first(v1);
  if (id1 instanceof asn1js.Sequence) {
    const [a] = id1.valueBlock.value;
    if (a instanceof asn1js.OctetString) return { hash: 'sha1', certHash: Buffer.from(a.valueBlock.valueHexView) };
    throw new UnsafeInputError('The signing-certificate attribute cannot be read.');
  }
  return undefined;
}

/** The DER entries of `[tag] EXPLICIT SEQUENCE OF …` in a CAdES RevocationValues or Adobe RevocationInfoArchival. */
function revocationEntries(value: unknown, tag: number): Uint8Array[] {
  if (!(value instanceof asn1js.Sequence)) return [];
  const out: Uint8Array[] = [];
  for (const item of value.valueBlock.value) {
    if (item.idBlock.tagClass !== 3 || item.idBlock.tagNumber !== tag || !(item instanceof asn1js.Constructed)) continue;
    const list = item.valueBlock.value[0];
    if (list instanceof asn1js.Sequence) out.push(...list.valueBlock.value.map(raw));
  }
  return out;
}

/** A full OCSPResponse around a BasicOCSPResponse, the form `checkOcsp` reads. */
export function wrapBasicOcsp(basic: Uint8Array): Uint8Array {
  const responseBytes = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: OID_CMS.basicOcsp }), new asn1js.OctetString({ valueHex: basic })],
  });
  const response = new asn1js.Sequence({
    value: [new asn1js.Enumerated({ value: 0 }), new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [responseBytes] })],
  });
  return new Uint8Array(response.toBER());
}

/**
 * The DER element at the start of `der`, without trailing bytes (a PDF /Contents is padded with
 * zeros). Indefinite lengths (BER) are kept whole.
 */
export function trimDer(der: Uint8Array): Uint8Array {
  if (der.length < 2 || der[0] !== 0x30) throw new UnsafeInputError('The signature is not a DER structure.');
  const first = der[1]!;
  if (first === 0x80) return der;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4 || der.length < 2 + n) throw new UnsafeInputError('The signature is not a DER structure.');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + der[2 + i]!;
    header = 2 + n;
  }
  if (header + length > der.length) throw new UnsafeInputError('The signature is truncated.');
  return der.subarray(0, header + length);
}
