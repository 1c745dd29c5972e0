import { LEGAL_PERSON_POLICIES, OID, QSCD_POLICIES, type Certificate } from './certificate.ts';
import { SERVICE_TYPE, type Qualification, type ServiceStatus, type TrustedList, type TrustService } from './trusted-list.ts';

/**
 * The trusted-list policy, adopted from libdigidocpp (stricter than the bare ETSI TS 119 615
 * minimum, and right for identity proofs):
 * - the signer's CA must be a CA/QC service granted, with QC + QSCD after the list's
 *   qualifiers, both when the certificate was issued and at the trusted signing time;
 * - the OCSP responder must be a granted OCSP/QC service (or be certified by a granted CA/QC
 *   service) when it answered;
 * - the time-stamp must come from a TSA/QTST service granted at the time-stamp's time;
 * - a service's status at a moment is its newest history entry starting at or before it.
 */

const SERVICE_LABEL: Readonly<Record<string, string>> = {
  [SERVICE_TYPE.caQc]: 'qualified certificate authority (CA/QC)',
  [SERVICE_TYPE.ocspQc]: 'qualified OCSP service (OCSP/QC)',
  [SERVICE_TYPE.tsaQtst]: 'qualified time-stamping service (TSA/QTST)',
};

const Q = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/';

export interface ServiceMatch {
  readonly service: TrustService;
  readonly status: ServiceStatus;
}

export type TrustCheck = { readonly ok: true; readonly match: ServiceMatch } | { readonly ok: false; readonly reason: string };

/** The newest history entry that started at or before `at`. */
export function statusAt(service: TrustService, at: Date): ServiceStatus | undefined {
  let found: ServiceStatus | undefined;
  for (const entry of service.history) if (entry.start.getTime() <= at.getTime()) found = entry;
  return found;
}

/** The service lists the certificate itself, or one of its certificates issued it. */
export function serviceIdentifies(service: TrustService, cert: Certificate): boolean {
  if (service.certificates.some((c) => c.equals(cert) || cert.isIssuedBy(c))) return true;
  const ski = cert.subjectKeyIdentifier;
  return !!ski && service.subjectKeyIdentifiers.includes(ski);
}

/**
 * Finds a service of one of `types` that identifies `cert` and was active at `at`.
 * `who` names the certificate in reasons ("The signer's certificate authority").
 */
export function trustedServiceAt(list: TrustedList, types: readonly string[], cert: Certificate, at: Date, who: string): TrustCheck {
  const identifying = list.services.filter((s) => serviceIdentifies(s, cert));
  const candidates = identifying.filter((s) => types.includes(s.type));
  for (const service of candidates) {
    const status = statusAt(service, at);
    if (status?.active) return { ok: true, match: { service, status } };
  }
  const wanted = types.map((t) => SERVICE_LABEL[t] ?? t).join(' or ');
  const when = isoMinute(at);
  const first = candidates[0];
  if (!first) {
    const other = identifying[0];
    return {
      ok: false,
      reason: other
        ? `${who} is in the trusted list only as "${other.name}" of type ${SERVICE_LABEL[other.type] ?? other.type}, not as a ${wanted}.`
        : `${who} is not a ${wanted} in the trusted list.`,
    };
  }
  const status = statusAt(first, at);
  if (!status) {
    const start = first.history[0]?.start;
    return { ok: false, reason: `${who} ("${first.name}") was not yet granted at ${when}${start ? `; its first status starts on ${isoMinute(start)}` : ''}.` };
  }
  return { ok: false, reason: `${who} ("${first.name}") had the status "${statusName(status.status)}" since ${isoMinute(status.start)}, so it was not granted at ${when}.` };
}

export interface QualificationAssessment {
  /** Qualified certificate (QcCompliance, or the list says so). */
  readonly qc: boolean;
  /** Key on a (Q)SCD (QcSSCD / QCP-n-qscd, or the list says so). */
  readonly qscd: boolean;
  /** Certificate of a legal person (e-seal), which cannot prove a natural person's identity. */
  readonly seal: boolean;
}

