import { SYSTEM } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { NotFoundError, ValidationError } from '#domain/errors.ts';
import type { Language } from '#domain/channels.ts';
import type { AuditEvent } from '#domain/audit.ts';
import type { CaseRepository, WorkflowEngine } from '#domain/ports.ts';
import type { RightType } from '#domain/rights.ts';
import { updateCase } from '#domain/workflow.ts';
import { addressDigest } from '#domain/email-control.ts';
import { confirmationEmail } from '#templates/web-form.ts';
import { submitRequest, type SubmitRequestDeps } from './submit-request.ts';
import { confirmEmailControl } from './identity/email-control.ts';

/**
 * The public web form (DESIGN §1.2): the case exists from submission (the moment of receipt,
 * §1.4), and waits for the subject to confirm their e-mail address through a signed one-time link.
 *
 * Why the case is opened at once rather than after the confirmation: the deadline runs from
 * receipt, and a request is received when it is submitted — holding it back until the link is
 * clicked would let the subject's inbox move the controller's deadline. Instead the case goes the
 * ordinary way: the workflow's intake finds identity pending and waits for the subject
 * (`awaiting_identity`, step `subject_identity`, with the usual reminder and closing timers); the
 * confirmation link is the `email_control` method and resumes it. Where the controller does not
 * accept e-mail control for the web form (Gautora, Lytagra, Legal Balance: QES), confirming still
 * proves the address works and is recorded, but the case keeps waiting for the accepted method.
 */

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

export interface WebFormDeps extends SubmitRequestDeps {
  readonly tokens: FormTokens;
  readonly used: UsedTokens;
  /** Where the form is served (`https://privacy.example.lt`), for the links in the e-mail. */
  readonly baseUrl: string;
  readonly workflows?: WorkflowEngine;
}

export const CONFIRM_TTL_SECONDS = 48 * 3600;
export const STATUS_TTL_SECONDS = 180 * 24 * 3600;

export interface WebFormSubmission {
  readonly tenantId: string;
  readonly name: string;
  readonly email: string;
  readonly rights: readonly RightType[];
  readonly details?: string;
  readonly language: Language;
}

/**
 * Primary course: open the case (channel `web_form`, receipt = now) → e-mail the subject a
 * one-time confirmation link and a status link → record that on the case.
 * Example: `await submitWebForm(deps, { tenantId: 'softera', name, email, rights: ['access'], language: 'lt' })`.
 */
export async function submitWebForm(deps: WebFormDeps, input: WebFormSubmission): Promise<{ case: Case; statusUrl: string }> {
  const result = await submitRequest(deps, {
    tenantId: input.tenantId,
    channel: 'web_form',
    actor: { kind: 'subject', id: input.email },
    request: {
      rights: input.rights.map((type, i) => ({ type, ...(i === 0 && input.details ? { details: input.details } : {}) })),
      subject: { name: input.name, email: input.email },
      language: input.language,
    },
  });
  const c = result.case;
  const tenant = deps.tenants.get(c.tenantId);
  const confirm = await deps.tokens.issue({ purpose: 'confirm', tenantId: c.tenantId, caseId: c.id, jti: crypto.randomUUID(), addressSha256: await addressDigest(input.email) }, CONFIRM_TTL_SECONDS);
  const status = await deps.tokens.issue({ purpose: 'status', tenantId: c.tenantId, caseId: c.id, jti: crypto.randomUUID() }, STATUS_TTL_SECONDS);
  const confirmUrl = `${deps.baseUrl}/forms/${c.tenantId}/confirm?token=${encodeURIComponent(confirm)}`;
  const statusUrl = `${deps.baseUrl}/forms/${c.tenantId}/status?token=${encodeURIComponent(status)}`;
  const mail = confirmationEmail(tenant, c, confirmUrl, statusUrl, CONFIRM_TTL_SECONDS / 3600);
  await deps.mailer.send({ from: tenant.mailbox, to: [input.email], subject: mail.subject, text: mail.text, headers: { 'X-Rightsdesk-Case': c.reference, 'Auto-Submitted': 'auto-generated' } });
  const fresh = (await deps.repo.getCase(c.tenantId, c.id)) ?? c;
  const { case: next, events } = updateCase(fresh, deps.clock.now(), {}, [
    { type: 'web_form.confirmation_sent', actor: SYSTEM, visibility: 'public', summary: 'A one-time link to confirm the e-mail address was sent.', details: { expiresInHours: CONFIRM_TTL_SECONDS / 3600 } },
  ]);
  await saveRetrying(deps.repo, next, events, async () => (await deps.repo.getCase(c.tenantId, c.id))!);
  return { case: next, statusUrl };
}

async function saveRetrying(repo: CaseRepository, next: Case, events: readonly AuditEvent[], reload: () => Promise<Case>): Promise<void> {
  try {
    await repo.saveCase(next, events);
  } catch {
    // The workflow's intake may have written the case meanwhile: write the event on top of it.
    const again = await reload();
    const retry = updateCase(again, new Date(next.updatedAt), {}, events.map(({ type, actor, visibility, summary, details }) => ({ type, actor, visibility, summary, ...(details ? { details } : {}) })));
    await repo.saveCase(retry.case, retry.events);
  }
}

/**
 * The subject confirmed the link (a POST from the confirmation page; opening the link only shows
 * that page): the e-mail control use case, shared with the links in identity requests.
 */
export async function confirmWebFormEmail(
  deps: Pick<WebFormDeps, 'tokens' | 'used' | 'repo' | 'tenants' | 'clock'> & { workflows: WorkflowEngine },
  input: { tenantId: string; token: string },
): Promise<{ case: Case; identityEstablished: boolean; alreadyUsed: boolean }> {
  return confirmEmailControl(deps, input);
}

/** The status page's data: the case and its public timeline, for the holder of a status link. */
export async function webFormStatus(deps: Pick<WebFormDeps, 'tokens' | 'repo'>, input: { tenantId: string; token: string }): Promise<{ case: Case; events: readonly AuditEvent[] }> {
  const claims = await deps.tokens.verify(input.token, 'status');
  if (claims.tenantId !== input.tenantId) throw new ValidationError('This link belongs to another controller.', [{ field: 'token', message: 'wrong tenant' }]);
  const c = await deps.repo.getCase(claims.tenantId, claims.caseId);
  if (!c) throw new NotFoundError('The request of this link no longer exists.');
  const events = (await deps.repo.listEvents(c.tenantId, c.id)).filter((e) => e.visibility === 'public');
  return { case: c, events };
}
