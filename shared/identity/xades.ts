import type { Element } from '@xmldom/xmldom';
import { digest, digestNameForUri, UnsupportedAlgorithmError } from './algorithms.ts';
import { c14nMethod, canonicalize } from './c14n.ts';
import { Certificate, OID } from './certificate.ts';
import { UnsafeInputError } from './errors.ts';
import { checkOcsp, OcspError, type OcspResult } from './ocsp.ts';
import { checkTimestamp, TimestampError, type TimestampResult } from './timestamp.ts';
import { checkIssuingCa, checkOcspResponder, checkTimestampAuthority, isoDate, isoMinute } from './trust-policy.ts';
import type { TrustedList } from './trusted-list.ts';
import { VerdictBuilder, type SignatureVerdict } from './verdict.ts';
import { base64Bytes, child, children, descendants, NS, path, text } from './xml.ts';
import { referenceDigestMatches, references, signatureValueVerifies } from './xmldsig.ts';

const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';
const DEFAULT_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
/** How far an OCSP response may precede the time-stamp (clock skew between services). */
const OCSP_BEFORE_TIMESTAMP_MS = 15 * 60 * 1000;

export interface XadesContext {
  /** Data files of the container by name; each must be signed exactly once. */
  readonly dataFiles: ReadonlyMap<string, Uint8Array>;
  readonly trustedList: TrustedList;
  /** Validation time: the list must be current then. Never read from the clock here. */
  readonly at: Date;
}

/**
 * Verifies one XAdES signature (B/T/LT) of an ASiC-E container.
 * Primary course: references over the exact data files and the SignedProperties → signing
 * certificate bound by its digest in SigningCertificate(V2) → SignatureValue with that key →
 * time-stamp over SignatureValue gives the trusted time → embedded OCSP says "good" → the
 * trusted list vouches for the CA, OCSP responder and TSA at the right moments.
 */
export function verifyXadesSignature(signature: Element, ctx: XadesContext): SignatureVerdict {
  const v = new VerdictBuilder();
  try {
    verifyInto(signature, ctx, v);
  } catch (error) {
    if (error instanceof UnsafeInputError || error instanceof UnsupportedAlgorithmError) v.invalid(error.message);
    else throw error;
  }
  return v.build();
}

