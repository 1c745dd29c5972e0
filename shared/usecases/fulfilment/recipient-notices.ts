import { SYSTEM } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { ART19_RIGHTS } from '#domain/fulfilment/kinds.ts';
import { systemsSettled, type FulfilmentTask } from '#domain/fulfilment/tasks.ts';
import { domainOf, normaliseMessageId } from '#domain/threading.ts';
import { RIGHT_ARTICLE } from '#domain/rights.ts';
import type { Clock, CaseRepository } from '#ports/cases.ts';
import type { EmailSender, MessageStore } from '#ports/mail.ts';
import type { SignedRequests } from '#ports/fulfilment.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { RegisterLookup } from '#tenants/fulfilment/registry.ts';
import { writeCase } from '#usecases/case-writes.ts';
import { sendCaseMail } from '#usecases/send-case-mail.ts';

export interface RecipientNoticeDeps {
  readonly repo: CaseRepository;
  readonly clock: Clock;
  readonly tenants: TenantRegistry;
  readonly registers: RegisterLookup;
  readonly email: EmailSender;
  readonly messages: MessageStore;
  /** Recipients reached by API (`contact.kind: 'api'`): a JWS signed with the webhook key. */
  readonly api?: SignedRequests;
}

const DAY_MS = 86_400_000;
/** How long a sender holds an Art. 19 notice (a lease: one that died is replaced after it). */
const NOTICE_CLAIM_MS = 2 * 60_000;

/** The notice's Message-ID: fixed per case and task, so a retry finds the one already sent. */
export function noticeMessageId(c: Pick<Case, 'id'>, task: Pick<FulfilmentTask, 'id'>, mailbox: string): string {
  return `<art19.${c.id}.${task.id.replace(/[^A-Za-z0-9_-]/g, '-')}@${domainOf(mailbox)}>`;
}

/**
 * GDPR Art. 19: once every system's task of an erasure (rectification, restriction) is finished,
 * each recipient that received the affected categories is sent a referenced notice, threaded on
 * the case (its replies thread back), with the date its confirmation is due.
 *
 * Primary course: open recipient tasks of Art. 19 rights whose systems are settled → per task,
 * the notice unless one with its Message-ID was sent → stored on the case's messages (thread
 * index) → the task waits for the reply, due `replyDays` later → audit event.
 * Example: `await sendRecipientNotices(deps, { tenantId: 'bajtel', caseId })` → `['erasure:courier']`.
 */
