import type { Actor } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { addressDigest, emailControlEvidence } from '#domain/email-control.ts';
import { NotFoundError, ValidationError } from '#domain/errors.ts';
import type { EmailControlLinks } from '#ports/identity.ts';
import { updateCase, type WorkflowSettings } from '#domain/workflow.ts';
import type { FormTokens, UsedTokens } from '#ports/forms.ts';
import { decide, type DecisionDeps } from '#usecases/workflow/decide.ts';

/**
 * E-mail control (docs/design.md §1.3 `email_control`) with the web form's token machinery: the same
 * signed `confirm` token (jose, expiry), the same single-use record in the table, the same
 * `/forms/{tenant}/confirm` page. Opening the link (GET) only shows a page with a button; the
 * POST consumes it, because mail scanners and link previews fetch every URL in a message.
 */
export interface EmailControlDeps extends DecisionDeps {
  readonly tokens: FormTokens;
  readonly used: UsedTokens;
}

export interface EmailControlResult {
  readonly case: Case;
  /** Identity is established (now, or already before). */
  readonly identityEstablished: boolean;
  readonly alreadyUsed: boolean;
}

/** The address a notice (and so the link) goes to; notify-subject uses the same rule. */
export function noticeAddress(c: Pick<Case, 'subject' | 'representative'>): string | null {
  return c.subject.email ?? c.representative?.email ?? null;
}

/**
 * The link for an identity request or reminder, or null when e-mail control does not apply: the
 * controller does not accept it for the channel, the notice goes on paper, or there is no address.
 */
export async function emailControlLink(
  deps: { readonly links?: EmailControlLinks; readonly settings: WorkflowSettings },
  c: Case,
  notice: 'identity_request' | 'identity_reminder',
): Promise<{ url: string; expiresAt: string } | null> {
  const address = noticeAddress(c);
  if (!deps.links || !address || c.identity.status !== 'pending' || !c.identity.acceptedMethods.includes('email_control')) return null;
  if (c.channel === 'post' || c.channel === 'in_person') return null;
  // An e-mail's From that is not proven (no DMARC or aligned DKIM/SPF pass), or an address we cannot
  // write to, gets no link. Every e-mail case opened since issue 16 carries its sender record.
  if (c.channel === 'email' && c.sender && (!c.sender.authenticated || c.sender.cannotAnswerByEmail)) return null;
  // Valid until the next notice: the reminder brings a fresh link, the closing notice ends the wait.
  const days = notice === 'identity_request' ? deps.settings.identityReminderAfterDays : deps.settings.identityCloseAfterReminderDays;
  return deps.links.issue({ tenantId: c.tenantId, caseId: c.id }, await addressDigest(address), days * 86_400);
}

/** The link an acknowledgement carries as the identity request (valid until the reminder). */
export function acknowledgementIdentityLink(deps: { readonly links?: EmailControlLinks; readonly settings: WorkflowSettings }): (c: Case) => Promise<{ url: string; expiresAt: string } | null> {
  return (c) => emailControlLink(deps, c, 'identity_request');
}

/** GET: checks the link (signature, expiry, tenant, address) without using it up. */
export async function previewEmailControl(deps: Pick<EmailControlDeps, 'tokens' | 'repo'>, input: { tenantId: string; token: string }): Promise<Case> {
  return (await readLink(deps, input)).c;
}

/**
 * POST: the subject confirms. Primary course: the link checks out → its id is recorded as used
 * (a second use is refused) → where the controller accepts e-mail control for the channel and
 * identity is pending, the evidence record is kept and the waiting workflow resumes through the
 * decisions use case; otherwise the confirmation is recorded while the case waits for the method
 * the policy requires (Gautora: QES). A representative's case also needs staff to check the
 * authorization, so the confirmation is recorded as evidence and the case keeps waiting.
 */
export async function confirmEmailControl(deps: EmailControlDeps, input: { tenantId: string; token: string }): Promise<EmailControlResult> {
  const { c, claims } = await readLink(deps, input);
  const now = deps.clock.now();
  // Remembered well past any link's expiry (links live for one identity wait, 10 days by default).
  const fresh = await deps.used.markUsed(claims.tenantId, claims.jti, new Date(now.getTime() + 90 * 86_400_000));
  if (!fresh) return { case: c, identityEstablished: c.identity.status === 'verified', alreadyUsed: true };
  const actor: Actor = { kind: 'subject', id: noticeAddress(c) ?? c.subject.name };
  if (!c.identity.acceptedMethods.includes('email_control') || c.identity.status !== 'pending') {
    const { case: next, events } = updateCase(c, now, {}, [
      {
        type: c.channel === 'web_form' ? 'web_form.email_confirmed' : 'identity.email_confirmed',
        actor,
        visibility: 'public',
        summary: 'The subject confirmed their e-mail address.',
        details: { identityMethodsStillNeeded: c.identity.status === 'pending' ? c.identity.acceptedMethods : [] },
      },
    ]);
    await deps.repo.saveCase(next, events);
    return { case: next, identityEstablished: c.identity.status === 'verified' || c.identity.status === 'not_required', alreadyUsed: false };
  }
  // The mail went to the subject's own address unless only the representative gave one.
  const evidence = emailControlEvidence({ matched: c.representative && c.subject.email ? 'represented' : 'requester', at: now });
  const step = c.waiting?.step;
  if (!c.representative && (step === 'subject_identity' || step === 'identity_review')) {
    const decided = await decide(deps, { tenantId: c.tenantId, caseId: c.id, step, decision: 'approve', method: 'email_control', evidence, actor });
    return { case: decided.case, identityEstablished: true, alreadyUsed: false };
  }
  // Not waiting yet (the workflow's intake has not reached the wait): intake finds identity
  // verified and moves on. A representative's case keeps waiting for the authorization check.
  const verified = !c.representative;
  const { case: next, events } = updateCase(c, now, { identity: { ...c.identity, ...(verified ? { status: 'verified' as const, method: 'email_control' as const } : {}), evidence } }, [
    {
      type: verified ? 'identity.verified' : 'identity.checked',
      actor,
      visibility: 'public',
      summary: verified ? 'Identity verified (email_control).' : 'E-mail address confirmed; the representative’s authorization is still to be checked.',
      details: { method: 'email_control' },
    },
  ]);
  await deps.repo.saveCase(next, events);
  return { case: next, identityEstablished: verified, alreadyUsed: false };
}

async function readLink(deps: Pick<EmailControlDeps, 'tokens' | 'repo'>, input: { tenantId: string; token: string }) {
  const claims = await deps.tokens.verify(input.token, 'confirm');
  if (claims.tenantId !== input.tenantId) throw new ValidationError('This link belongs to another controller.', [{ field: 'token', message: 'wrong tenant' }]);
  const c = await deps.repo.getCase(claims.tenantId, claims.caseId);
  if (!c) throw new NotFoundError('The request of this link no longer exists.');
  if (claims.addressSha256) {
    const address = noticeAddress(c);
    if (!address || (await addressDigest(address)) !== claims.addressSha256) {
      throw new ValidationError('This link was sent to an e-mail address the request no longer uses.', [{ field: 'token', message: 'address changed' }]);
    }
  }
  return { c, claims };
}