/** What the certificate claims, overridden by the qualifiers of the list entry that applies. */
export function assessQualification(cert: Certificate, status: ServiceStatus): QualificationAssessment {
  const statements = cert.qcStatements;
  const policies = cert.policies;
  const usage = cert.keyUsage;
  let qc = statements.includes(OID.qcCompliance);
  let qscd = statements.includes(OID.qcSSCD) || policies.some((p) => (QSCD_POLICIES as readonly string[]).includes(p));
  let seal = statements.includes(OID.qcTypeESeal) || policies.some((p) => (LEGAL_PERSON_POLICIES as readonly string[]).includes(p));

  for (const q of status.qualifications) {
    if (!qualificationApplies(q, policies, usage)) continue;
    for (const uri of q.qualifiers) {
      const name = uri.startsWith(Q) ? uri.slice(Q.length) : uri;
      if (name === 'QCStatement' || name === 'QCForESig') qc = true;
      else if (name === 'NotQualified') qc = false;
      else if (name === 'QCWithSSCD' || name === 'QCWithQSCD') qscd = true;
      else if (name === 'QCNoSSCD' || name === 'QCNoQSCD') qscd = false;
      else if (name === 'QCForLegalPerson' || name === 'QCForESeal') seal = true;
    }
  }
  return { qc, qscd, seal };
}

function qualificationApplies(q: Qualification, policies: readonly string[], usage: ReadonlySet<string>): boolean {
  const policyMatch = (set: readonly string[]) => set.every((p) => policies.includes(p));
  const usageMatch = (bits: Readonly<Record<string, boolean | undefined>>) => Object.entries(bits).every(([bit, value]) => usage.has(bit) === value);
  const results = [...q.policySets.map(policyMatch), ...q.keyUsage.map(usageMatch)];
  if (q.assert === 'all') return results.every(Boolean);
  if (q.assert === 'atLeastOne') return results.some(Boolean);
  if (q.assert === 'none') return !results.some(Boolean);
  return false;
}

/** The CA check at one moment: granted CA/QC service, and QC + QSCD after the qualifiers. */
export function checkIssuingCa(list: TrustedList, cert: Certificate, at: Date, moment: string): string[] {
  const check = trustedServiceAt(list, [SERVICE_TYPE.caQc], cert, at, "The authority that issued the signer's certificate");
  if (!check.ok) return [check.reason.replace(/\.$/, ` (checked ${moment}).`)];
  const q = assessQualification(cert, check.match.status);
  const reasons: string[] = [];
  if (!q.qc) reasons.push(`The signer's certificate was not a qualified certificate ${moment} (no QcCompliance statement, or the trusted list marks it not qualified).`);
  if (!q.qscd) reasons.push(`The signer's key was not on a qualified signature creation device ${moment} (no QcSSCD statement, or the trusted list says QCNoQSCD).`);
  if (q.seal) reasons.push('The certificate is for an electronic seal of an organisation, not a personal signature.');
  return reasons;
}

export function checkOcspResponder(list: TrustedList, responder: Certificate, producedAt: Date): string[] {
  const check = trustedServiceAt(list, [SERVICE_TYPE.ocspQc, SERVICE_TYPE.caQc], responder, producedAt, 'The OCSP responder that confirmed the certificate');
  return check.ok ? [] : [check.reason];
}

export function checkTimestampAuthority(list: TrustedList, tsa: Certificate, genTime: Date): string[] {
  const check = trustedServiceAt(list, [SERVICE_TYPE.tsaQtst], tsa, genTime, 'The time-stamping authority');
  return check.ok ? [] : [check.reason];
}

export function isoMinute(at: Date): string {
  return Number.isNaN(at.getTime()) ? 'an unknown time' : at.toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z').replace('T', ' ').replace('Z', ' UTC');
}

export function isoDate(at: Date): string {
  return Number.isNaN(at.getTime()) ? 'an unknown date' : at.toISOString().slice(0, 10);
}

function statusName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
