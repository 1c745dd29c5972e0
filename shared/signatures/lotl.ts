import { Certificate } from './certificate.ts';
import { TrustedListError } from './errors.ts';
import { base64Bytes, child, children, descendants, NS, parseXml, text } from './xml.ts';

export interface ListPointer {
  readonly territory: string;
  readonly location: string;
  readonly mimeType: string;
  /** Certificates the LOTL publishes for the list's signer: the list must verify with one of them. */
  readonly signers: readonly Certificate[];
}

const ADDITIONAL_TYPES = 'http://uri.etsi.org/02231/v2/additionaltypes#';

/**
 * The pointers of a LOTL (EU list of trusted lists) to the national lists, with the signer
 * certificates it publishes for each. The LOTL itself must already have been verified with
 * `loadTrustedList` and the pinned LOTL signer. Only XML lists are returned (the PDF copies
 * carry the same content).
 */
export function lotlPointers(bytes: Uint8Array): ListPointer[] {
  const doc = parseXml(bytes, 'The list of trusted lists', { maxBytes: 16 * 1024 * 1024 });
  const scheme = child(doc.documentElement!, NS.tsl, 'SchemeInformation');
  const pointers = child(scheme ?? doc.documentElement!, NS.tsl, 'PointersToOtherTSL');
  if (!pointers) throw new TrustedListError('The list of trusted lists points to no national list.');
  return children(pointers, NS.tsl, 'OtherTSLPointer').flatMap((p) => {
    const info = child(p, NS.tsl, 'AdditionalInformation');
    const others = info ? children(info, NS.tsl, 'OtherInformation') : [];
    const territory = others.map((o) => text(child(o, NS.tsl, 'SchemeTerritory'))).find(Boolean) ?? '';
    const mimeType = others.map((o) => text(child(o, ADDITIONAL_TYPES, 'MimeType'))).find(Boolean) ?? '';
    if (mimeType && !/xml/i.test(mimeType)) return [];
    const signers = descendants(p, NS.tsl, 'X509Certificate').flatMap((e) => {
      try {
        return [Certificate.fromDer(base64Bytes(text(e)))];
      } catch {
        return [];
      }
    });
    return [{ territory, location: text(child(p, NS.tsl, 'TSLLocation')), mimeType, signers }];
  });
}
