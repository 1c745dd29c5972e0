import { UnsupportedAlgorithmError } from './algorithms.ts';
import { OID, type Certificate } from './certificate.ts';
import { checkCrl, CrlError, type CrlResult } from './crl.ts';
import { checkOcsp, OcspError, type OcspResult } from './ocsp.ts';
import { checkTimestamp, TimestampError, type TimestampResult } from './timestamp.ts';
import { assessQualification, checkIssuingCa, checkOcspResponder, checkTimestampAuthority, isoDate, isoMinute, statusAt, trustedServiceAt } from './trust-policy.ts';
import { SERVICE_TYPE, type TrustedList } from './trusted-list.ts';
import { chainEntry, type SignerIdentity, type VerdictBuilder } from './verdict.ts';

/**
 * What every signature format shares once it has found the signing certificate, checked the
 * signature over the exact content and collected its time-stamp and revocation data: trusted
 * time, certificate validity, revocation, and the trusted-list policy (trust-policy.ts). XAdES,
 * CAdES/PAdES/S-MIME and JAdES all end here, so "qualified" means the same in every format.
 */

/** How far revocation data (OCSP, CRL) may precede the time-stamp (clock skew between services). */
const REVOCATION_BEFORE_TIMESTAMP_MS = 15 * 60 * 1000;

export interface SignerEvidence {
  readonly signingCert: Certificate;
  readonly timestamp: TimestampResult | undefined;
  readonly ocsp: OcspResult | undefined;
  /** Used only where no OCSP response answers: an embedded CRL of the signer's CA. */
  readonly crl?: CrlResult | undefined;
  readonly trustedList: TrustedList;
  /** Validation time; never read from the clock here. */
  readonly at: Date;
  /** Certificates carried by the signature (and a PDF's DSS), for building the chain. */
  readonly embedded?: readonly Certificate[] | undefined;
}

export function signerIdentity(cert: Certificate): SignerIdentity {
  return {
    commonName: cert.commonName ?? null,
    serialNumber: cert.subjectAttribute(OID.serialNumber) ?? null,
    givenName: cert.subjectAttribute(OID.givenName) ?? null,
    surname: cert.subjectAttribute(OID.surname) ?? null,
    country: cert.subjectAttribute(OID.country) ?? null,
  };
}

/** Records the signer on the verdict (identity and certificate digest) before any other check. */
export function recordSigner(v: VerdictBuilder, cert: Certificate): void {
  v.signerCertificateSha256 = cert.sha256;
  v.signer = signerIdentity(cert);
}

