import { SYSTEM, type AuditEvent } from '#domain/audit.ts';
import { nextEvents, type Case } from '#domain/case.ts';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import type { CaseRepository, Clock, Mailer, NoticeOutbox, SubjectNotifier } from '#ports/cases.ts';
import type { WebFormLinks } from '#domain/notices.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { renderAcknowledgement, type AcknowledgementIdentity } from '#templates/acknowledgement.ts';
import { missingIdentity } from '#domain/identity-requirements.ts';
import { rightsAwaitConfirmation } from '#domain/rights-confirmation.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';

// How a case is acknowledged is decided apart (acknowledgement-channel.ts); re-exported for the steps that also send.
export { acknowledgedByEmail, acknowledgedInResponse } from './acknowledgement-channel.ts';

export interface AcknowledgeDeps {
  readonly tenants: TenantRegistry;
  readonly repo: CaseRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
  /** Sends in the case's channel, threaded, with evidence. Without one, a plain e-mail is sent. */
  readonly notifier?: SubjectNotifier;
  /** Web form: the address confirmation and status links to put in the acknowledgement. */
  readonly webFormLinks?: (c: Case) => Promise<WebFormLinks>;
  /** The notice outbox: claim → send → record, so concurrent or retried runs send once. */
  readonly outbox?: NoticeOutbox;
  /**
   * Issues the e-mail control link for a case whose controller accepts that method, so the
   * acknowledgement can be the identity request too. Without it, where the method is accepted,
   * the identity request follows as its own notice (it needs the link).
   */
  readonly identityLink?: (c: Case) => Promise<{ url: string; expiresAt: string } | null>;
}

/**
 * What the acknowledgement asks for identity (one e-mail per event, issue 16), or nothing when
 * identity is not pending, staff must first confirm the rights, the acknowledgement goes on paper,
 * the web form's own link already asks, or the link the rule needs cannot be made here.
 */
async function identityInAcknowledgement(deps: AcknowledgeDeps, tenant: TenantConfig, c: Case, onPaper: boolean): Promise<AcknowledgementIdentity | undefined> {
  if (c.identity.status !== 'pending' || rightsAwaitConfirmation(c) || onPaper || c.identity.evidence) return undefined;
  const emailControl = c.identity.acceptedMethods.includes('email_control');
  if (c.channel === 'web_form' && emailControl) return undefined;
  let link: { url: string; expiresAt: string } | null = null;
  if (emailControl) {
    link = deps.identityLink ? await deps.identityLink(c) : null;
    if (!link) return undefined;
  }
  return { missingByLanguage: { lt: missingIdentity(tenant, c, 'lt'), en: missingIdentity(tenant, c, 'en') }, ...(link ? { link } : {}) };
}

/** How long a claim holds before another run may take the acknowledgement over (a crashed sender). */
export const ACK_LEASE_MS = 2 * 60_000;
/** When a failed send is tried again (the sweeper picks it up then). */
const RETRY_AFTER_MS = 60_000;
const RECORD_ATTEMPTS = 6;

/**
 * Acknowledges a new case in its channel (threaded e-mail through the notifier) or, for an API
 * case without an address, in the API response. A failed send never loses the case: it is
 * recorded (status `failed`, internal event) for the workflow or staff to retry.
 * Example: `const { case: c2, text } = await acknowledgeCase(deps, c)`.
 */
