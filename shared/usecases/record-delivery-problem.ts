import { SYSTEM } from '#domain/audit.ts';
import type { MessageStore } from '#ports/mail.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { sesMessageIdHeader } from './send-case-mail.ts';
import { appendCaseEvent } from './case-writes.ts';

export interface DeliveryProblem {
  readonly kind: 'bounce' | 'complaint';
  /** The id SES gave the send (`mail.messageId` of the notification). */
  readonly providerMessageId: string;
  /** The From of the send: our tenant's mailbox. */
  readonly source: string;
  readonly recipients: readonly string[];
  readonly at: Date;
  /** e.g. `Permanent/General`, or the complaint feedback type. */
  readonly detail: string;
}

/**
 * A bounce or complaint SES reported for one of our messages flags its case: an internal audit
 * event and a flagged item for staff, who must reach the subject another way. Never a reply.
 * Example: `await recordDeliveryProblem(deps, { kind: 'bounce', providerMessageId: 'ses-1', … })`.
 */
export async function recordDeliveryProblem(
  deps: { readonly tenants: TenantRegistry; readonly repo: CaseRepository; readonly messages: MessageStore; readonly clock: Clock },
  problem: DeliveryProblem,
): Promise<{ readonly caseId: string | null }> {
  const tenant = deps.tenants.findByMailbox(problem.source);
  const key = `ses-${problem.providerMessageId}`;
  const base = { id: `${key}#${problem.kind}`, at: problem.at.toISOString(), flag: problem.kind, rawKey: '', from: problem.recipients.join(', ') } as const;
  if (!tenant) {
    await deps.messages.flag({ ...base, tenantId: null, reason: `SES ${problem.kind} (${problem.detail}) for a message from ${problem.source}, which is no tenant's mailbox.` });
    return { caseId: null };
  }
  const hit = await deps.messages.findCaseByMessageIds(tenant.id, [sesMessageIdHeader(problem.providerMessageId)]);
  const reason =
    problem.kind === 'bounce'
      ? `Our e-mail to ${problem.recipients.join(', ')} bounced (${problem.detail}); reach the subject another way.`
      : `${problem.recipients.join(', ')} marked our e-mail as spam (${problem.detail}).`;
  await deps.messages.flag({ ...base, tenantId: tenant.id, reason, ...(hit ? { caseId: hit.caseId, messageId: hit.messageId } : {}) });
  if (!hit) return { caseId: null };
  const saved = await appendCaseEvent(deps, { tenantId: tenant.id, caseId: hit.caseId }, {
    type: problem.kind === 'bounce' ? 'email.bounced' : 'email.complaint',
    actor: SYSTEM,
    visibility: 'internal',
    summary: reason,
    details: { messageId: hit.messageId, detail: problem.detail },
  });
  return { caseId: saved ? hit.caseId : null };
}

export interface Delivery {
  readonly providerMessageId: string;
  readonly source: string;
  readonly recipients: readonly string[];
  /** When the receiving server accepted it (SES `delivery.timestamp`). */
  readonly at: Date;
}

/**
 * SES reports that the receiving mail server accepted one of our messages: the case's audit
 * trail records it (docs/design.md §1.7: "sent, delivered, bounced"), once per message even when SNS
 * delivers the notification twice. Mail that is not a case's is ignored.
 */
export async function recordDelivery(deps: { readonly tenants: TenantRegistry; readonly repo: CaseRepository; readonly messages: MessageStore; readonly clock: Clock }, delivery: Delivery): Promise<{ readonly caseId: string | null }> {
  const tenant = deps.tenants.findByMailbox(delivery.source);
  if (!tenant) return { caseId: null };
  const hit = await deps.messages.findCaseByMessageIds(tenant.id, [sesMessageIdHeader(delivery.providerMessageId)]);
  if (!hit) return { caseId: null };
  const earlier = await deps.repo.listEvents(tenant.id, hit.caseId);
  if (earlier.some((e) => e.type === 'email.delivered' && e.details?.messageId === hit.messageId)) return { caseId: hit.caseId };
  const saved = await appendCaseEvent(deps, { tenantId: tenant.id, caseId: hit.caseId }, {
    type: 'email.delivered',
    actor: SYSTEM,
    visibility: 'internal',
    summary: `Our e-mail to ${delivery.recipients.join(', ')} was accepted by the recipient's mail server.`,
    details: { messageId: hit.messageId, recipients: delivery.recipients, deliveredAt: delivery.at.toISOString() },
  });
  return { caseId: saved ? hit.caseId : null };
}

