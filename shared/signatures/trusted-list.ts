import type { Element } from '@xmldom/xmldom';
import { digest } from './algorithms.ts';
import { Certificate, type KeyUsageBit } from './certificate.ts';
import { TrustedListError, UnsafeInputError } from './errors.ts';
import { base64Bytes, child, children, NS, parseXml, path, text } from './xml.ts';
import { referenceDigestMatches, references, signatureValueVerifies } from './xmldsig.ts';

export const SERVICE_TYPE = {
  caQc: 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC',
  ocspQc: 'http://uri.etsi.org/TrstSvc/Svctype/Certstatus/OCSP/QC',
  tsaQtst: 'http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST',
} as const;

/** Statuses under which a service may be relied on (TS 119 612 v1 and v2 vocabularies). */
const ACTIVE_STATUSES = new Set([
  'http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/Svcstatus/undersupervision',
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/undersupervision',
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/supervisionincessation',
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited',
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/setbynationallaw',
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted',
  'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/recognisedatnationallevel',
]);

/** One QualificationElement: qualifiers that apply to certificates meeting the criteria. */
export interface Qualification {
  readonly qualifiers: readonly string[];
  /** `all`, `atLeastOne`, `none` (ETSI); anything else never matches. */
  readonly assert: string;
  readonly keyUsage: ReadonlyArray<Readonly<Partial<Record<KeyUsageBit, boolean>>>>;
  readonly policySets: ReadonlyArray<readonly string[]>;
}

export interface ServiceStatus {
  readonly start: Date;
  readonly status: string;
  /** Granted (or an equivalent older status): the service can be relied on from `start`. */
  readonly active: boolean;
  readonly qualifications: readonly Qualification[];
  readonly additionalInformation: readonly string[];
}

export interface TrustService {
  readonly provider: string;
  readonly name: string;
  readonly type: string;
  /** Certificates from the current entry and every history entry of the same type. */
  readonly certificates: readonly Certificate[];
  readonly subjectKeyIdentifiers: readonly string[];
  /** Oldest first. */
  readonly history: readonly ServiceStatus[];
}

export interface TrustedList {
  readonly territory: string;
  readonly sequenceNumber: number;
  readonly issued: Date;
  readonly nextUpdate: Date | null;
  readonly services: readonly TrustService[];
  /** SHA-256 of the list file as read, for the evidence record. */
  readonly sha256: string;
  /** Null when the caller had no signer to check the list with: nothing is then qualified. */
  readonly signer: Certificate | null;
  /**
   * Trust anchors configured beside the list (a test suite's root, `--trust-anchor` in the CLI):
   * they let a chain be trusted (TOTAL_PASSED) but never make anything qualified.
   */
  readonly extraTrustAnchors?: readonly Certificate[];
}

/** Max size of a national trusted list (the largest EU lists are a few MB). */
const MAX_TL_BYTES = 16 * 1024 * 1024;

/**
 * Parses a trusted list and verifies its own XML signature with the configured signer
 * certificate (the LOTL pointer or a pinned certificate). Throws `TrustedListError` when the
 * list cannot be trusted; a list is all-or-nothing.
 */
export function loadTrustedList(bytes: Uint8Array, signer: Certificate | null): TrustedList {
  let doc;
  try {
    doc = parseXml(bytes, 'The trusted list', { maxBytes: MAX_TL_BYTES, maxNodes: 2_000_000 });
  } catch (error) {
    throw new TrustedListError(error instanceof Error ? error.message : 'The trusted list cannot be read.', { cause: error });
  }
  const root = doc.documentElement!;
  if (root.namespaceURI !== NS.tsl || root.localName !== 'TrustServiceStatusList') throw new TrustedListError('The file is not an ETSI TS 119 612 trusted list.');
  if (signer) verifyListSignature(root, signer);

  const scheme = child(root, NS.tsl, 'SchemeInformation');
  const nextUpdate = text(path(scheme, [NS.tsl, 'NextUpdate'], [NS.tsl, 'dateTime']));
  const services: TrustService[] = [];
  for (const tsp of children(child(root, NS.tsl, 'TrustServiceProviderList') ?? root, NS.tsl, 'TrustServiceProvider')) {
    const provider = text(path(tsp, [NS.tsl, 'TSPInformation'], [NS.tsl, 'TSPName'], [NS.tsl, 'Name']));
    for (const svc of children(child(tsp, NS.tsl, 'TSPServices') ?? tsp, NS.tsl, 'TSPService')) services.push(parseService(svc, provider));
  }
  return {
    territory: text(child(scheme ?? root, NS.tsl, 'SchemeTerritory')),
    sequenceNumber: Number(text(child(scheme ?? root, NS.tsl, 'TSLSequenceNumber'))),
    issued: new Date(text(child(scheme ?? root, NS.tsl, 'ListIssueDateTime'))),
    nextUpdate: nextUpdate ? new Date(nextUpdate) : null,
    services,
    sha256: digest('sha256', bytes).toString('hex'),
    signer,
  };
}

