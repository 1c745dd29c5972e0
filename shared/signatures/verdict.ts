import type { Certificate } from './certificate.ts';

/** Formats the verifier recognises: ASiC-E (XAdES), PAdES, CAdES (.p7s/.p7m), S/MIME, JAdES, DigiDoc 1.3. */
export type SignatureFormat = 'asice' | 'pades' | 'cades' | 'smime' | 'jades' | 'ddoc' | 'unknown';

/** ETSI EN 319 102-1 §5.1.3 main status indication. */
export type Indication = 'TOTAL_PASSED' | 'INDETERMINATE' | 'TOTAL_FAILED';

/** ETSI EN 319 102-1 §5.1.3 sub-indications (the ones this validator can reach). */
export type SubIndication =
  // with TOTAL_FAILED
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'NOT_YET_VALID'
  // with INDETERMINATE
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'SIGNED_DATA_NOT_FOUND'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'REVOKED_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'OUT_OF_BOUNDS_NOT_REVOKED'
  | 'TRY_LATER'
  | 'NO_POE';

const FAILED: ReadonlySet<SubIndication> = new Set(['FORMAT_FAILURE', 'HASH_FAILURE', 'SIG_CRYPTO_FAILURE', 'REVOKED', 'NOT_YET_VALID']);

export function indicationOf(sub: SubIndication): Exclude<Indication, 'TOTAL_PASSED'> {
  return FAILED.has(sub) ? 'TOTAL_FAILED' : 'INDETERMINATE';
}

/**
 * Qualification of a signature (Commission Implementing Decision (EU) 2015/1506 terms, as DSS
 * names them): QESig/QESeal = qualified electronic signature/seal; AdESig-QC/AdESeal-QC =
 * advanced, with a qualified certificate; AdESig/AdESeal = advanced; `INDETERMINATE_*` when the
 * signature itself is INDETERMINATE; NA when it failed. A seal is never a person's signature.
 */
export type SignatureLevel =
  | 'QESig'
  | 'QESeal'
  | 'AdESig-QC'
  | 'AdESeal-QC'
  | 'AdESig'
  | 'AdESeal'
  | 'INDETERMINATE_QESig'
  | 'INDETERMINATE_QESeal'
  | 'INDETERMINATE_AdESig-QC'
  | 'INDETERMINATE_AdESeal-QC'
  | 'INDETERMINATE_AdESig'
  | 'INDETERMINATE_AdESeal'
  | 'NA';

/** ETSI baseline level reached: B (signed), T (time-stamp), LT (plus revocation data), LTA (plus archive/document time-stamp). */
export type BaselineLevel = 'B' | 'T' | 'LT' | 'LTA';

export interface SignerIdentity {
  readonly commonName: string | null;
  /** Subject serialNumber, e.g. `PNOLT-38901010001`: the personal code when present. */
  readonly serialNumber: string | null;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly country: string | null;
}

/** What one signature covers: a whole file, a PDF byte range, or the signed header (JAdES). */
export interface SignatureScope {
  readonly name: string;
  readonly kind: 'FULL' | 'PARTIAL' | 'DIGEST';
  readonly description: string;
}

export interface ChainEntry {
  readonly subject: string;
  readonly sha256: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The certificate is a trust anchor (a trusted-list service certificate or a configured anchor). */
  readonly trustAnchor: boolean;
}

export interface RevocationUsed {
  readonly kind: 'OCSP' | 'CRL';
  /** OCSP producedAt or CRL thisUpdate. */
  readonly issuedAt: Date;
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly issuer: string;
}

export interface TimestampUsed {
  readonly type: 'SIGNATURE_TIMESTAMP' | 'DOCUMENT_TIMESTAMP';
  readonly genTime: Date | null;
  readonly tsa: string | null;
  readonly indication: Indication;
  readonly reason: string | null;
}

/** One signature's result. */
export interface SignatureVerdict {
  /** Intact over the exact content, signer key bound to the signing certificate, not revoked, certificate in date. */
  readonly valid: boolean;
  /** `valid`, and a qualified signature by the trusted list at the trusted signing time. */
  readonly qualified: boolean;
  readonly signer: SignerIdentity | null;
  /** Trusted time (time-stamp, else OCSP time-mark), never the signer's own claim. */
  readonly signingTime: Date | null;
  readonly claimedSigningTime: Date | null;
  readonly signerCertificateSha256: string | null;
  /** Plain-English sentences, for DPOs and the case timeline. Empty when qualified. */
  readonly reasons: readonly string[];
  // --- ETSI EN 319 102-1 (beside the fields above, which keep their meaning).
  /** `S-1`, `S-2`, … in file order. */
  readonly id: string;
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly signatureLevel: SignatureLevel;
  readonly baselineLevel: BaselineLevel | null;
  readonly scope: readonly SignatureScope[];
  /** The earliest proven time the signature existed (time-stamp or time-mark); the validation time when nothing proves an earlier one. */
  readonly bestSignatureTime: Date;
  readonly certificateChain: readonly ChainEntry[];
  readonly revocation: readonly RevocationUsed[];
  readonly timestamps: readonly TimestampUsed[];
  /** Findings that decide the indication. */
  readonly errors: readonly string[];
  /** Findings that keep the signature from being qualified, or are worth knowing, without failing it. */
  readonly warnings: readonly string[];
  readonly infos: readonly string[];
}