export async function acknowledgeCase(deps: AcknowledgeDeps, c: Case): Promise<{ case: Case; text: string }> {
  const tenant = deps.tenants.get(c.tenantId);
  const now = deps.clock.now();
  const webForm = c.channel === 'web_form' && deps.webFormLinks ? await deps.webFormLinks(c) : undefined;
  const to = c.subject.email ?? c.representative?.email;
  // Post and in-person requests are acknowledged on paper (a letter queued for printing or handed over).
  const onPaper = (c.channel === 'post' || c.channel === 'in_person') && deps.notifier !== undefined;
  const identity = to ? await identityInAcknowledgement(deps, tenant, c, onPaper) : undefined;
  const message = renderAcknowledgement(tenant, c, webForm, identity);
  if (!to && !onPaper) {
    const updated: Case = { ...c, acknowledgement: { status: 'in_response', at: now.toISOString() }, version: c.version + 1, updatedAt: now.toISOString() };
    await deps.repo.saveCase(updated, []);
    return { case: updated, text: message.text };
  }
  // An address SES cannot deliver to (SMTPUTF8): nothing is sent; the case is flagged for staff.
  if (c.sender?.cannotAnswerByEmail && !onPaper) {
    if (c.acknowledgement.status === 'failed') return { case: c, text: message.text };
    const reason = c.sender.cannotAnswerByEmail;
    const updated = await recordOutcome(deps, c, now, { failed: true }, (base) =>
      nextEvents(base, now, [{ type: 'acknowledgement.not_sent', actor: SYSTEM, visibility: 'internal', summary: `Acknowledgement not sent: ${reason}. Reach the subject another way.`, details: { to, reason } }]),
    );
    return { case: updated, text: message.text };
  }
  // Claim → send → record: a concurrent or retried run finds the claim (or the sent mark).
  const byEmail = deps.outbox !== undefined && !onPaper;
  if (byEmail && deps.outbox) {
    const claim = await deps.outbox.claim(c.tenantId, c.id, 'acknowledgement', now, new Date(now.getTime() + ACK_LEASE_MS));
    if (claim.state === 'held') return { case: c, text: message.text };
    if (claim.state === 'sent') {
      // Sent by a run that died before writing the case: record it now, without sending again.
      const recorded = (base: Case) =>
        nextEvents(base, now, [{ type: 'acknowledgement.sent', actor: SYSTEM, visibility: 'public', summary: 'Acknowledgement sent by e-mail.', details: { ...(claim.messageId ? { messageId: claim.messageId } : {}), to } }]);
      return { case: await recordOutcome(deps, c, now, claim.messageId ? { messageId: claim.messageId } : {}, recorded), text: message.text };
    }
  }
  let messageId: string | undefined;
  let failure: unknown;
  try {
    if (deps.notifier) {
      ({ messageId } = await deps.notifier.notify(c, {
        kind: 'acknowledgement',
        ...(webForm ? { webForm } : {}),
        ...(identity ? { missing: identity.missingByLanguage.en, missingByLanguage: identity.missingByLanguage, ...(identity.link ? { identityLink: identity.link } : {}) } : {}),
      }));
    } else if (to) {
      ({ messageId } = await deps.mailer.send({
        from: tenant.mailbox,
        to: [to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-Rightsdesk-Case': c.reference },
      }));
    }
  } catch (error) {
    failure = error;
  }
  if (byEmail && deps.outbox) {
    // Recorded before the case: once this is written no run sends again, whatever happens next.
    if (failure === undefined) await deps.outbox.markSent(c.tenantId, c.id, 'acknowledgement', messageId, now);
    else await deps.outbox.release(c.tenantId, c.id, 'acknowledgement', new Date(now.getTime() + RETRY_AFTER_MS), failure instanceof Error ? failure.message : String(failure));
  }
  const drafts = (base: Case) =>
    failure === undefined
      ? nextEvents(base, now, [
          {
            type: 'acknowledgement.sent',
            actor: SYSTEM,
            visibility: 'public',
            summary: onPaper
              ? `Acknowledgement letter queued (${c.channel === 'post' ? 'to print and post' : 'to hand over'}).`
              : webForm
                ? 'Acknowledgement sent by e-mail, with a one-time link to confirm the address and a status link.'
                : 'Acknowledgement sent by e-mail.',
            details: {
              ...(messageId ? { messageId } : {}),
              ...(onPaper ? { channel: c.channel } : { to }),
              ...(webForm ? { confirmationLinkExpiresAt: webForm.confirmExpiresAt } : {}),
              ...(identity ? { identityRequested: true, acceptedMethods: c.identity.acceptedMethods, ...(identity.link ? { identityLinkExpiresAt: identity.link.expiresAt } : {}) } : {}),
            },
          },
        ])
      : nextEvents(base, now, [
          {
            type: 'acknowledgement.failed',
            actor: SYSTEM,
            visibility: 'internal',
            summary: 'Acknowledgement e-mail could not be sent; it will be retried.',
            details: { error: failure instanceof Error ? failure.message : String(failure) },
          },
        ]);
  const updated = await recordOutcome(
    deps,
    c,
    now,
    failure === undefined
      ? {
          ...(messageId ? { messageId } : {}),
          ...(webForm ? { confirmationLinkExpiresAt: webForm.confirmExpiresAt } : {}),
          ...(identity?.link ? { confirmationLinkExpiresAt: identity.link.expiresAt } : {}),
          ...(identity ? { identityRequested: true } : {}),
        }
      : { failed: true },
    drafts,
  );
  return { case: updated, text: message.text };
}

/**
 * Writes the acknowledgement's outcome on the case. The workflow (or a concurrent run) may have
 * written the case since it was read: re-read and apply again, so the outcome is never lost and
 * a send that happened is never repeated because its record failed.
 */
async function recordOutcome(
  deps: AcknowledgeDeps,
  first: Case,
  now: Date,
  outcome: { failed?: boolean; messageId?: string; confirmationLinkExpiresAt?: string; identityRequested?: boolean },
  drafts: (base: Case) => AuditEvent[],
): Promise<Case> {
  let c = first;
  for (let attempt = 1; ; attempt++) {
    // Another run recorded the sending already: that record stands.
    if (c.acknowledgement.status === 'sent') return c;
    const events = drafts(c);
    const updated: Case = {
      ...c,
      acknowledgement: outcome.failed
        ? { status: 'failed', at: now.toISOString() }
        : {
            status: 'sent',
            ...(outcome.messageId ? { messageId: outcome.messageId } : {}),
            at: now.toISOString(),
            ...(outcome.confirmationLinkExpiresAt ? { confirmationLinkExpiresAt: outcome.confirmationLinkExpiresAt } : {}),
            ...(outcome.identityRequested ? { identityRequested: true } : {}),
          },
      version: c.version + 1,
      lastEventSeq: c.lastEventSeq + events.length,
      updatedAt: now.toISOString(),
    };
    try {
      await deps.repo.saveCase(updated, events);
      return updated;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= RECORD_ATTEMPTS) throw error;
      const current = await deps.repo.getCase(c.tenantId, c.id);
      if (!current) throw error;
      c = current;
    }
  }
}
