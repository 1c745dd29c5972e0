import type { FileVerdict, SignatureVerdict, SubIndication } from './verdict.ts';

/** ETSI TS 119 102-2 V1.2.1 (validation report) namespace. */
export const VR_NS = 'http://uri.etsi.org/19102/v1.2.1#';
const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
const SHA256_URI = 'http://www.w3.org/2001/04/xmlenc#sha256';

export interface ReportSubject {
  /** Name of the judged file (no content ever goes into the report). */
  readonly fileName: string;
  readonly fileSha256: string;
}

/**
 * The ETSI TS 119 102-2 validation report for one judged file: per signature its identifier,
 * validation and best-signature times, signing time claimed, signer, signature level,
 * validation process (baseline level), and status (main indication, sub-indication, with the
 * plain-language errors and warnings as report data); the certificates, revocation data and
 * time-stamps used as validation objects, by SHA-256 only. Small and free of document content,
 * so it can be kept with the identity evidence and shown to a supervisory authority.
 */
export function validationReportXml(v: FileVerdict, subject: ReportSubject): string {
  const objects = new Map<string, string>();
  const reports = v.signatures.map((s) => signatureReport(s, v, objects));
  if (v.signatures.length === 0) reports.push(fileOnlyReport(v, subject));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ValidationReport xmlns="${VR_NS}" xmlns:ds="${DS_NS}">`,
    ...reports,
    objects.size > 0 ? `<SignatureValidationObjects>${[...objects.values()].join('')}</SignatureValidationObjects>` : '',
    `<SignatureValidator><DigitalId><ds:X509SubjectName>rightsdesk signature validator</ds:X509SubjectName></DigitalId></SignatureValidator>`,
    `<!-- file ${esc(subject.fileName)} sha256 ${subject.fileSha256}; trusted list ${esc(v.trustedList ? `${v.trustedList.territory} #${v.trustedList.sequenceNumber} sha256 ${v.trustedList.sha256}` : 'none')} -->`,
    '</ValidationReport>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

function signatureReport(s: SignatureVerdict, v: FileVerdict, objects: Map<string, string>): string {
  const chainRefs = s.certificateChain.map((c) => addObject(objects, 'certificate', c.sha256, `${c.subject}${c.trustAnchor ? ' (trust anchor)' : ''}`));
  // Revocation data and time-stamps are named in the report data (their bytes are not kept, so no digest is claimed).
  const used = [
    ...s.revocation.map((r) => `${r.kind} from ${r.issuer}, issued ${r.issuedAt.toISOString()}: ${r.status}`),
    ...s.timestamps.map((t) => `${t.type} ${t.genTime?.toISOString() ?? '(unreadable)'} by ${t.tsa ?? 'an unknown TSA'}: ${t.indication}`),
  ];
  const claimed = s.claimedSigningTime ? `<SignatureAttributes><SigningTime Signed="true"><Time>${s.claimedSigningTime.toISOString()}</Time></SigningTime></SignatureAttributes>` : '';
  const signer = s.signer
    ? `<SignerInformation><SignerCertificate VOReference="${chainRefs[0] ?? ''}"/><Signer>${esc(s.signer.commonName ?? s.signer.serialNumber ?? 'unknown')}</Signer></SignerInformation>`
    : '';
  return [
    '<SignatureValidationReport>',
    `<SignatureIdentifier id="${s.id}"><HashOnly>false</HashOnly><DocHashOnly>false</DocHashOnly></SignatureIdentifier>`,
    `<ValidationTimeInfo><ValidationTime>${v.validatedAt.toISOString()}</ValidationTime><BestSignatureTime><POETime>${s.bestSignatureTime.toISOString()}</POETime><TypeOfProof>${s.signingTime ? 'urn:etsi:019102:poetype:validation' : 'urn:etsi:019102:poetype:provided'}</TypeOfProof></BestSignatureTime></ValidationTimeInfo>`,
    claimed,
    signer,
    `<SignatureQuality><SignatureQualityInformation>urn:cef:dss:signatureQualification:${s.signatureLevel}</SignatureQualityInformation></SignatureQuality>`,
    `<SignatureValidationProcess><SignatureValidationProcessID>${processId(s)}</SignatureValidationProcessID></SignatureValidationProcess>`,
    status(s.indication, s.subIndication, s.errors, s.warnings, used),
    '</SignatureValidationReport>',
  ]
    .filter(Boolean)
    .join('');
}

function fileOnlyReport(v: FileVerdict, subject: ReportSubject): string {
  return [
    '<SignatureValidationReport>',
    `<SignatureIdentifier id="file"><DigestAlgAndValue><ds:DigestMethod Algorithm="${SHA256_URI}"/><ds:DigestValue>${Buffer.from(subject.fileSha256, 'hex').toString('base64')}</ds:DigestValue></DigestAlgAndValue><HashOnly>false</HashOnly><DocHashOnly>false</DocHashOnly></SignatureIdentifier>`,
    `<ValidationTimeInfo><ValidationTime>${v.validatedAt.toISOString()}</ValidationTime></ValidationTimeInfo>`,
    status(v.indication, v.subIndication, v.errors, v.warnings),
    '</SignatureValidationReport>',
  ].join('');
}

function processId(s: SignatureVerdict): string {
  // EN 319 102-1 §5.3 (basic), §5.5 (with time: T/LT), §5.6 (long-term: LTA).
  if (s.baselineLevel === 'LTA') return 'urn:etsi:019102:validationprocess:LTA';
  if (s.baselineLevel === 'T' || s.baselineLevel === 'LT') return 'urn:etsi:019102:validationprocess:LTVM';
  return 'urn:etsi:019102:validationprocess:Basic';
}

function status(main: string, sub: SubIndication | null, errors: readonly string[], warnings: readonly string[], used: readonly string[] = []): string {
  const data = [...errors.map((e) => reportData('error', e)), ...warnings.map((w) => reportData('warning', w)), ...used.map((u) => reportData('validationData', u))].join('');
  return `<SignatureValidationStatus><MainIndication>urn:etsi:019102:mainindication:${main.toLowerCase().replace('_', '-')}</MainIndication>${
    sub ? `<SubIndication>urn:etsi:019102:subindication:${sub}</SubIndication>` : ''
  }${data ? `<AssociatedValidationReportData><AdditionalValidationReportData>${data}</AdditionalValidationReportData></AssociatedValidationReportData>` : ''}</SignatureValidationStatus>`;
}

function reportData(kind: string, text: string): string {
  return `<ReportData><Type>urn:rightsdesk:validation:${kind}</Type><Value>${esc(text)}</Value></ReportData>`;
}

function addObject(objects: Map<string, string>, type: string, sha256Hex: string, label: string): string {
  const id = `VO-${type}-${sha256Hex.slice(0, 16)}`;
  if (!objects.has(id)) {
    objects.set(
      id,
      `<ValidationObject id="${id}"><ObjectType>urn:etsi:019102:validationObject:${type}</ObjectType><ValidationObjectRepresentation><DigestAlgAndValue><ds:DigestMethod Algorithm="${SHA256_URI}"/><ds:DigestValue>${Buffer.from(sha256Hex, 'hex').toString('base64')}</ds:DigestValue></DigestAlgAndValue></ValidationObjectRepresentation><!-- ${esc(label).replace(/--/g, '- -')} --></ValidationObject>`,
    );
  }
  return id;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
