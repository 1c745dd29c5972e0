/** Formats the verifier recognises: ASiC-E (XAdES), PAdES, CAdES (.p7s/.p7m), S/MIME, JAdES. */
export type SignatureFormat = 'asice' | 'pades' | 'cades' | 'smime' | 'jades' | 'unknown';

export interface SignerIdentity {
  readonly commonName: string | null;
  /** Subject serialNumber, e.g. `PNOLT-38901010001`: the personal code when present. */
  readonly serialNumber: string | null;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly country: string | null;
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
}

/**
 * Builds a per-signature verdict from two kinds of finding: `integrity` problems make the
 * signature invalid; `qualification` problems leave it valid but not qualified.
 */
export class VerdictBuilder {
  private readonly integrity: string[] = [];
  private readonly qualification: string[] = [];
  signer: SignerIdentity | null = null;
  signingTime: Date | null = null;
  claimedSigningTime: Date | null = null;
  signerCertificateSha256: string | null = null;

  invalid(...reasons: string[]): this {
    this.integrity.push(...reasons);
    return this;
  }

  notQualified(...reasons: string[]): this {
    this.qualification.push(...reasons);
    return this;
  }

  get isInvalid(): boolean {
    return this.integrity.length > 0;
  }

  build(): SignatureVerdict {
    const valid = this.integrity.length === 0;
    return {
      valid,
      qualified: valid && this.qualification.length === 0,
      signer: this.signer,
      signingTime: this.signingTime,
      claimedSigningTime: this.claimedSigningTime,
      signerCertificateSha256: this.signerCertificateSha256,
      reasons: [...new Set([...this.integrity, ...this.qualification])],
    };
  }
}

export function fileVerdict(format: SignatureFormat, signatures: readonly SignatureVerdict[], fileReasons: readonly string[], context: Pick<FileVerdict, 'trustedList' | 'validatedAt'>): FileVerdict {
  const valid = fileReasons.length === 0 && signatures.length > 0 && signatures.every((s) => s.valid);
  const many = signatures.length > 1;
  return {
    format,
    valid,
    qualified: valid && signatures.every((s) => s.qualified),
    signatures,
    reasons: [...fileReasons, ...signatures.flatMap((s, i) => s.reasons.map((r) => (many ? `Signature ${i + 1}: ${r}` : r)))],
    ...context,
  };
}
