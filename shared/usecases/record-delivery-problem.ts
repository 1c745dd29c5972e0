import { SYSTEM } from '#domain/audit.ts';
import { nextEvents } from '#domain/case.ts';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import type { MessageStore } from '#domain/mail.ts';
import type { CaseRepository, Clock } from '#domain/ports.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { sesMessageIdHeader } from './notify-subject.ts';

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
  for (let attempt = 1; ; attempt++) {
    const current = await deps.repo.getCase(tenant.id, hit.caseId);
    if (!current) return { caseId: null };
    const now = deps.clock.now();
    const events = nextEvents(current, now, [
      { type: problem.kind === 'bounce' ? 'email.bounced' : 'email.complaint', actor: SYSTEM, visibility: 'internal', summary: reason, details: { messageId: hit.messageId, detail: problem.detail } },
    ]);
    try {
      await deps.repo.saveCase({ ...current, version: current.version + 1, lastEventSeq: current.lastEventSeq + 1, updatedAt: now.toISOString() }, events);
      return { caseId: hit.caseId };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= 4) throw error;
    }
  }
}
