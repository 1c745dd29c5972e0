import type { Element } from '@xmldom/xmldom';
import { digest, digestNameForUri, UnsupportedAlgorithmError } from './algorithms.ts';
import { c14nMethod, canonicalize } from './c14n.ts';
import { Certificate } from './certificate.ts';
import { UnsafeInputError } from './errors.ts';
import { judgeSigner, recordSigner, verifiedCrl, verifiedOcsp, verifiedTimestamp } from './signer-checks.ts';
import type { TimestampResult } from './timestamp.ts';
import type { TrustedList } from './trusted-list.ts';
import { VerdictBuilder, type SignatureVerdict } from './verdict.ts';
import { base64Bytes, child, children, descendants, NS, path, text } from './xml.ts';
import { referenceDigestMatches, references, signatureValueVerifies } from './xmldsig.ts';

const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';
const DEFAULT_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

export interface XadesContext {
  /** Data files of the container by name; each must be signed exactly once. */
  readonly dataFiles: ReadonlyMap<string, Uint8Array>;
  /** Other entries a signature may also cover (ADOC signs META-INF/relations.xml). */
  readonly otherFiles?: ReadonlyMap<string, Uint8Array>;
  /** Files a container type leaves unsigned by design (ADOC's unsignable metadata): a warning, not a failure. */
  readonly unsignedByDesign?: (name: string) => boolean;
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
    if (error instanceof UnsafeInputError) v.fail('FORMAT_FAILURE', error.message);
    else if (error instanceof UnsupportedAlgorithmError) v.fail('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', error.message);
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
    const bytes = ctx.dataFiles.get(name) ?? ctx.otherFiles?.get(name);
    if (!bytes) v.fail('SIGNED_DATA_NOT_FOUND', `The signature covers a file "${name}" that is not in the container.`);
    else if (!referenceDigestMatches(ref, signature, () => bytes)) v.fail('HASH_FAILURE', `The file "${name}" was changed after it was signed.`);
    else v.scope.push({ name, kind: 'FULL', description: `The whole file "${name}" (${bytes.length} bytes).` });
  }
  for (const name of ctx.dataFiles.keys()) {
    const n = covered.get(name) ?? 0;
    if (n === 0 && ctx.unsignedByDesign?.(name)) v.warn(`The file "${name}" is not signed (the container type leaves it unsigned by design).`);
    else if (n === 0) v.invalid(`The file "${name}" is in the container but not covered by the signature.`);
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
  if (!referenceDigestMatches(propsRef, signature, () => undefined)) v.fail('HASH_FAILURE', 'The signed properties (signing time, signer certificate) were changed after signing.');

  const ssp = child(props, NS.xades, 'SignedSignatureProperties');
  const claimed = text(child(ssp ?? props, NS.xades, 'SigningTime'));
  if (claimed) v.claimedSigningTime = new Date(claimed);

  // --- Certificates: KeyInfo and CertificateValues are candidates; only the digest binds.
  const keyInfoCerts = descendants(child(signature, NS.ds, 'KeyInfo') ?? signature, NS.ds, 'X509Certificate').map((e) => Certificate.fromDer(base64Bytes(text(e))));
  const usp = path(qp, [NS.xades, 'UnsignedProperties'], [NS.xades, 'UnsignedSignatureProperties']);
  const valueCerts = usp ? children(child(usp, NS.xades, 'CertificateValues') ?? usp, NS.xades, 'EncapsulatedX509Certificate').map((e) => Certificate.fromDer(base64Bytes(text(e)))) : [];
  const signingCert = boundSigningCertificate(ssp, [...keyInfoCerts, ...valueCerts]);
  if (!signingCert) {
    v.fail('NO_SIGNING_CERTIFICATE_FOUND', "The signer's certificate is not the one committed to in the signed properties (SigningCertificate digest), so the signer cannot be trusted.");
    return;
  }
  if (keyInfoCerts.length > 0 && !keyInfoCerts.some((c) => c.equals(signingCert))) {
    v.fail('NO_SIGNING_CERTIFICATE_FOUND', 'The certificate shown in the signature differs from the one the signer committed to (possible key substitution).');
  }
  recordSigner(v, signingCert);
  if (!signatureValueVerifies(signature, signingCert.publicKey)) {
    v.fail('SIG_CRYPTO_FAILURE', "The signature value does not verify with the signer's certificate: the document or signature was altered, or another key signed it.");
    return;
  }

  // --- Trusted time, revocation and the trusted list: the same for every format.
  const timestamp = signatureTimestamp(signature, usp, v);
  const ocspValues = usp ? descendants(usp, NS.xades, 'EncapsulatedOCSPValue').map((e) => base64Bytes(text(e))) : [];
  const ocsp = verifiedOcsp(ocspValues, signingCert, [...valueCerts, ...keyInfoCerts], ctx.trustedList, v);
  const crlValues = usp ? descendants(usp, NS.xades, 'EncapsulatedCRLValue').map((e) => base64Bytes(text(e))) : [];
  const crl = ocsp ? undefined : verifiedCrl(crlValues, signingCert, [...valueCerts, ...keyInfoCerts], ctx.trustedList, v);
  judgeSigner(v, { signingCert, timestamp, ocsp, crl, trustedList: ctx.trustedList, at: ctx.at, embedded: [...valueCerts, ...keyInfoCerts] });
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
  const stamp = stamps[0];
  // None: no trusted time; several: refused by verifiedTimestamp before any is read.
  if (!stamp || stamps.length > 1) return verifiedTimestamp(stamps.map(() => new Uint8Array()), new Uint8Array(), v);
  const method = child(stamp, NS.ds, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? DEFAULT_C14N;
  const value = child(signature, NS.ds, 'SignatureValue')!;
  const imprint = Buffer.from(canonicalize(value, c14nMethod(method)), 'utf8');
  return verifiedTimestamp([base64Bytes(text(child(stamp, NS.xades, 'EncapsulatedTimeStamp')))], imprint, v);
}
