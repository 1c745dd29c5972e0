import type { Element } from '@xmldom/xmldom';
import { digest, digestNameForUri, UnsupportedAlgorithmError } from './algorithms.ts';
import { c14nMethod, canonicalize } from './c14n.ts';
import { Certificate } from './certificate.ts';
import { UnsafeInputError } from './errors.ts';
import { ocspNonce, OcspError } from './ocsp.ts';
import { judgeSigner, recordSigner, verifiedOcsp } from './signer-checks.ts';
import type { TrustedList } from './trusted-list.ts';
import { VerdictBuilder, type FileFinding, type SignatureVerdict } from './verdict.ts';
import { base64Bytes, child, children, descendants, elementsById, NS, parseXml, path, text } from './xml.ts';
import { referenceDigestMatches, references, signatureValueVerifies } from './xmldsig.ts';

/**
 * DigiDoc 1.3 (`.ddoc`, DIGIDOC-XML 1.3): the Estonian and Lithuanian archive format before
 * BDOC. One XML file holds the data files (base64 inside `<DataFile>`) and XAdES 1.1.1
 * signatures over them; the trusted time is an OCSP response whose nonce is the digest of the
 * signature value (a "time-mark"). Read-only: we verify, never write.
 */
export const DDOC_NS = 'http://www.sk.ee/DigiDoc/v1.3.0#';
const XADES_111 = 'http://uri.etsi.org/01903/v1.1.1#';
const SIGNED_PROPERTIES_TYPE = `${XADES_111}SignedProperties`;

/** DDOC files embed their data files, so they are larger than a signature file; still bounded. */
const MAX_DDOC_BYTES = 48 * 1024 * 1024;

export interface DdocResult {
  readonly signatures: readonly SignatureVerdict[];
  readonly reasons: readonly (string | FileFinding)[];
  readonly warnings: readonly string[];
}

/** A DigiDoc file starts with `<SignedDoc` (after an XML declaration and, sometimes, byte-order marks). */
export function looksLikeDdoc(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').replace(/^\uFEFF+/, '');
  return /^(<\?xml[^>]*\?>\s*)?<SignedDoc[\s>]/.test(head);
}

/** DigiDoc versions other than 1.3 (SK-XML 1.0, DIGIDOC-XML 1.1/1.2) are not judged: the caller says so. */
export class UnsupportedDdocVersionError extends Error {
  constructor(readonly version: string) {
    super(`DigiDoc ${version} files are not verified; only DIGIDOC-XML 1.3 is.`);
    this.name = 'UnsupportedDdocVersionError';
  }
}