/** Trusted time, validity, revocation and the trusted-list policy for a signature already verified. */
export function judgeSigner(v: VerdictBuilder, e: SignerEvidence): void {
  const { signingCert, timestamp, ocsp } = e;
  const trustedTime = timestamp?.genTime ?? ocsp?.producedAt ?? null;
  v.signingTime = trustedTime;
  v.validationTime = e.at;
  if (timestamp) v.timestamps.push({ type: 'SIGNATURE_TIMESTAMP', genTime: timestamp.genTime, tsa: timestamp.tsa.subjectDn, indication: 'TOTAL_PASSED', reason: null });
  if (ocsp) v.revocation.push({ kind: 'OCSP', issuedAt: ocsp.producedAt, status: ocsp.status.kind, issuer: ocsp.responder.subjectDn });
  else if (e.crl) v.revocation.push({ kind: 'CRL', issuedAt: e.crl.thisUpdate, status: e.crl.status.kind, issuer: e.crl.issuer.subjectDn });
  if (!trustedTime) v.notQualified('The signature has no time-stamp or time-mark, so there is no trusted signing time.');

  // ETSI EN 319 102-1 §5.2.6: the chain must end in a trust anchor; names and key identifiers alone prove nothing.
  const chain = buildChain(signingCert, e.embedded ?? [], trustAnchors(e.trustedList, trustedTime ?? e.at));
  v.chain = chain.certificates.map((c, i) => chainEntry(c, chain.anchored && i === chain.certificates.length - 1));
  if (!chain.anchored) {
    v.indeterminate('NO_CERTIFICATE_CHAIN_FOUND', "The signer's certificate does not chain to a trust anchor (a certificate of the trusted list or a configured anchor), so the signature cannot be trusted whatever names it shows.");
  }

  const when = trustedTime ?? v.claimedSigningTime;
  if (when && !signingCert.validAt(when)) {
    const text = `The signer's certificate was not valid at the signing time ${isoMinute(when)} (valid ${isoDate(signingCert.notBefore)} to ${isoDate(signingCert.notAfter)}).`;
    if (when.getTime() < signingCert.notBefore.getTime()) v.fail(trustedTime ? 'NOT_YET_VALID' : 'OUT_OF_BOUNDS_NO_POE', text);
    else v.fail(trustedTime ? 'OUT_OF_BOUNDS_NOT_REVOKED' : 'OUT_OF_BOUNDS_NO_POE', text);
  } else if (!trustedTime && !signingCert.validAt(e.at)) {
    v.indeterminate('OUT_OF_BOUNDS_NO_POE', `The signer's certificate is not valid at the validation time (valid ${isoDate(signingCert.notBefore)} to ${isoDate(signingCert.notAfter)}) and no time-stamp proves the signature existed while it was.`);
  }
  if (!signingCert.keyUsage.has('nonRepudiation')) v.notQualified("The signer's certificate is not meant for signatures (no nonRepudiation key usage).");

  if (ocsp) {
    if (ocsp.status.kind === 'revoked') {
      if (!trustedTime || ocsp.status.at.getTime() <= trustedTime.getTime()) v.fail(trustedTime ? 'REVOKED' : 'REVOKED_NO_POE', `The signer's certificate was revoked on ${isoDate(ocsp.status.at)} (OCSP).`);
    } else if (ocsp.status.kind === 'unknown') v.fail('TRY_LATER', "The OCSP responder does not know the signer's certificate.");
    if (timestamp && ocsp.producedAt.getTime() < timestamp.genTime.getTime() - REVOCATION_BEFORE_TIMESTAMP_MS) {
      v.notQualified('The revocation check (OCSP) was made before the signature was time-stamped, so it does not cover the signing time.');
    }
  } else if (e.crl) {
    const { status, thisUpdate } = e.crl;
    if (status.kind === 'revoked' && (!trustedTime || status.at.getTime() <= trustedTime.getTime())) v.fail(trustedTime ? 'REVOKED' : 'REVOKED_NO_POE', `The signer's certificate was revoked on ${isoDate(status.at)} (CRL).`);
    if (timestamp && thisUpdate.getTime() < timestamp.genTime.getTime() - REVOCATION_BEFORE_TIMESTAMP_MS) {
      v.notQualified('The revocation list (CRL) was issued before the signature was time-stamped, so it does not cover the signing time.');
    }
  } else if (!v.isInvalid) v.notQualified("No revocation information (OCSP or CRL) is embedded, so it cannot be shown that the signer's certificate was not revoked.");

  const list = e.trustedList;
  if (!list.signer) v.notQualified('The trusted list was not checked against its signer certificate, so no signature can be called qualified with it.');
  if (list.nextUpdate && e.at.getTime() > list.nextUpdate.getTime()) v.notQualified(`The trusted list expired on ${isoDate(list.nextUpdate)}; a current list is needed.`);
  v.notQualified(...checkIssuingCa(list, signingCert, signingCert.notBefore, 'when the certificate was issued'));
  if (trustedTime) v.notQualified(...checkIssuingCa(list, signingCert, trustedTime, 'at the signing time'));
  if (ocsp) v.notQualified(...checkOcspResponder(list, ocsp.responder, ocsp.producedAt));
  if (timestamp) v.notQualified(...checkTimestampAuthority(list, timestamp.tsa, timestamp.genTime));
  assessLevel(v, signingCert, list, trustedTime ?? e.at);
}

/** Records what the certificate is for the signature level (QESig, QESeal, AdESig-QC…). */
function assessLevel(v: VerdictBuilder, cert: Certificate, list: TrustedList, at: Date): void {
  const check = trustedServiceAt(list, [SERVICE_TYPE.caQc], cert, at, 'CA');
  if (!check.ok || !list.signer) return;
  const q = assessQualification(cert, check.match.status);
  v.qualifiedCertificate = q.qc;
  v.seal = q.seal;
  const sealReason = 'The certificate is for an electronic seal of an organisation, not a personal signature.';
  v.qualifiedApartFromSeal = q.qc && q.qscd && !v.isInvalid && v.build().reasons.every((r) => r === sealReason);
}

/**
 * The certificates of the list's services that were active at `at` (a withdrawn anchor anchors
 * nothing), and anchors configured beside the list.
 */
export function trustAnchors(list: TrustedList, at: Date): Certificate[] {
  const active = list.services.filter((s) => statusAt(s, at)?.active);
  return [...active.flatMap((s) => s.certificates), ...(list.extraTrustAnchors ?? [])];
}

const MAX_CHAIN = 6;

/**
 * signer → issuer → … up to a trust anchor, each link checked by signature (isIssuedBy), so an
 * attacker's root with the same names and key identifiers never completes the chain.
 */