/** The result for a whole file. */
export interface FileVerdict {
  readonly format: SignatureFormat;
  readonly valid: boolean;
  readonly qualified: boolean;
  readonly signatures: readonly SignatureVerdict[];
  readonly reasons: readonly string[];
  readonly trustedList: { readonly territory: string; readonly sequenceNumber: number; readonly sha256: string } | null;
  readonly validatedAt: Date;
  /** The worst signature's indication (TOTAL_FAILED over INDETERMINATE over TOTAL_PASSED), or the file's own failure. */
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  /** The worst signature's level (NA when none). */
  readonly signatureLevel: SignatureLevel;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly infos: readonly string[];
}

/** A problem of the file as a whole (container, PDF structure), with its sub-indication. */
export interface FileFinding {
  readonly sub: SubIndication;
  readonly reason: string;
}

interface Finding {
  readonly sub: SubIndication;
  readonly text: string;
}

/**
 * Builds a per-signature verdict. `invalid` findings make the signature invalid (`valid:
 * false`), `notQualified` ones leave it valid but not qualified; each finding that decides the
 * ETSI indication carries its sub-indication (`fail`, `indeterminate`). The worst finding wins:
 * any TOTAL_FAILED one over any INDETERMINATE one.
 */
export class VerdictBuilder {
  private readonly integrity: string[] = [];
  private readonly qualification: string[] = [];
  private readonly findings: Finding[] = [];
  readonly infos: string[] = [];
  private readonly notes: string[] = [];
  signer: SignerIdentity | null = null;
  signingTime: Date | null = null;
  claimedSigningTime: Date | null = null;
  signerCertificateSha256: string | null = null;
  /** Set by judgeSigner: what the certificate is, after the trusted list's qualifiers. */
  qualifiedCertificate = false;
  seal = false;
  /** Set by judgeSigner: all trusted-list checks other than the seal one passed. */
  qualifiedApartFromSeal = false;
  scope: SignatureScope[] = [];
  chain: ChainEntry[] = [];
  revocation: RevocationUsed[] = [];
  timestamps: TimestampUsed[] = [];
  hasArchiveTimestamp = false;
  validationTime: Date | null = null;

  /** Makes the signature invalid; the indication is TOTAL_FAILED/FORMAT_FAILURE unless `fail`/`indeterminate` say more. */
  invalid(...reasons: string[]): this {
    this.integrity.push(...reasons);
    return this;
  }

  /** Invalid, with the ETSI sub-indication (TOTAL_FAILED or INDETERMINATE after the sub-indication). */
  fail(sub: SubIndication, reason: string): this {
    this.integrity.push(reason);
    this.findings.push({ sub, text: reason });
    return this;
  }

  /** Valid by today's definition but not provable (untrusted chain, unreadable data): INDETERMINATE. */
  indeterminate(sub: SubIndication, reason: string): this {
    this.qualification.push(reason);
    this.findings.push({ sub, text: reason });
    return this;
  }

  notQualified(...reasons: string[]): this {
    this.qualification.push(...reasons);
    return this;
  }

  /** Worth knowing, neither failing the signature nor its qualification (DSS "warning"). */
  warn(text: string): this {
    this.notes.push(text);
    return this;
  }

  info(text: string): this {
    this.infos.push(text);
    return this;
  }

  get isInvalid(): boolean {
    return this.integrity.length > 0;
  }

  build(id = 'S-1'): SignatureVerdict {
    const valid = this.integrity.length === 0;
    const worst = this.findings.find((f) => indicationOf(f.sub) === 'TOTAL_FAILED') ?? this.findings[0];
    const untagged = this.integrity.find((r) => !this.findings.some((f) => f.text === r));
    const sub: SubIndication | null = worst && indicationOf(worst.sub) === 'TOTAL_FAILED' ? worst.sub : untagged ? 'FORMAT_FAILURE' : (worst?.sub ?? null);
    const indication: Indication = sub ? indicationOf(sub) : 'TOTAL_PASSED';
    const qualified = valid && this.qualification.length === 0;
    const decisive = new Set([...this.integrity, ...this.findings.map((f) => f.text)]);
    return {
      valid,
      qualified,
      signer: this.signer,
      signingTime: this.signingTime,
      claimedSigningTime: this.claimedSigningTime,
      signerCertificateSha256: this.signerCertificateSha256,
      reasons: [...new Set([...this.integrity, ...this.qualification])],
      id,
      indication,
      subIndication: sub,
      signatureLevel: levelOf(indication, qualified, this),
      baselineLevel: baselineOf(this),
      scope: this.scope,
      bestSignatureTime: this.signingTime ?? this.validationTime ?? new Date(0),
      certificateChain: this.chain,
      revocation: this.revocation,
      timestamps: this.timestamps,
      errors: [...decisive],
      warnings: [...new Set([...this.qualification.filter((r) => !decisive.has(r)), ...this.notes])],
      infos: [...this.infos],
    };
  }
}