function verifyInto(signature: Element, ctx: XadesContext, v: VerdictBuilder): void {
  const sigId = signature.getAttribute('Id') ?? '';
  const refs = references(signature);
  const propsRefs = refs.filter((r) => r.type === SIGNED_PROPERTIES_TYPE);
  const dataRefs = refs.filter((r) => r.type !== SIGNED_PROPERTIES_TYPE);
  if (propsRefs.length !== 1) throw new UnsafeInputError('The signature must reference its signed properties exactly once.');

  // --- Data files: exact bytes, every file signed exactly once, nothing else referenced.
  const covered = new Map<string, number>();
  for (const ref of dataRefs) {
    if (ref.uri.startsWith('#') || ref.uri === '') throw new UnsafeInputError('The signature references something other than a file of the container.');
    let name: string;
    try {
      name = decodeURIComponent(ref.uri);
    } catch {
      throw new UnsafeInputError(`The signature references a malformed file name (${ref.uri}).`);
    }
    covered.set(name, (covered.get(name) ?? 0) + 1);
    if (!ctx.dataFiles.has(name)) v.invalid(`The signature covers a file "${name}" that is not in the container.`);
    else if (!referenceDigestMatches(ref, signature, () => ctx.dataFiles.get(name))) v.invalid(`The file "${name}" was changed after it was signed.`);
  }
  for (const name of ctx.dataFiles.keys()) {
    const n = covered.get(name) ?? 0;
    if (n === 0) v.invalid(`The file "${name}" is in the container but not covered by the signature.`);
    if (n > 1) v.invalid(`The file "${name}" is referenced more than once by the signature.`);
  }

  // --- SignedProperties: the one this signature's QualifyingProperties holds.
  const propsRef = propsRefs[0]!;
  const qualifying = children(signature, NS.ds, 'Object').flatMap((o) => children(o, NS.xades, 'QualifyingProperties'));
  if (qualifying.length !== 1) throw new UnsafeInputError('The signature must have exactly one QualifyingProperties.');
  const qp = qualifying[0]!;
  if (sigId && qp.getAttribute('Target') !== `#${sigId}`) throw new UnsafeInputError('The qualifying properties belong to another signature.');
  const props = child(qp, NS.xades, 'SignedProperties');
  if (!props || `#${props.getAttribute('Id') ?? ''}` !== propsRef.uri) throw new UnsafeInputError("The signed-properties reference does not point at this signature's signed properties.");
  if (!referenceDigestMatches(propsRef, signature, () => undefined)) v.invalid('The signed properties (signing time, signer certificate) were changed after signing.');

  const ssp = child(props, NS.xades, 'SignedSignatureProperties');
  const claimed = text(child(ssp ?? props, NS.xades, 'SigningTime'));
  if (claimed) v.claimedSigningTime = new Date(claimed);

  // --- Certificates: KeyInfo and CertificateValues are candidates; only the digest binds.
  const keyInfoCerts = descendants(child(signature, NS.ds, 'KeyInfo') ?? signature, NS.ds, 'X509Certificate').map((e) => Certificate.fromDer(base64Bytes(text(e))));
  const usp = path(qp, [NS.xades, 'UnsignedProperties'], [NS.xades, 'UnsignedSignatureProperties']);
  const valueCerts = usp ? children(child(usp, NS.xades, 'CertificateValues') ?? usp, NS.xades, 'EncapsulatedX509Certificate').map((e) => Certificate.fromDer(base64Bytes(text(e)))) : [];
  const signingCert = boundSigningCertificate(ssp, [...keyInfoCerts, ...valueCerts]);
  if (!signingCert) {
    v.invalid("The signer's certificate is not the one committed to in the signed properties (SigningCertificate digest), so the signer cannot be trusted.");
    return;
  }
  if (keyInfoCerts.length > 0 && !keyInfoCerts.some((c) => c.equals(signingCert))) {
    v.invalid('The certificate shown in the signature differs from the one the signer committed to (possible key substitution).');
  }
  v.signerCertificateSha256 = signingCert.sha256;
  v.signer = {
    commonName: signingCert.commonName ?? null,
    serialNumber: signingCert.subjectAttribute(OID.serialNumber) ?? null,
    givenName: signingCert.subjectAttribute(OID.givenName) ?? null,
    surname: signingCert.subjectAttribute(OID.surname) ?? null,
    country: signingCert.subjectAttribute(OID.country) ?? null,
  };
  if (!signatureValueVerifies(signature, signingCert.publicKey)) {
    v.invalid("The signature value does not verify with the signer's certificate: the document or signature was altered, or another key signed it.");
    return;
  }

  // --- Trusted time.
  const timestamp = signatureTimestamp(signature, usp, v);
  const ocsp = embeddedOcsp(usp, signingCert, [...valueCerts, ...keyInfoCerts], ctx.trustedList, v);
  const trustedTime = timestamp?.genTime ?? ocsp?.producedAt ?? null;
  v.signingTime = trustedTime;
  if (!trustedTime) v.notQualified('The signature has no time-stamp or time-mark, so there is no trusted signing time.');

  const when = trustedTime ?? v.claimedSigningTime;
  if (when && !signingCert.validAt(when)) {
    v.invalid(`The signer's certificate was not valid at the signing time ${isoMinute(when)} (valid ${isoDate(signingCert.notBefore)} to ${isoDate(signingCert.notAfter)}).`);
  }
  if (!signingCert.keyUsage.has('nonRepudiation')) v.notQualified("The signer's certificate is not meant for signatures (no nonRepudiation key usage).");

  // --- Revocation.
  if (ocsp) {
    if (ocsp.status.kind === 'revoked') {
      if (!trustedTime || ocsp.status.at.getTime() <= trustedTime.getTime()) v.invalid(`The signer's certificate was revoked on ${isoDate(ocsp.status.at)} (OCSP).`);
    } else if (ocsp.status.kind === 'unknown') v.invalid("The OCSP responder does not know the signer's certificate.");
    if (timestamp && ocsp.producedAt.getTime() < timestamp.genTime.getTime() - OCSP_BEFORE_TIMESTAMP_MS) {
      v.notQualified('The revocation check (OCSP) was made before the signature was time-stamped, so it does not cover the signing time.');
    }
  } else if (!v.isInvalid) v.notQualified("No revocation information (OCSP) is embedded, so it cannot be shown that the signer's certificate was not revoked.");

  // --- Trusted list.
  const list = ctx.trustedList;
  if (!list.signer) v.notQualified('The trusted list was not checked against its signer certificate, so no signature can be called qualified with it.');
  if (list.nextUpdate && ctx.at.getTime() > list.nextUpdate.getTime()) v.notQualified(`The trusted list expired on ${isoDate(list.nextUpdate)}; a current list is needed.`);
  v.notQualified(...checkIssuingCa(list, signingCert, signingCert.notBefore, 'when the certificate was issued'));
  if (trustedTime) v.notQualified(...checkIssuingCa(list, signingCert, trustedTime, 'at the signing time'));
  if (ocsp) v.notQualified(...checkOcspResponder(list, ocsp.responder, ocsp.producedAt));
  if (timestamp) v.notQualified(...checkTimestampAuthority(list, timestamp.tsa, timestamp.genTime));
}

