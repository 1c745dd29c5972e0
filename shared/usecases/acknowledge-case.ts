import { SYSTEM } from '#domain/audit.ts';
import { nextEvents, type Case } from '#domain/case.ts';
import type { CaseRepository, Clock, Mailer, SubjectNotifier } from '#ports/cases.ts';
import type { WebFormLinks } from '#domain/notices.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { renderAcknowledgement } from '#templates/acknowledgement.ts';

export interface AcknowledgeDeps {
  readonly tenants: TenantRegistry;
  readonly repo: CaseRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
  /** Sends in the case's channel, threaded, with evidence. Without one, a plain e-mail is sent. */
  readonly notifier?: SubjectNotifier;
  /** Web form: the address confirmation and status links to put in the acknowledgement. */
  readonly webFormLinks?: (c: Case) => Promise<WebFormLinks>;
}

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
  const message = renderAcknowledgement(tenant, c, webForm);
  const to = c.subject.email ?? c.representative?.email;
  // Post and in-person requests are acknowledged on paper (a letter queued for printing or handed over).
  const onPaper = (c.channel === 'post' || c.channel === 'in_person') && deps.notifier !== undefined;
  if (!to && !onPaper) {
    const updated: Case = { ...c, acknowledgement: { status: 'in_response', at: now.toISOString() }, version: c.version + 1, updatedAt: now.toISOString() };
    await deps.repo.saveCase(updated, []);
    return { case: updated, text: message.text };
  }
  let messageId: string | undefined;
  let failure: unknown;
  try {
    if (deps.notifier) {
      ({ messageId } = await deps.notifier.notify(c, { kind: 'acknowledgement', ...(webForm ? { webForm } : {}) }));
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
  const events =
    failure === undefined
      ? nextEvents(c, now, [
          {
            type: 'acknowledgement.sent',
            actor: SYSTEM,
            visibility: 'public',
            summary: onPaper
              ? `Acknowledgement letter queued (${c.channel === 'post' ? 'to print and post' : 'to hand over'}).`
              : webForm
                ? 'Acknowledgement sent by e-mail, with a one-time link to confirm the address and a status link.'
                : 'Acknowledgement sent by e-mail.',
            details: { ...(messageId ? { messageId } : {}), ...(onPaper ? { channel: c.channel } : { to }), ...(webForm ? { confirmationLinkExpiresAt: webForm.confirmExpiresAt } : {}) },
          },
        ])
      : nextEvents(c, now, [
          {
            type: 'acknowledgement.failed',
            actor: SYSTEM,
            visibility: 'internal',
            summary: 'Acknowledgement e-mail could not be sent; it will be retried.',
            details: { error: failure instanceof Error ? failure.message : String(failure) },
          },
        ]);
  const updated: Case = {
    ...c,
    acknowledgement:
      failure === undefined
        ? { status: 'sent', ...(messageId ? { messageId } : {}), at: now.toISOString(), ...(webForm ? { confirmationLinkExpiresAt: webForm.confirmExpiresAt } : {}) }
        : { status: 'failed', at: now.toISOString() },
    version: c.version + 1,
    lastEventSeq: c.lastEventSeq + events.length,
    updatedAt: now.toISOString(),
  };
  await deps.repo.saveCase(updated, events);
  return { case: updated, text: message.text };
}