function levelOf(indication: Indication, qualified: boolean, b: VerdictBuilder): SignatureLevel {
  if (indication === 'TOTAL_FAILED') return 'NA';
  const base = qualified ? 'QESig' : b.seal && b.qualifiedApartFromSeal ? 'QESeal' : b.qualifiedCertificate ? (b.seal ? 'AdESeal-QC' : 'AdESig-QC') : b.seal ? 'AdESeal' : 'AdESig';
  return indication === 'TOTAL_PASSED' ? base : (`INDETERMINATE_${base}` as SignatureLevel);
}

function baselineOf(b: VerdictBuilder): BaselineLevel | null {
  if (!b.signerCertificateSha256) return null;
  const stamped = b.timestamps.some((t) => t.type === 'SIGNATURE_TIMESTAMP' && t.indication === 'TOTAL_PASSED');
  if (!stamped) return 'B';
  if (b.revocation.length === 0) return 'T';
  return b.hasArchiveTimestamp ? 'LTA' : 'LT';
}

export function chainEntry(cert: Certificate, trustAnchor: boolean): ChainEntry {
  return { subject: cert.subjectDn, sha256: cert.sha256, notBefore: cert.notBefore, notAfter: cert.notAfter, trustAnchor };
}

const RANK: Readonly<Record<Indication, number>> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

export function fileVerdict(
  format: SignatureFormat,
  signaturesIn: readonly SignatureVerdict[],
  fileReasons: readonly (string | FileFinding)[],
  context: Pick<FileVerdict, 'trustedList' | 'validatedAt'>,
  notes: { readonly warnings?: readonly string[] } = {},
): FileVerdict {
  // A signature that failed before its times were judged has proven nothing: the validation time is its best time.
  const signatures = signaturesIn.map((s, i) => ({ ...s, id: `S-${i + 1}`, bestSignatureTime: s.signingTime ?? (s.bestSignatureTime.getTime() === 0 ? context.validatedAt : s.bestSignatureTime) }));
  const findings: FileFinding[] = fileReasons.map((r) => (typeof r === 'string' ? { sub: 'FORMAT_FAILURE', reason: r } : r));
  const reasonsOfFile = findings.map((f) => f.reason);
  const valid = reasonsOfFile.length === 0 && signatures.length > 0 && signatures.every((s) => s.valid);
  const many = signatures.length > 1;
  const prefix = (s: SignatureVerdict, r: string) => (many ? `Signature ${s.id.slice(2)}: ${r}` : r);
  const worstSignature = [...signatures].sort((a, b) => RANK[b.indication] - RANK[a.indication])[0];
  const fileFailure = findings.find((f) => indicationOf(f.sub) === 'TOTAL_FAILED') ?? findings[0];
  let indication: Indication = worstSignature?.indication ?? 'TOTAL_FAILED';
  let subIndication: SubIndication | null = worstSignature ? worstSignature.subIndication : 'SIGNED_DATA_NOT_FOUND';
  if (fileFailure && RANK[indicationOf(fileFailure.sub)] >= RANK[indication]) {
    indication = indicationOf(fileFailure.sub);
    subIndication = fileFailure.sub;
  }
  const levelRank = (l: SignatureLevel) => (l === 'NA' ? 2 : l.startsWith('INDETERMINATE_') ? 1 : 0);
  const worstLevel = [...signatures].sort((a, b) => levelRank(b.signatureLevel) - levelRank(a.signatureLevel) || Number(a.qualified) - Number(b.qualified))[0];
  return {
    format,
    valid,
    qualified: valid && signatures.every((s) => s.qualified),
    signatures,
    reasons: [...reasonsOfFile, ...signatures.flatMap((s) => s.reasons.map((r) => prefix(s, r)))],
    ...context,
    indication,
    subIndication,
    signatureLevel: indication === 'TOTAL_FAILED' ? 'NA' : (worstLevel?.signatureLevel ?? 'NA'),
    errors: [...reasonsOfFile, ...signatures.flatMap((s) => s.errors.map((r) => prefix(s, r)))],
    warnings: [...(notes.warnings ?? []), ...signatures.flatMap((s) => s.warnings.map((r) => prefix(s, r)))],
    infos: signatures.flatMap((s) => s.infos.map((r) => prefix(s, r))),
  };
}