interface DataFile {
  readonly id: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Verifies every signature of a DigiDoc 1.3 file. Primary course: parse (no DTD, bounded) →
 * each `<DataFile>` decoded → per signature: references over the canonical `<DataFile>`
 * elements and the signed properties → signing certificate bound by its digest → signature
 * value → the OCSP time-mark (its nonce is the signature value's SHA-1 digest, its digest and
 * responder certificate match the references) → the same signer checks as every format.
 * Example: `verifyDdoc(bytes, trustedList, new Date())` → `{ signatures: [S-1], reasons: [] }`.
 */
export function verifyDdoc(bytes: Uint8Array, trustedList: TrustedList, at: Date): DdocResult {
  try {
    return open(bytes, trustedList, at);
  } catch (error) {
    if (error instanceof UnsafeInputError) return { signatures: [], reasons: [error.message], warnings: [] };
    throw error;
  }
}

function open(bytes: Uint8Array, trustedList: TrustedList, at: Date): DdocResult {
  // Several byte-order marks occur in real files (digidoc4j's BOM_algusega.ddoc); the parser takes one.
  let start = 0;
  while (bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
  const doc = parseXml(bytes.subarray(start), 'The DigiDoc file', { maxBytes: MAX_DDOC_BYTES });
  const root = doc.documentElement!;
  if (root.localName !== 'SignedDoc') throw new UnsafeInputError('The file is not a DigiDoc file (no SignedDoc).');
  const format = root.getAttribute('format') ?? '';
  const version = root.getAttribute('version') ?? '';
  if (format !== 'DIGIDOC-XML' || version !== '1.3' || root.namespaceURI !== DDOC_NS) throw new UnsupportedDdocVersionError(`${format || 'format?'} ${version || 'version?'}`.trim());

  const reasons: (string | FileFinding)[] = [];
  const warnings: string[] = [];
  const dataFiles: DataFile[] = [];
  for (const el of children(root, DDOC_NS, 'DataFile')) {
    const id = el.getAttribute('Id') ?? '';
    const name = el.getAttribute('Filename') ?? id;
    const contentType = el.getAttribute('ContentType') ?? '';
    if (contentType !== 'EMBEDDED_BASE64') {
      // HASHCODE files keep only the digest: the document itself is not here to be judged.
      reasons.push({ sub: 'SIGNED_DATA_NOT_FOUND', reason: `The data file "${name}" is not embedded (content type ${contentType || 'missing'}), so what was signed is not in the file.` });
      continue;
    }
    const content = base64Bytes(el.textContent ?? '');
    const size = el.getAttribute('Size');
    if (size !== null && Number(size) !== content.length) warnings.push(`The data file "${name}" declares ${size} bytes but holds ${content.length}.`);
    dataFiles.push({ id, name, bytes: content });
  }
  if (dataFiles.length === 0 && reasons.length === 0) reasons.push('The DigiDoc file has no data files.');
  const signatureElements = children(root, NS.ds, 'Signature');
  if (signatureElements.length === 0) return { signatures: [], reasons: [...reasons, 'The DigiDoc file has no signatures.'], warnings };
  const signatures = signatureElements.map((sig) => verifyDdocSignature(sig, root, dataFiles, trustedList, at));
  if (signatures.some((s) => s.valid)) warnings.push('DigiDoc 1.3 uses SHA-1, which is no longer considered reliable for creating signatures; the signature was judged as made at its OCSP time-mark.');
  return { signatures, reasons, warnings };
}

function verifyDdocSignature(signature: Element, root: Element, dataFiles: readonly DataFile[], trustedList: TrustedList, at: Date): SignatureVerdict {
  const v = new VerdictBuilder();
  try {
    verifyInto(signature, root, dataFiles, trustedList, at, v);
  } catch (error) {
    if (error instanceof UnsafeInputError || error instanceof OcspError) v.fail('FORMAT_FAILURE', error.message);
    else if (error instanceof UnsupportedAlgorithmError) v.fail('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', error.message);
    else throw error;
  }
  return v.build();
}

/** Child by local name in either namespace: DDOC writers put DigestMethod, X509SerialNumber… in the XAdES or the XMLDSig namespace. */
function childNamed(parent: Element | undefined, localName: string): Element | undefined {
  return parent ? children(parent).find((c) => c.localName === localName) : undefined;
}

function digestMatches(holder: Element | undefined, bytes: Uint8Array): boolean {
  const method = childNamed(holder, 'DigestMethod')?.getAttribute('Algorithm');
  const value = childNamed(holder, 'DigestValue');
  if (!method || !value) throw new UnsafeInputError('A digest in the signature has no method or value.');
  return Buffer.compare(digest(digestNameForUri(method), bytes), Buffer.from(base64Bytes(text(value)))) === 0;
}

/**
 * DigiDoc 1.3 writers (libdigidoc, jdigidoc) digested SignedProperties cut out of the file as a
 * document of its own, so without the XAdES default namespace its ancestor declares. digidoc4j
 * still verifies them that way; the standard form is tried first.
 */
function standaloneDigestMatches(reference: Element, props: Element, signature: Element): boolean {
  const method = child(child(signature, NS.ds, 'SignedInfo')!, NS.ds, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
  return digestMatches(reference, Buffer.from(canonicalize(props, c14nMethod(method), undefined, true), 'utf8'));
}

function verifyInto(signature: Element, root: Element, dataFiles: readonly DataFile[], trustedList: TrustedList, at: Date, v: VerdictBuilder): void {
  const sigId = signature.getAttribute('Id') ?? '';
  const refs = references(signature);
  const propsRefs = refs.filter((r) => r.type === SIGNED_PROPERTIES_TYPE || /-SignedProperties$/.test(r.uri));
  const dataRefs = refs.filter((r) => !propsRefs.includes(r));
  if (propsRefs.length !== 1) throw new UnsafeInputError('The signature must reference its signed properties exactly once.');

  // --- Data files: each reference names one <DataFile> of this document by Id; its canonical form is what was digested.
  const covered = new Map<string, number>();
  for (const ref of dataRefs) {
    const file = ref.uri.startsWith('#') ? dataFiles.find((f) => f.id === ref.uri.slice(1)) : undefined;
    if (!file) {
      v.fail('SIGNED_DATA_NOT_FOUND', `The signature covers "${ref.uri}", which is not a data file of this DigiDoc file.`);
      continue;
    }
    const target = elementsById(root, file.id);
    if (target.length !== 1 || target[0]!.localName !== 'DataFile') throw new UnsafeInputError(`The signature reference ${ref.uri} matches ${target.length} elements.`);
    covered.set(file.id, (covered.get(file.id) ?? 0) + 1);
    if (!referenceDigestMatches(ref, signature, () => undefined)) v.fail('HASH_FAILURE', `The file "${file.name}" was changed after it was signed.`);
    else v.scope.push({ name: file.name, kind: 'FULL', description: `The whole file "${file.name}" (${file.bytes.length} bytes).` });
  }
  for (const file of dataFiles) {
    const n = covered.get(file.id) ?? 0;
    if (n === 0) v.invalid(`The file "${file.name}" is in the DigiDoc file but not covered by the signature.`);
    if (n > 1) v.invalid(`The file "${file.name}" is referenced more than once by the signature.`);
  }

  // --- Signed properties: this signature's own (XAdES 1.1.1).
  const qualifying = children(signature, NS.ds, 'Object').flatMap((o) => children(o, XADES_111, 'QualifyingProperties'));
  if (qualifying.length !== 1) throw new UnsafeInputError('The signature must have exactly one QualifyingProperties.');
  const qp = qualifying[0]!;
  if (sigId && qp.getAttribute('Target') !== `#${sigId}`) throw new UnsafeInputError('The qualifying properties belong to another signature.');
  const props = child(qp, XADES_111, 'SignedProperties');
  if (!props || `#${props.getAttribute('Id') ?? ''}` !== propsRefs[0]!.uri) throw new UnsafeInputError("The signed-properties reference does not point at this signature's signed properties.");
  if (!referenceDigestMatches(propsRefs[0]!, signature, () => undefined) && !standaloneDigestMatches(propsRefs[0]!.element, props, signature)) v.fail('HASH_FAILURE', 'The signed properties (signing time, signer certificate) were changed after signing.');
  const ssp = child(props, XADES_111, 'SignedSignatureProperties');
  const claimed = text(child(ssp ?? props, XADES_111, 'SigningTime'));
  if (claimed) v.claimedSigningTime = new Date(claimed);

  // --- Signing certificate: KeyInfo's certificate, bound by the SigningCertificate digest and serial.
  const keyInfoCerts = descendants(child(signature, NS.ds, 'KeyInfo') ?? signature, NS.ds, 'X509Certificate').map((e) => Certificate.fromDer(base64Bytes(text(e))));
  const usp = path(qp, [XADES_111, 'UnsignedProperties'], [XADES_111, 'UnsignedSignatureProperties']);
  const valueCerts = usp ? descendants(usp, XADES_111, 'EncapsulatedX509Certificate').map((e) => Certificate.fromDer(base64Bytes(text(e)))) : [];
  const cert = path(ssp, [XADES_111, 'SigningCertificate'], [XADES_111, 'Cert']);
  if (!cert) throw new UnsafeInputError('The signed properties do not name the signing certificate (SigningCertificate).');
  const serial = text(childNamed(childNamed(cert, 'IssuerSerial'), 'X509SerialNumber'));
  const signingCert = keyInfoCerts.find((c) => digestMatches(childNamed(cert, 'CertDigest'), c.der) && (!serial || serial === c.serialDecimal));
  if (!signingCert) {
    v.fail('NO_SIGNING_CERTIFICATE_FOUND', "The signer's certificate is not the one committed to in the signed properties (SigningCertificate digest), so the signer cannot be trusted.");
    return;
  }
  recordSigner(v, signingCert);
  const signatureValue = base64Bytes(text(child(signature, NS.ds, 'SignatureValue')));
  if (!signatureValueVerifies(signature, signingCert.publicKey)) v.fail('SIG_CRYPTO_FAILURE', "The signature value does not verify with the signer's certificate: the document or signature was altered, or another key signed it.");

  // --- The OCSP time-mark: about this signature (nonce), and the one its references name.
  const ocspValues = usp ? descendants(usp, XADES_111, 'EncapsulatedOCSPValue').map((e) => base64Bytes(text(e))) : [];
  if (ocspValues.length === 0) {
    v.fail('TRY_LATER', 'The signature has no OCSP confirmation, which DigiDoc requires: neither the signing time nor the certificate status is proven.');
    judgeSigner(v, { signingCert, timestamp: undefined, ocsp: undefined, trustedList, at, embedded: [...valueCerts, ...keyInfoCerts] });
    return;
  }
  const ocspDer = ocspValues[0]!;
  const nonce = ocspNonce(ocspDer);
  const boundToSignature = !!nonce && Buffer.compare(Buffer.from(nonce), digest('sha1', signatureValue)) === 0;
  const ocspRef = usp && descendants(usp, XADES_111, 'OCSPRef')[0];
  if (ocspRef && !digestMatches(childNamed(ocspRef, 'DigestAlgAndValue'), ocspDer)) {
    v.fail('FORMAT_FAILURE', 'The OCSP confirmation is not the one the signature refers to (its digest differs from CompleteRevocationRefs): it may have been replaced.');
  }
  const ocsp = verifiedOcsp([ocspDer], signingCert, [...valueCerts, ...keyInfoCerts], trustedList, v);
  const certRef = usp && descendants(usp, XADES_111, 'CompleteCertificateRefs').flatMap((r) => descendants(r, XADES_111, 'Cert'))[0];
  if (ocsp && certRef && !digestMatches(childNamed(certRef, 'CertDigest'), ocsp.responder.der)) {
    v.fail('FORMAT_FAILURE', "The OCSP responder's certificate is not the one the signature refers to (its digest differs from CompleteCertificateRefs).");
  }
  if (!boundToSignature) {
    // Without the nonce the response may have been fetched for another signature: it proves no time for this one.
    v.fail('NO_POE', "The OCSP confirmation's nonce is not the digest of this signature's value, so it does not prove when this signature existed.");
  }
  judgeSigner(v, { signingCert, timestamp: undefined, ocsp: boundToSignature ? ocsp : undefined, trustedList, at, embedded: [...valueCerts, ...keyInfoCerts] });
  if (ocsp && boundToSignature) v.info(`OCSP time-mark at ${ocsp.producedAt.toISOString()} (DigiDoc 1.3).`);
}
