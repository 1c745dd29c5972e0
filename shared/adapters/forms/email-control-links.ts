import type { EmailControlLinks } from '#ports/identity.ts';
import type { Clock } from '#ports/cases.ts';
import type { FormTokens } from '#ports/forms.ts';

/**
 * E-mail control links made with the web form's tokens (same secret, same `confirm` purpose,
 * same confirmation page under `/forms/{tenant}/confirm`). `baseUrl` may be a function because
 * the local stack learns its port only after listening.
 */
export class FormTokenEmailControlLinks implements EmailControlLinks {
  constructor(
    private readonly tokens: FormTokens,
    private readonly baseUrl: string | (() => string),
    private readonly clock: Clock,
  ) {}

  async issue(ref: { tenantId: string; caseId: string }, addressSha256: string, ttlSeconds: number): Promise<{ url: string; expiresAt: string }> {
    const token = await this.tokens.issue({ purpose: 'confirm', tenantId: ref.tenantId, caseId: ref.caseId, jti: crypto.randomUUID(), addressSha256 }, ttlSeconds);
    const base = typeof this.baseUrl === 'function' ? this.baseUrl() : this.baseUrl;
    return {
      url: `${base.replace(/\/$/, '')}/forms/${encodeURIComponent(ref.tenantId)}/confirm?token=${encodeURIComponent(token)}`,
      expiresAt: new Date(this.clock.now().getTime() + ttlSeconds * 1000).toISOString(),
    };
  }
}