export function buildChain(cert: Certificate, pool: readonly Certificate[], anchors: readonly Certificate[]): { certificates: Certificate[]; anchored: boolean } {
  const certificates = [cert];
  let current = cert;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (anchors.some((a) => a.equals(current))) return { certificates, anchored: true };
    const anchor = anchors.find((a) => current.isIssuedBy(a));
    if (anchor) return { certificates: [...certificates, anchor], anchored: true };
    const next = pool.find((c) => !certificates.some((k) => k.equals(c)) && current.isIssuedBy(c));
    if (!next) break;
    certificates.push(next);
    current = next;
  }
  return { certificates, anchored: false };
}

/**
 * Verifies the signature time-stamp token over `imprintSource` (what each format time-stamps:
 * XAdES the canonical SignatureValue, CMS the signature octets, JAdES the base64url signature).
 * A broken token makes the signature invalid; none at all is the caller's "no trusted time".
 */
export function verifiedTimestamp(tokens: readonly Uint8Array[], imprintSource: Uint8Array, v: VerdictBuilder): TimestampResult | undefined {
  if (tokens.length === 0) return undefined;
  if (tokens.length > 1) {
    v.notQualified('The signature has more than one signature time-stamp, which is not supported.');
    return undefined;
  }
  try {
    return checkTimestamp(tokens[0]!, imprintSource);
  } catch (error) {
    if (error instanceof TimestampError || error instanceof UnsupportedAlgorithmError) {
      const text = `The signature time-stamp is not valid: ${lowerFirst(error.message)}`;
      // ETSI: a time-stamp that cannot be validated proves no time; it is not tampering with the signature.
      v.fail('NO_POE', text);
      v.timestamps.push({ type: 'SIGNATURE_TIMESTAMP', genTime: null, tsa: null, indication: 'INDETERMINATE', reason: text });
      return undefined;
    }
    throw error;
  }
}

/**
 * The first embedded OCSP response (full OCSPResponse DER) that answers for `signer`, its issuer
 * taken from the embedded certificates or the trusted list. Unusable responses make the
 * signature invalid with the reason; none at all is for `judgeSigner` to report.
 */
export function verifiedOcsp(responses: readonly Uint8Array[], signer: Certificate, embedded: readonly Certificate[], list: TrustedList, v: VerdictBuilder): OcspResult | undefined {
  return firstAnswering(responses, signer, embedded, list, v, (der, issuer, pool) => checkOcsp(der, signer, issuer, pool), (error) => error instanceof OcspError);
}

/**
 * The first embedded CRL that the signer's own CA issued and signed, for signatures that carry
 * CRLs instead of OCSP (checked only when no OCSP response answered). Unusable lists make the
 * signature invalid with the reason; none at all is for `judgeSigner` to report.
 */
export function verifiedCrl(crls: readonly Uint8Array[], signer: Certificate, embedded: readonly Certificate[], list: TrustedList, v: VerdictBuilder): CrlResult | undefined {
  return firstAnswering(crls, signer, embedded, list, v, (der, issuer) => checkCrl(der, signer, issuer), (error) => error instanceof CrlError);
}

const NOT_ABOUT_SIGNER = /not about the signer's certificate/;

/** Tries each piece of revocation data with each candidate issuer; collects why none answered. */
function firstAnswering<T>(
  values: readonly Uint8Array[],
  signer: Certificate,
  embedded: readonly Certificate[],
  list: TrustedList,
  v: VerdictBuilder,
  check: (der: Uint8Array, issuer: Certificate, pool: readonly Certificate[]) => T,
  isRevocationError: (error: unknown) => boolean,
): T | undefined {
  if (values.length === 0) return undefined;
  // Configured anchors are known certificates too: a CA given as anchor is the signer's issuer for the revocation check.
  const pool = [...embedded, ...list.services.flatMap((s) => s.certificates), ...(list.extraTrustAnchors ?? [])];
  const issuers = pool.filter((c) => signer.isIssuedBy(c));
  const problems: string[] = [];
  for (const der of values) {
    for (const issuer of issuers) {
      try {
        return check(der, issuer, pool);
      } catch (error) {
        if (error instanceof Error && (isRevocationError(error) || error instanceof UnsupportedAlgorithmError)) problems.push(error.message);
        else throw error;
      }
    }
  }
  // A PDF's Document Security Store holds the revocation data of every signature in the file:
  // answers about other certificates are not this signer's data, not a problem with it.
  const relevant = problems.filter((p) => !NOT_ABOUT_SIGNER.test(p));
  if (problems.length > 0 && relevant.length === 0) return undefined;
  problems.splice(0, problems.length, ...relevant);
  if (issuers.length === 0) problems.push("The certificate of the signer's issuer is neither in the signature nor in the trusted list.");
  // Unusable revocation data proves nothing either way (ETSI: INDETERMINATE, TRY_LATER), never tampering.
  for (const p of new Set(problems)) v.fail('TRY_LATER', `Revocation data: ${lowerFirst(p)}`);
  return undefined;
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