export async function sendRecipientNotices(deps: RecipientNoticeDeps, ref: { readonly tenantId: string; readonly caseId: string }): Promise<string[]> {
  // Claim → send → record, as the acknowledgement outbox: the claim is a version-checked case
  // write, so of two senders at the same moment only one holds a task's notice; one that died
  // leaves a claim that runs out, and its successor finds a notice already sent in the history.
  let claimed: string[] = [];
  const c = await writeCase(deps, ref, (current, now) => {
    const f = current.fulfilment;
    if (!f) return null;
    claimed = f.tasks
      .filter((t) => t.target.kind === 'recipient' && t.status === 'open' && !t.notice && (ART19_RIGHTS as readonly string[]).includes(t.right) && systemsSettled(f, t.right))
      .filter((t) => !t.noticeClaimUntil || Date.parse(t.noticeClaimUntil) <= now.getTime())
      .map((t) => t.id);
    if (claimed.length === 0) return null;
    const until = new Date(now.getTime() + NOTICE_CLAIM_MS).toISOString();
    return { patch: { fulfilment: { ...f, tasks: f.tasks.map((t) => (claimed.includes(t.id) ? { ...t, noticeClaimUntil: until } : t)) } }, events: [] };
  });
  if (!c?.fulfilment || claimed.length === 0) return [];
  const f = c.fulfilment;
  const due = f.tasks.filter((t) => claimed.includes(t.id));
  const tenant = deps.tenants.get(c.tenantId);
  const register = deps.registers.get(c.tenantId);
  const history = await deps.messages.listMessages(c.tenantId, c.id);
  const sent: Array<{ taskId: string; messageId: string; replyDueAt: string; sentAt: string; confirmation?: string }> = [];
  // Claims of notices that were refused: released at once, so the next call sends again.
  const refused: string[] = [];
  for (const task of due) {
    const recipient = register.recipients.find((r) => r.id === task.target.id);
    if (!recipient) continue;
    const messageId = noticeMessageId(c, task, tenant.mailbox);
    const now = deps.clock.now();
    const replyDueAt = new Date(now.getTime() + recipient.replyDays * DAY_MS).toISOString();
    if (recipient.contact.kind === 'api') {
      if (!deps.api) continue;
      const done = f.tasks.filter((t) => t.right === task.right && t.target.kind === 'system' && t.result);
      // The notice id is fixed per case and task: a retry after a lost answer is the same notice, which the recipient dedupes.
      const response = await deps.api.post(c.tenantId, recipient.contact.url, {
        type: 'rightsdesk.art19.notice',
        noticeId: messageId,
        caseId: c.id,
        caseReference: c.reference,
        taskId: task.id,
        right: task.right,
        article: RIGHT_ARTICLE[task.right],
        controller: tenant.controller.legalName,
        categories: recipient.categories,
        done: done.map((t) => ({ system: t.name, summary: t.result?.summary ?? '' })),
        replyDueAt,
      });
      // Anything but 2xx: nothing was delivered; the task stays open and the next call sends again.
      if (response.status < 200 || response.status > 299) {
        refused.push(task.id);
        continue;
      }
      const confirmation = response.status === 200 ? confirmationOf(response.body) : undefined;
      sent.push({ taskId: task.id, messageId, replyDueAt, sentAt: now.toISOString(), ...(confirmation ? { confirmation } : {}) });
      continue;
    }
    const before = history.find((m) => m.direction === 'outbound' && normaliseMessageId(m.messageId) === normaliseMessageId(messageId));
    if (before) {
      sent.push({ taskId: task.id, messageId, replyDueAt: new Date(Date.parse(before.at) + recipient.replyDays * DAY_MS).toISOString(), sentAt: before.at });
      continue;
    }
    const done = f.tasks.filter((t) => t.right === task.right && t.target.kind === 'system' && t.result);
    const subject = `[${c.reference}] GDPR Art. 19 notice: ${task.right} (${RIGHT_ARTICLE[task.right]})`;
    const text = [
      `Dear ${recipient.name},`,
      '',
      `${tenant.controller.legalName} has carried out a data subject's request for ${task.right} (${RIGHT_ARTICLE[task.right]}), reference ${c.reference}.`,
      `Under GDPR Art. 19 we ask you to do the same with the personal data we disclosed to you (${recipient.categories.join(', ')}).`,
      '',
      'What was done here:',
      ...done.map((t) => `- ${t.name}: ${t.result?.summary ?? ''}`),
      '',
      `The subject is identified by the data we sent you; reply to this e-mail (keep the reference ${c.reference} in the subject) by ${replyDueAt.slice(0, 10)} to confirm what you did.`,
      '',
      tenant.controller.legalName,
    ].join('\n');
    await sendCaseMail(deps, {
      id: `art19-${task.id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      tenantId: c.tenantId,
      caseId: c.id,
      recordedTo: [recipient.contact.email],
      mail: {
        from: tenant.mailbox,
        to: [recipient.contact.email],
        subject,
        text,
        messageId,
        inReplyTo: null,
        references: [],
        date: now,
        headers: { 'X-Rightsdesk-Case': c.reference, 'X-Rightsdesk-Notice': 'art19' },
      },
    });
    sent.push({ taskId: task.id, messageId, replyDueAt, sentAt: now.toISOString() });
  }
  if (sent.length === 0 && refused.length === 0) return [];
  await writeCase(deps, ref, (current) => {
    if (!current.fulfilment) return null;
    const byId = new Map(sent.map((s) => [s.taskId, s]));
    const tasks = current.fulfilment.tasks.map((t) => {
      if (refused.includes(t.id) && t.status === 'open') return { ...t, noticeClaimUntil: null };
      const s = byId.get(t.id);
      if (!s || t.status !== 'open') return t;
      const notice = { sentAt: s.sentAt, messageId: s.messageId, replyDueAt: s.replyDueAt };
      // A recipient's API that confirms at once finishes the task in the same write.
      if (s.confirmation) return { ...t, status: 'done' as const, noticeClaimUntil: null, notice: { ...notice, repliedAt: s.sentAt, reply: s.confirmation }, result: { outcome: t.right === 'erasure' ? ('erased' as const) : ('found' as const), summary: `Recipient confirmed: ${s.confirmation}`, by: { kind: 'system' as const, id: `api:${t.target.id}` }, at: s.sentAt } };
      return { ...t, status: 'awaiting_reply' as const, dueAt: s.replyDueAt, remindAt: new Date(Date.parse(s.replyDueAt) - 2 * DAY_MS).toISOString(), notice, noticeClaimUntil: null };
    });
    return {
      patch: { fulfilment: { ...current.fulfilment, tasks } },
      events: sent.map((s) => ({ type: 'fulfilment.recipient_notified', actor: SYSTEM, visibility: 'internal' as const, summary: `Art. 19 notice sent for ${s.taskId}; reply due ${s.replyDueAt.slice(0, 10)}.`, details: { taskId: s.taskId, messageId: s.messageId, replyDueAt: s.replyDueAt } })),
    };
  });
  return sent.map((s) => s.taskId);
}

/** A recipient API's immediate answer: `{ confirmed: true, summary }` confirms now; anything else means "reply later". */
function confirmationOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { confirmed?: unknown; summary?: unknown };
    if (parsed.confirmed === true) return (typeof parsed.summary === 'string' && parsed.summary.trim() ? parsed.summary.trim() : 'confirmed').slice(0, 500);
  } catch {
    // Not JSON: an acknowledgement without a confirmation.
  }
  return undefined;
}

/**
 * A reply threaded onto a case answers a recipient's notice when it refers to the notice's
 * Message-ID: the task is done with the reply's first lines as its result. False when the mail is
 * not a reply to any notice (it is then the subject's, as before).
 */
export async function recordRecipientReply(
  deps: Pick<RecipientNoticeDeps, 'repo' | 'clock'>,
  ref: { readonly tenantId: string; readonly caseId: string },
  mail: { readonly messageIds: readonly string[]; readonly from: string | null; readonly text: string },
): Promise<boolean> {
  const ids = new Set(mail.messageIds.map(normaliseMessageId));
  let matched = false;
  await writeCase(deps, ref, (c, now) => {
    const task = c.fulfilment?.tasks.find((t) => t.notice && ids.has(normaliseMessageId(t.notice.messageId)));
    if (!c.fulfilment || !task?.notice) return null;
    matched = true;
    if (task.status !== 'awaiting_reply') return null;
    const reply = mail.text.trim().split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('>')).slice(0, 5).join(' ').slice(0, 500);
    const at = now.toISOString();
    const done: FulfilmentTask = {
      ...task,
      status: 'done',
      notice: { ...task.notice, repliedAt: at, reply },
      result: { outcome: task.right === 'erasure' ? 'erased' : 'found', summary: `Recipient replied: ${reply}`, by: { kind: 'system', id: mail.from ?? 'recipient' }, at },
    };
    return {
      patch: { fulfilment: { ...c.fulfilment, tasks: c.fulfilment.tasks.map((t) => (t.id === task.id ? done : t)) } },
      events: [{ type: 'fulfilment.recipient_replied', actor: SYSTEM, visibility: 'internal', summary: `${task.name} replied to the Art. 19 notice.`, details: { taskId: task.id, from: mail.from } }],
    };
  });
  return matched;
}
