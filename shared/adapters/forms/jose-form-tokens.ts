import { errors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import type { DownloadClaims, FormPageTokens, FormTokenCheck, FormTokens } from '#ports/forms.ts';
import { checkFormSecret } from './form-secret.ts';

/**
 * The web form's tokens, signed and checked by us alone, so a symmetric key is right here
 * (HS256, the forms secret; never used for anything a third party verifies):
 * - `confirm` (one-time e-mail confirmation link: the web form's, 48 h, and the e-mail control
 *   links of identity requests; its `jti` is recorded when used; `addr` is the SHA-256 of the
 *   address it was mailed to, so a link never confirms another address),
 * - `status` (the subject's status page link),
 * - `form` (the anti-CSRF token in each rendered form: issued with the page, bound to the tenant,
 *   valid for 2 hours, refused when younger than `minFormAgeSeconds` — bots post instantly),
 * - `download` (an answer file too large to attach: the object key and file name, valid as long
 *   as the answer says; exchanged at each use for a presigned URL of a few minutes).
 */
const ISSUER = 'rightsdesk-forms';

const Claims = z.object({
  purpose: z.enum(['confirm', 'status', 'form', 'download']),
  tenant: z.string(),
  case: z.optional(z.string()),
  jti: z.string(),
  iat: z.number(),
  /** Form tokens: the issue time in milliseconds (`iat` is whole seconds, too coarse for a 2 s minimum). */
  iatMs: z.optional(z.number()),
  exp: z.number(),
  addr: z.optional(z.string()),
  key: z.optional(z.string()),
  name: z.optional(z.string()),
});

export class JoseFormTokens implements FormTokens, FormPageTokens {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly options: { readonly minFormAgeSeconds?: number; readonly now?: () => Date } = {}) {
    checkFormSecret(secret);
    this.key = new TextEncoder().encode(secret);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private sign(claims: Record<string, unknown>, ttlSeconds: number, now: Date = this.now()): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer(ISSUER).setIssuedAt(iat).setExpirationTime(iat + ttlSeconds).sign(this.key);
  }

  private async read(token: string, purpose: 'confirm' | 'status' | 'form' | 'download', now: Date = this.now()) {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, currentDate: now });
      const claims = Claims.safeParse(payload);
      if (!claims.success || claims.data.purpose !== purpose) throw new ValidationError('This link is not valid.', [{ field: 'token', message: 'wrong purpose' }]);
      return claims.data;
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      const expired = error instanceof errors.JWTExpired;
      throw new ValidationError(expired ? 'This link has expired.' : 'This link is not valid.', [{ field: 'token', message: expired ? 'expired' : 'invalid' }]);
    }
  }

  issue(claims: { purpose: 'confirm' | 'status'; tenantId: string; caseId: string; jti: string; addressSha256?: string }, ttlSeconds: number): Promise<string> {
    return this.sign({ purpose: claims.purpose, tenant: claims.tenantId, case: claims.caseId, jti: claims.jti, ...(claims.addressSha256 ? { addr: claims.addressSha256 } : {}) }, ttlSeconds);
  }

  async verify(token: string, purpose: 'confirm' | 'status'): Promise<{ tenantId: string; caseId: string; jti: string; addressSha256?: string }> {
    const claims = await this.read(token, purpose);
    if (!claims.case) throw new ValidationError('This link is not valid.', [{ field: 'token', message: 'no case' }]);
    return { tenantId: claims.tenant, caseId: claims.case, jti: claims.jti, ...(claims.addr ? { addressSha256: claims.addr } : {}) };
  }

  /** A download link's token: which answer file, for which tenant, until `ttlSeconds` from now. */
  issueDownload(file: DownloadClaims, ttlSeconds: number): Promise<string> {
    return this.sign({ purpose: 'download', tenant: file.tenantId, key: file.key, name: file.filename, jti: crypto.randomUUID() }, ttlSeconds);
  }

  async verifyDownload(token: string): Promise<DownloadClaims> {
    const claims = await this.read(token, 'download');
    if (!claims.key || !claims.name) throw new ValidationError('This link is not valid.', [{ field: 'token', message: 'no file' }]);
    return { tenantId: claims.tenant, key: claims.key, filename: claims.name };
  }

  issueFormToken(tenantId: string): Promise<string> {
    const now = this.now();
    return this.sign({ purpose: 'form', tenant: tenantId, jti: crypto.randomUUID(), iatMs: now.getTime() }, 2 * 3600, now);
  }

  /** Accepted when the token came from our form for this tenant, is old enough and not expired; else why not. */
  async checkFormToken(token: string, tenantId: string): Promise<FormTokenCheck> {
    const now = this.now();
    try {
      const claims = await this.read(token, 'form', now);
      if (claims.tenant !== tenantId) return { ok: false, refusal: 'invalid' };
      // A token from before iatMs existed counts from its whole second (at most 1 s older than it is).
      const ageMs = now.getTime() - (claims.iatMs ?? claims.iat * 1000);
      if (ageMs < (this.options.minFormAgeSeconds ?? 2) * 1000) return { ok: false, refusal: 'too_fast' };
      return { ok: true, jti: claims.jti, expiresAt: new Date(claims.exp * 1000) };
    } catch (error) {
      return { ok: false, refusal: error instanceof ValidationError && error.issues[0]?.message === 'expired' ? 'expired' : 'invalid' };
    }
  }
}