function verifyListSignature(root: Element, signer: Certificate): void {
  const signature = child(root, NS.ds, 'Signature');
  if (!signature) throw new TrustedListError('The trusted list is not signed.');
  const refs = references(signature);
  const rootId = root.getAttribute('Id');
  const whole = refs.filter((r) => r.uri === '' || (rootId && r.uri === `#${rootId}`));
  if (whole.length !== 1) throw new TrustedListError('The trusted list signature does not cover the whole list.');
  try {
    for (const ref of refs) {
      if (!referenceDigestMatches(ref, signature, () => undefined)) throw new TrustedListError(`The trusted list was changed after it was signed (reference ${ref.uri || '""'} does not match).`);
    }
    if (!signatureValueVerifies(signature, signer.publicKey)) throw new TrustedListError(`The trusted list signature does not verify with the configured signer certificate (${signer.subjectDn}).`);
  } catch (error) {
    if (error instanceof TrustedListError) throw error;
    throw new TrustedListError(`The trusted list signature cannot be checked: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function parseService(svc: Element, provider: string): TrustService {
  const info = child(svc, NS.tsl, 'ServiceInformation');
  if (!info) throw new TrustedListError('A trust service has no ServiceInformation.');
  const type = text(child(info, NS.tsl, 'ServiceTypeIdentifier'));
  const certificates: Certificate[] = [];
  const skis = new Set<string>();
  const history: ServiceStatus[] = [];
  const instances = [info, ...children(child(svc, NS.tsl, 'ServiceHistory') ?? svc, NS.tsl, 'ServiceHistoryInstance')];
  for (const instance of instances) {
    // A history entry of another type describes a different service (libdigidocpp does the same).
    if (text(child(instance, NS.tsl, 'ServiceTypeIdentifier')) !== type) continue;
    for (const id of children(child(instance, NS.tsl, 'ServiceDigitalIdentity') ?? instance, NS.tsl, 'DigitalId')) {
      const certEl = child(id, NS.tsl, 'X509Certificate');
      if (certEl) {
        try {
          const cert = Certificate.fromDer(base64Bytes(text(certEl)));
          if (!certificates.some((c) => c.equals(cert))) certificates.push(cert);
        } catch {
          // One unreadable identity must not disable the whole list; the service just can't match it.
        }
      }
      const ski = child(id, NS.tsl, 'X509SKI');
      if (ski) skis.add(Buffer.from(base64Bytes(text(ski))).toString('hex'));
    }
    const status = text(child(instance, NS.tsl, 'ServiceStatus'));
    const start = new Date(text(child(instance, NS.tsl, 'StatusStartingTime')));
    if (Number.isNaN(start.getTime())) throw new UnsafeInputError('A trust service status has no valid starting time.');
    history.push({ start, status, active: ACTIVE_STATUSES.has(status), ...parseExtensions(instance) });
  }
  history.sort((a, b) => a.start.getTime() - b.start.getTime());
  return { provider, name: text(path(info, [NS.tsl, 'ServiceName'], [NS.tsl, 'Name'])), type, certificates, subjectKeyIdentifiers: [...skis], history };
}

function parseExtensions(instance: Element): Pick<ServiceStatus, 'qualifications' | 'additionalInformation'> {
  const qualifications: Qualification[] = [];
  const additionalInformation: string[] = [];
  for (const ext of children(child(instance, NS.tsl, 'ServiceInformationExtensions') ?? instance, NS.tsl, 'Extension')) {
    for (const asi of children(ext, NS.tsl, 'AdditionalServiceInformation')) additionalInformation.push(text(child(asi, NS.tsl, 'URI')));
    for (const element of children(child(ext, NS.ecc, 'Qualifications') ?? ext, NS.ecc, 'QualificationElement')) {
      const criteria = child(element, NS.ecc, 'CriteriaList');
      const keyUsage: Array<Partial<Record<KeyUsageBit, boolean>>> = [];
      const policySets: string[][] = [];
      for (const c of criteria ? children(criteria, NS.ecc) : []) {
        if (c.localName === 'KeyUsage') {
          const bits: Partial<Record<KeyUsageBit, boolean>> = {};
          for (const bit of children(c, NS.ecc, 'KeyUsageBit')) bits[bit.getAttribute('name') as KeyUsageBit] = text(bit) === 'true';
          keyUsage.push(bits);
        } else if (c.localName === 'PolicySet') {
          policySets.push(children(c, NS.ecc, 'PolicyIdentifier').map((p) => text(child(p, NS.xades, 'Identifier')).replace(/^urn:oid:/, '')));
        }
      }
      qualifications.push({
        qualifiers: children(child(element, NS.ecc, 'Qualifiers') ?? element, NS.ecc, 'Qualifier').map((q) => q.getAttribute('uri') ?? ''),
        assert: criteria?.getAttribute('assert') ?? 'all',
        keyUsage,
        policySets,
      });
    }
  }
  return { qualifications, additionalInformation };
}
