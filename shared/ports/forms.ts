/** Ports of the public web form (docs/design.md §1.2 `web_form`). */

/** Signs and checks the form's own tokens (jose; HS256 with the forms secret). */
export interface FormTokens {
  /** `addressSha256` ties a confirmation link to the address it is mailed to (see #domain/email-control.ts). */
  issue(claims: { purpose: 'confirm' | 'status'; tenantId: string; caseId: string; jti: string; addressSha256?: string }, ttlSeconds: number): Promise<string>;
  /** Throws ValidationError for a forged, expired or wrong-purpose token. */
  verify(token: string, purpose: 'confirm' | 'status'): Promise<{ tenantId: string; caseId: string; jti: string; addressSha256?: string }>;
}

/** Records that a one-time token was used; a second use answers false. */
export interface UsedTokens {
  markUsed(tenantId: string, jti: string, expiresAt: Date): Promise<boolean>;
}

/** What a signed answer-download link names: the tenant's stored file and the name it is given. */
export interface DownloadClaims {
  readonly tenantId: string;
  readonly key: string;
  readonly filename: string;
}

/** A refused form token: sent sooner than a person could fill in the form, too late, or not ours / another tenant's. */
export type FormTokenRefusal = 'too_fast' | 'expired' | 'invalid';

/** A form token accepted (its id and expiry) or refused (why, so the page can say it in the subject's language). */
export type FormTokenCheck = { readonly ok: true; readonly jti: string; readonly expiresAt: Date } | { readonly ok: false; readonly refusal: FormTokenRefusal };

/** The form's own anti-automation tokens (a minimum fill time) and the answer download links. */
export interface FormPageTokens {
  issueFormToken(tenantId: string): Promise<string>;
  /**
   * The token's id and expiry (to record its single use), or why it was refused: one reading of
   * the clock decides both, so a form that comes of age between two checks is not called forged.
   */
  checkFormToken(token: string, tenantId: string): Promise<FormTokenCheck>;
  /** Throws ValidationError for a forged or expired download link. */
  verifyDownload(token: string): Promise<DownloadClaims>;
}