/** The candidate whose digest SigningCertificate(V2) names; the first Cert is the signer's. */
function boundSigningCertificate(ssp: Element | undefined, candidates: readonly Certificate[]): Certificate | undefined {
  const sc = ssp && (child(ssp, NS.xades, 'SigningCertificateV2') ?? child(ssp, NS.xades, 'SigningCertificate'));
  const cert = sc && child(sc, NS.xades, 'Cert');
  const certDigest = cert && child(cert, NS.xades, 'CertDigest');
  const method = certDigest && child(certDigest, NS.ds, 'DigestMethod')?.getAttribute('Algorithm');
  const value = certDigest && child(certDigest, NS.ds, 'DigestValue');
  if (!cert || !method || !value) throw new UnsafeInputError('The signed properties do not name the signing certificate (SigningCertificate).');
  const hash = digestNameForUri(method);
  const expected = Buffer.from(base64Bytes(text(value)));
  const match = candidates.find((c) => Buffer.compare(digest(hash, c.der), expected) === 0);
  const serial = text(path(cert, [NS.xades, 'IssuerSerial'], [NS.ds, 'X509SerialNumber']));
  if (match && serial && serial !== match.serialDecimal) return undefined;
  return match;
}

function signatureTimestamp(signature: Element, usp: Element | undefined, v: VerdictBuilder): TimestampResult | undefined {
  const stamps = usp ? children(usp, NS.xades, 'SignatureTimeStamp') : [];
  if (stamps.length === 0) return undefined;
  if (stamps.length > 1) {
    v.notQualified('The signature has more than one signature time-stamp, which is not supported.');
    return undefined;
  }
  const stamp = stamps[0]!;
  const method = child(stamp, NS.ds, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? DEFAULT_C14N;
  const value = child(signature, NS.ds, 'SignatureValue')!;
  const imprint = Buffer.from(canonicalize(value, c14nMethod(method)), 'utf8');
  try {
    return checkTimestamp(base64Bytes(text(child(stamp, NS.xades, 'EncapsulatedTimeStamp'))), imprint);
  } catch (error) {
    if (error instanceof TimestampError || error instanceof UnsupportedAlgorithmError) {
      v.invalid(`The signature time-stamp is not valid: ${lowerFirst(error.message)}`);
      return undefined;
    }
    throw error;
  }
}

function embeddedOcsp(usp: Element | undefined, signer: Certificate, embedded: readonly Certificate[], list: TrustedList, v: VerdictBuilder): OcspResult | undefined {
  const values = usp ? descendants(usp, NS.xades, 'EncapsulatedOCSPValue') : [];
  if (values.length === 0) return undefined;
  const pool = [...embedded, ...list.services.flatMap((s) => s.certificates)];
  const issuers = pool.filter((c) => signer.isIssuedBy(c));
  const problems: string[] = [];
  for (const value of values) {
    for (const issuer of issuers.length > 0 ? issuers : []) {
      try {
        return checkOcsp(base64Bytes(text(value)), signer, issuer, pool);
      } catch (error) {
        if (error instanceof OcspError || error instanceof UnsupportedAlgorithmError) problems.push(error.message);
        else throw error;
      }
    }
  }
  if (issuers.length === 0) problems.push("The certificate of the signer's issuer is neither in the signature nor in the trusted list.");
  v.invalid(...problems.map((p) => `Revocation data: ${lowerFirst(p)}`));
  return undefined;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
