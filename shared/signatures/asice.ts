import { UnsafeInputError } from './errors.ts';
import type { TrustedList } from './trusted-list.ts';
import type { SignatureVerdict } from './verdict.ts';
import { verifyXadesSignature } from './xades.ts';
import { children, NS, parseXml } from './xml.ts';
import { readZip, type ZipLimits, DEFAULT_ZIP_LIMITS } from './zip.ts';

/** ASiC-E mimetypes: ETSI (also BDOC, EDOC) and the Lithuanian ADOC. */
export const ASICE_MIMETYPES = ['application/vnd.etsi.asic-e+zip', 'application/vnd.lt.archyvai.adoc-2008', 'application/vnd.bdoc-1.0'] as const;

/** `META-INF/signatures0.xml` (ASiC-E, BDOC) and `META-INF/signatures/signatures0.xml` (ADOC). */
const SIGNATURE_FILE = /^META-INF\/(signatures\/)?[^/]*signatures[^/]*\.xml$/;

/** ADOC keeps signed metadata in `metadata/`; it is data like any other file. */
const NOT_DATA = (name: string) => name === 'mimetype' || name.startsWith('META-INF/') || name.endsWith('/');

export interface AsiceResult {
  readonly signatures: readonly SignatureVerdict[];
  /** Problems of the container as a whole; any makes the file invalid. */
  readonly reasons: readonly string[];
  /** Deviations DSS also tolerates (a misplaced `mimetype`): reported, not refused. */
  readonly warnings?: readonly string[];
}

/**
 * Opens an ASiC-E container (`.asice`, `.bdoc`, `.edoc`, `.adoc`) and verifies each XAdES
 * signature in `META-INF/*signatures*.xml` over the container's data files. Hostile
 * containers (bombs, escaping paths, DTDs) end as a reason, never as an exception.
 */
export function verifyAsice(bytes: Uint8Array, trustedList: TrustedList, at: Date, limits: ZipLimits = DEFAULT_ZIP_LIMITS): AsiceResult {
  try {
    return open(bytes, trustedList, at, limits);
  } catch (error) {
    if (error instanceof UnsafeInputError) return { signatures: [], reasons: [error.message] };
    throw error;
  }
}

function open(bytes: Uint8Array, trustedList: TrustedList, at: Date, limits: ZipLimits): AsiceResult {
  const entries = readZip(bytes, limits);
  const reasons: string[] = [];
  const warnings: string[] = [];
  // DSS reads containers whose `mimetype` is not first (DigiDoc clients, ADOC writers do this):
  // a warning, because the type is still declared; a missing or foreign type is refused.
  const mimetypeEntry = entries.find((e) => e.name === 'mimetype');
  if (!mimetypeEntry) throw new UnsafeInputError('The container has no "mimetype" file, so it is not an ASiC-E container.');
  if (entries[0] !== mimetypeEntry) warnings.push('The "mimetype" file is not the first entry of the container, as ASiC requires; the container was read anyway.');
  const mimetype = Buffer.from(mimetypeEntry.bytes).toString('utf8').trim();
  if (mimetypeEntry.method !== 0) reasons.push('The "mimetype" file of the container is compressed; ASiC requires it stored.');
  if (!(ASICE_MIMETYPES as readonly string[]).includes(mimetype)) throw new UnsafeInputError(`The container's type "${mimetype}" is not ASiC-E.`);

  const files = new Map(entries.map((e) => [e.name, e.bytes]));
  const dataFiles = new Map(entries.filter((e) => !NOT_DATA(e.name)).map((e) => [e.name, e.bytes]));

  const manifestBytes = files.get('META-INF/manifest.xml');
  if (!manifestBytes) reasons.push('The container has no manifest (META-INF/manifest.xml).');
  else {
    const manifest = parseXml(manifestBytes, 'The container manifest', { maxBytes: 1024 * 1024 });
    const listed = new Set(
      children(manifest.documentElement!, NS.manifest, 'file-entry')
        .map((e) => e.getAttributeNS(NS.manifest, 'full-path') ?? '')
        // Folders and META-INF entries (ADOC lists both) are not data files.
        .filter((p) => p !== '/' && p !== '' && !NOT_DATA(p)),
    );
    for (const name of dataFiles.keys()) if (!listed.has(name)) reasons.push(`The file "${name}" is not listed in the container manifest.`);
    for (const name of listed) if (!dataFiles.has(name)) reasons.push(`The manifest lists "${name}", which is not in the container.`);
  }

  const signatureFiles = entries.filter((e) => SIGNATURE_FILE.test(e.name));
  if (signatureFiles.length === 0) return { signatures: [], reasons: [...reasons, 'The container has no signatures.'] };
  if (dataFiles.size === 0) reasons.push('The container has no signed files.');

  const signatures: SignatureVerdict[] = [];
  for (const file of signatureFiles) {
    const doc = parseXml(file.bytes, `The signature file ${file.name}`, { maxBytes: 4 * 1024 * 1024 });
    const root = doc.documentElement!;
    // ASiC-E/BDOC wrap signatures in XAdESSignatures; ADOC stores one ds:Signature per file.
    const adocSignature = root.localName === 'Signature' && root.namespaceURI === NS.ds && mimetype === ASICE_MIMETYPES[1];
    if (root.localName !== 'XAdESSignatures' && !adocSignature) throw new UnsafeInputError(`${file.name} is not an XAdES signatures file.`);
    const sigs = adocSignature ? [root] : children(root, NS.ds, 'Signature');
    if (sigs.length === 0) reasons.push(`${file.name} holds no signature.`);
    const otherFiles = new Map(entries.filter((e) => e.name.startsWith('META-INF/') && !SIGNATURE_FILE.test(e.name)).map((e) => [e.name, e.bytes]));
    const unsignedByDesign = mimetype === ASICE_MIMETYPES[1] ? (name: string) => /^metadata\/unsignable/i.test(name) : undefined;
    for (const sig of sigs) signatures.push(verifyXadesSignature(sig, { dataFiles, otherFiles, trustedList, at, ...(unsignedByDesign ? { unsignedByDesign } : {}) }));
  }
  return { signatures, reasons, warnings };
}
