import type { FormTokens, UsedTokens } from '#ports/forms.ts';
import type { Case } from '#domain/case.ts';
import { NotFoundError, ValidationError } from '#domain/errors.ts';
import type { Language } from '#domain/channels.ts';
import type { AuditEvent } from '#domain/audit.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import type { WebFormLinks } from '#domain/notices.ts';
import type { RightType } from '#domain/rights.ts';
import { addressDigest } from '#domain/email-control.ts';
import { submitRequest, type SubmitRequestDeps } from './submit-request.ts';
import { confirmEmailControl } from './identity/email-control.ts';

/**
 * The public web form (docs/design.md §1.2): the case exists from submission (the moment of receipt,
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
 * Primary course: open the case (channel `web_form`, receipt = now) → its acknowledgement, the one
 * e-mail the subject gets, carries a one-time link to confirm the address and a status link.
 * Where the controller accepts e-mail control, that link is the identity method, so the workflow
 * does not ask again while it is valid (await-subject.ts).
 * Example: `await submitWebForm(deps, { tenantId: 'softera', name, email, rights: ['access'], language: 'lt' })`.
 */
export async function submitWebForm(deps: WebFormDeps, input: WebFormSubmission): Promise<{ case: Case; statusUrl: string }> {
  let statusUrl = '';
  const webFormLinks = async (c: Case): Promise<WebFormLinks> => {
    const confirm = await deps.tokens.issue({ purpose: 'confirm', tenantId: c.tenantId, caseId: c.id, jti: crypto.randomUUID(), addressSha256: await addressDigest(input.email) }, CONFIRM_TTL_SECONDS);
    const status = await deps.tokens.issue({ purpose: 'status', tenantId: c.tenantId, caseId: c.id, jti: crypto.randomUUID() }, STATUS_TTL_SECONDS);
    statusUrl = `${deps.baseUrl}/forms/${c.tenantId}/status?token=${encodeURIComponent(status)}`;
    return {
      confirmUrl: `${deps.baseUrl}/forms/${c.tenantId}/confirm?token=${encodeURIComponent(confirm)}`,
      confirmExpiresAt: new Date(deps.clock.now().getTime() + CONFIRM_TTL_SECONDS * 1000).toISOString(),
      statusUrl,
    };
  };
  const result = await submitRequest(
    { ...deps, webFormLinks },
    {
      tenantId: input.tenantId,
      channel: 'web_form',
      actor: { kind: 'subject', id: input.email },
      request: {
        rights: input.rights.map((type, i) => ({ type, ...(i === 0 && input.details ? { details: input.details } : {}) })),
        subject: { name: input.name, email: input.email },
        language: input.language,
      },
    },
  );
  return { case: result.case, statusUrl };
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
