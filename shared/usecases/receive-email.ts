import { isReceiptInRange } from '#deadlines/calendar.ts';
import { SYSTEM } from '#domain/audit.ts';
import { isOpen, type Case } from '#domain/case.ts';
import { classifyAutomated } from '#domain/automated-mail.ts';
import type { CaseMessage, Classification, FlaggedInbound, InboundFlag, MailAddress, ParsedEmail, StoredAttachment } from '#domain/mail.ts';
import type { BlobStore, MailParser, MessageStore } from '#ports/mail.ts';
import { RIGHT_ARTICLE } from '#domain/rights.ts';
import { domainOf, parseMessageIds, referencesIn } from '#domain/threading.ts';
import type { TenantConfig } from '#domain/tenant-policy.ts';
import { acknowledgeCase } from './acknowledge-case.ts';
import { INLINE_RAW_LIMIT } from './send-case-mail.ts';
import { submitRequest, type SubmitRequestDeps } from './submit-request.ts';
import { appendCaseEvent, type EventDraft } from './case-writes.ts';
import { CANNOT_ANSWER_BY_EMAIL, checkAddress } from '#domain/mail-address.ts';
import { judgeSender, type AuthVerdicts, type SenderAuthentication } from '#domain/sender-authentication.ts';
import type { RightsConfirmation } from '#domain/rights-confirmation.ts';
import { answerByEmail } from './workflow/register-reply.ts';
import { recordRecipientReply } from './fulfilment/recipient-notices.ts';

export interface ReceiveEmailDeps extends SubmitRequestDeps {
  readonly messages: MessageStore;
  readonly parser: MailParser;
  /** The receiving bucket SES (or the local SMTP listener) stored the raw message in. */
  readonly inboundMail: BlobStore;
  /** Where attachments are kept as evidence. */
  readonly evidence: BlobStore;
  /** The notifier queues letters for post and in-person cases (a letter renderer is configured). */
  readonly lettersOnPaper?: boolean;
}

export interface ReceiveEmailInput {
  /** Object key of the raw message in the receiving bucket. */
  readonly rawKey: string;
  /** When our mail server received it: the moment of receipt (docs/design.md §1.4). */
  readonly receivedAt: Date;
  /** Envelope recipients (RCPT TO): they route the mail even when To/Cc don't name the mailbox. */
  readonly recipients: readonly string[];
  /** The receiving service's id of this delivery (SES `mail.messageId`); stable across retries. */
  readonly deliveryId: string;
  /** SPF/DKIM/DMARC verdicts of the receiving side (SES receipt; mailauth locally); none proves nothing. */
  readonly authentication?: AuthVerdicts;
}

export type ReceiveEmailResult =
  | { readonly outcome: 'created'; readonly caseId: string; readonly reference: string }
  | { readonly outcome: 'threaded'; readonly caseId: string }
  | { readonly outcome: 'duplicate'; readonly caseId: string }
  | { readonly outcome: 'automated'; readonly kind: 'auto_reply' | 'bounce'; readonly caseId: string | null }
  | { readonly outcome: 'flagged'; readonly flag: InboundFlag; readonly caseId: string | null };

/**
 * Handles one e-mail that reached a privacy mailbox.
 *
 * Primary course: read the raw message → parse the MIME → find the tenant by recipient mailbox →
 * drop nothing: a Message-ID seen before is a duplicate delivery → machine-written mail (auto-
 * replies, bounces) is kept on its case or flagged, never answered → a reply to one of our
 * messages (In-Reply-To/References, or the case reference in the subject) is threaded onto that
 * case → otherwise a new `email` case: rights read from the text, attachments kept as evidence,
 * receipt at the mail server's timestamp, acknowledged by a threaded reply.
 * Every step is idempotent (keys derive from tenant + Message-ID), so a failed run is retried
 * whole and processes the message once.
 * Example: `await receiveEmail(deps, { rawKey: 'inbound/abc', receivedAt, recipients: ['duomenuapsauga@softera.lt'], deliveryId: 'abc' })`.
 */
export async function receiveEmail(deps: ReceiveEmailDeps, input: ReceiveEmailInput): Promise<ReceiveEmailResult> {
  const raw = await deps.inboundMail.get(input.rawKey);
  const envelopeTenant = tenantFor(deps, input.recipients.map((address) => ({ address, name: '' })));

  let mail: ParsedEmail;
  try {
    mail = await deps.parser.parse(raw);
  } catch (error) {
    return flagged(deps, input, envelopeTenant?.id ?? null, 'unparseable', `The message could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const tenant = envelopeTenant ?? tenantFor(deps, [...mail.to, ...mail.cc]);
  const summary = { ...(mail.from ? { from: mail.from.address } : {}), subject: mail.subject, ...(mail.messageId ? { messageId: mail.messageId } : {}) };
  if (!tenant) return flagged(deps, input, null, 'no_tenant', 'No privacy mailbox of a tenant among the recipients.', summary);

  // Without a Message-ID the delivery id is the only stable identity a retry shares.
  const messageId = mail.messageId ?? `<${input.deliveryId}@delivery.invalid>`;
  const seen = await deps.messages.findCaseByMessageIds(tenant.id, [messageId]);
  if (seen) {
    const existing = await deps.repo.getCase(tenant.id, seen.caseId);
    if (existing) {
      // A run that stored the case but died (or lost a race) before acknowledging or starting the
      // workflows finishes the job now: the outbox claim lets one run send, and starting an
      // execution that exists is a no-op.
      if (existing.createdBy.kind === 'subject' && existing.channel === 'email' && (await caseIdFor(tenant.id, messageId)) === existing.id) {
        await finishOpening(deps, existing);
      }
      return { outcome: 'duplicate', caseId: existing.id };
    }
  }

  const automated = classifyAutomated({ headers: mail.headers, contentType: mail.contentType, from: mail.from?.address ?? null, subject: mail.subject });
  const threadIds = threadCandidates(mail);
  const thread = await findThread(deps, tenant, mail, threadIds);

  if (automated.kind) {
    if (!thread) {
      return flagged(deps, input, tenant.id, automated.kind, `${automated.kind === 'bounce' ? 'Bounce' : 'Automatic reply'} that matches no case (${automated.reason}); kept, not answered.`, summary);
    }
    const stored = await storeInbound(deps, tenant, thread, mail, messageId, input, raw, { automated: automated.kind });
    if (stored === 'added') {
      await appendSystemEvent(deps, tenant.id, thread, {
        type: automated.kind === 'bounce' ? 'email.bounced' : 'email.auto_reply',
        summary: automated.kind === 'bounce' ? `A message to the subject bounced (${automated.reason}).` : `Automatic reply received (${automated.reason}); not answered.`,
        details: { messageId },
      });
      if (automated.kind === 'bounce') {
        await deps.messages.flag(flagItem(input, tenant.id, 'bounce', `Our message could not be delivered (${automated.reason}); the subject must be reached another way.`, { ...summary, caseId: thread }));
      }
    }
    return { outcome: 'automated', kind: automated.kind, caseId: thread };
  }

  if (thread) {
    const stored = await storeInbound(deps, tenant, thread, mail, messageId, input, raw, {});
    // A recipient's reply to an Art. 19 notice finishes its task (docs/fulfilment.md); other replies are the subject's.
    const fromRecipient = stored === 'added' && (await recordRecipientReply(deps, { tenantId: tenant.id, caseId: thread }, { messageIds: threadIds, from: mail.from?.address ?? null, text: mail.text ?? '' }));
    if (stored === 'added' && !fromRecipient) {
      await appendSystemEvent(deps, tenant.id, thread, { type: 'email.received', summary: `E-mail from the subject: "${mail.subject || '(no subject)'}".`, details: { messageId }, visibility: 'public' });
    }
    // An answer to the details staff asked for resumes the case (and may restart its period).
    await answerByEmail(deps, { tenantId: tenant.id, caseId: thread, from: mail.from?.address ?? '', receivedAt: input.receivedAt, messageId });
    return stored === 'added' ? { outcome: 'threaded', caseId: thread } : { outcome: 'duplicate', caseId: thread };
  }

  return openEmailCase(deps, tenant, mail, messageId, input, raw, summary);
}

async function openEmailCase(
  deps: ReceiveEmailDeps,
  tenant: TenantConfig,
  mail: ParsedEmail,
  messageId: string,
  input: ReceiveEmailInput,
  raw: Uint8Array,
  summary: Pick<FlaggedInbound, 'from' | 'subject' | 'messageId'>,
): Promise<ReceiveEmailResult> {
  const forwarded = forwardedByStaff(tenant, mail);
  // The requester is who the message is From (or, forwarded by staff, the forwarded From): a
  // Reply-To is the sender's claim, never where an identity link or the acknowledgement goes.
  const requester = forwarded?.original ?? mail.from;
  const rawFrom = mail.headers.from?.trim();
  if (!requester && rawFrom) {
    // A From header with no address in it (an anonymised "xxxxxxxxxx"): kept and flagged, never answered.
    return flagged(deps, input, tenant.id, 'invalid_sender', `The sender "${rawFrom.slice(0, 200)}" has no "@domain"; kept, no case opened, nothing sent.`, summary);
  }
  if (!requester || requester.address === tenant.mailbox.toLowerCase()) {
    return flagged(deps, input, tenant.id, 'no_sender', 'The message has no address we could answer.', summary);
  }
  const address = checkAddress(requester.address);
  if (!address.ok) {
    return flagged(deps, input, tenant.id, 'invalid_sender', `The sender's address "${requester.address}" cannot be answered (${address.reason}); kept, no case opened, nothing sent.`, summary);
  }
  const sender = senderOf(mail, requester, forwarded !== null, input.authentication, address.sesAddress === null);
  // The classifier (its lexicon compiles ~340 patterns, ~25 ms) loads with the first message that
  // opens a case: the function's sweeps, drains and thread replies never need it (docs/performance.md).
  const { classifyRights, detectLanguage, loadRightsModel } = await import('#domain/classify-rights.ts');
  const classification = classifyRights(mail.text, mail.subject, await loadRightsModel());
  const caseId = await caseIdFor(tenant.id, messageId);
  // A forwarded block's date is the sender's text: only a plausible one (within the year before our
  // receipt, and one the deadline engine can count from) moves the receipt time back.
  const receivedAt = forwarded?.date && plausibleForwardedDate(forwarded.date, input.receivedAt) ? forwarded.date : input.receivedAt;

  await storeInbound(deps, tenant, caseId, mail, messageId, input, raw, { classification });

  let c = await deps.repo.getCase(tenant.id, caseId);
  if (!c) {
    const details = (right: string) =>
      classification.matches
        .filter((m) => m.right === right)
        .map((m) => `"${m.phrase}"`)
        .join(', ');
    const result = await submitRequest(
      { ...deps, ids: { caseId: () => caseId } },
      {
        tenantId: tenant.id,
        channel: 'email',
        actor: { kind: 'subject', id: requester.address },
        receivedAt,
        request: {
          rights: classification.rights.map((type) => {
            const phrases = details(type);
            return { type, details: phrases ? `Read from the e-mail: ${phrases}` : 'Nothing recognisable in the e-mail; staff to read and correct.' };
          }),
          subject: { name: requester.name.trim() || requester.address, email: requester.address },
          language: detectLanguage(mail.text, mail.subject),
        },
        // The same Message-ID delivered twice at once: the conditional write keyed by
        // tenant + Message-ID lets exactly one of them create the case.
        idempotency: { scope: 'email', key: messageId, fingerprint: 'email' },
        // Born with the case: the workflow that starts last never races a later write of it.
        firstEvents: [classificationEvent(classification, forwarded !== null, sender)],
        channelFacts: { sender, ...(classification.needsConfirmation ? { rightsConfirmation: rightsToConfirm(classification, receivedAt) } : {}) },
      },
    );
    c = result.case;
  } else {
    c = await finishOpening(deps, c);
  }
  if (classification.needsConfirmation) {
    await deps.messages.flag(
      flagItem(
        input,
        tenant.id,
        'unclassified',
        classification.matches.length === 0
          ? 'No right recognised in the text: rights need staff confirmation before the case goes on (it waits for you).'
          : `${unsureText(classification)}: rights need staff confirmation before the case goes on (it waits for you).`,
        { ...summary, caseId },
      ),
    );
  }
  if (sender.claimedReplyTo) {
    await deps.messages.flag(flagItem(input, tenant.id, 'reply_to_claimed', `Reply-To ${sender.claimedReplyTo} differs from the sender ${sender.from}: recorded as claimed; every reply goes to ${sender.from}. Staff decide.`, { ...summary, caseId }));
  }
  if (sender.cannotAnswerByEmail) {
    await deps.messages.flag(flagItem(input, tenant.id, 'cannot_answer_by_email', `${sender.cannotAnswerByEmail}: the case is open, but no e-mail can be sent to ${sender.from}. Reach the subject another way.`, { ...summary, caseId }));
  }
  if (forwarded) {
    await deps.messages.flag(
      flagItem(
        input,
        tenant.id,
        'forwarded',
        forwarded.date && receivedAt !== forwarded.date
          ? `Forwarded by ${mail.from?.address ?? 'staff'}; the requester was taken from the forwarded message, but its date (${forwarded.date.toISOString()}) is not plausible, so the receipt time is when we received the forward. Check them.`
          : `Forwarded by ${mail.from?.address ?? 'staff'}; the requester and the receipt time were taken from the forwarded message. Check them.`,
        { ...summary, caseId },
      ),
    );
  }
  return { outcome: 'created', caseId: c.id, reference: c.reference };
}

const FORWARD_WINDOW_MS = 366 * 24 * 3600_000;

function plausibleForwardedDate(date: Date, receivedAt: Date): boolean {
  return date <= receivedAt && receivedAt.getTime() - date.getTime() <= FORWARD_WINDOW_MS && isReceiptInRange(date);
}

/** The acknowledgement (when still owed) and the workflows of an e-mail case another run opened. */
async function finishOpening(deps: ReceiveEmailDeps, c: Case): Promise<Case> {
  const current = c.acknowledgement.status === 'pending' || c.acknowledgement.status === 'failed' ? (await acknowledgeCase(deps, c)).case : c;
  // A closed case keeps its finished executions; after a local restart they are gone, and starting
  // them again would re-run a finished case.
  if (isOpen(current.status)) await deps.workflows?.startCase(current);
  return current;
}

/** The mailbox (first match) of a tenant among these addresses. */
function tenantFor(deps: ReceiveEmailDeps, addresses: readonly MailAddress[]): TenantConfig | undefined {
  for (const a of addresses) {
    const t = deps.tenants.findByMailbox(a.address);
    if (t) return t;
  }
  return undefined;
}

/** Message-IDs this mail answers, newest first, plus those named inside a bounce's report. */
function threadCandidates(mail: ParsedEmail): string[] {
  const ids = [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...[...mail.references].reverse()];
  for (const a of mail.attachments) {
    if (/^(message\/rfc822|text\/rfc822-headers|message\/delivery-status|message\/global-headers)/i.test(a.contentType)) {
      const head = new TextDecoder().decode(a.content.subarray(0, 16_384));
      for (const m of head.matchAll(/^(?:message-id|in-reply-to|references):\s*(.+(?:\r?\n[ \t].+)*)/gim)) ids.push(...parseMessageIds(m[1] ?? ''));
    }
  }
  // SES rewrites the Message-ID of what it sends to <id@region.amazonses.com>; we index <id@amazonses.com>.
  const aliases = ids.map((id) => id.replace(/@[a-z0-9-]+\.amazonses\.com>$/i, '@amazonses.com>'));
  return [...new Set([...ids, ...aliases])];
}

async function findThread(deps: ReceiveEmailDeps, tenant: TenantConfig, mail: ParsedEmail, ids: readonly string[]): Promise<string | null> {
  const byHeader = await deps.messages.findCaseByMessageIds(tenant.id, ids);
  if (byHeader) return byHeader.caseId;
  const texts = [mail.subject, ...mail.attachments.filter((a) => /rfc822|delivery-status|headers/i.test(a.contentType)).map((a) => new TextDecoder().decode(a.content.subarray(0, 16_384)))];
  for (const reference of referencesIn(texts.join('\n'), [tenant.referencePrefix])) {
    const caseId = await deps.repo.findCaseIdByReference(tenant.id, reference);
    if (caseId) return caseId;
  }
  return null;
}

/**
 * A request a staff member forwarded from the controller's own domain: the requester is the
 * person in the forwarded header block, and the request reached the controller when they sent it.
 */
function forwardedByStaff(tenant: TenantConfig, mail: ParsedEmail): { original: MailAddress; date: Date | null } | null {
  if (!mail.from || domainOf(mail.from.address) !== domainOf(tenant.mailbox)) return null;
  const block = /(?:-{2,}\s*(?:forwarded message|original message|persiųstas laiškas|originalus laiškas)\s*-{2,}|^begin forwarded message:)([\s\S]{0,2000})/im.exec(mail.text);
  if (!block) return null;
  const from = /^\s*(?:from|nuo|siuntėjas)\s*:\s*(?:"?([^"<\n]*?)"?\s*)?<?([^\s<>@]+@[^\s<>]+?)>?\s*$/im.exec(block[1] ?? '');
  if (!from?.[2]) return null;
  const dateLine = /^\s*(?:date|sent|data|išsiųsta)\s*:\s*(.+)$/im.exec(block[1] ?? '');
  const date = dateLine?.[1] ? new Date(dateLine[1].trim()) : null;
  return { original: { address: from[2].toLowerCase(), name: (from[1] ?? '').trim() }, date: date && !Number.isNaN(date.getTime()) ? date : null };
}

async function storeInbound(
  deps: ReceiveEmailDeps,
  tenant: TenantConfig,
  caseId: string,
  mail: ParsedEmail,
  messageId: string,
  input: ReceiveEmailInput,
  raw: Uint8Array,
  extra: Pick<CaseMessage, 'classification' | 'automated'>,
): Promise<'added' | 'exists'> {
  const id = input.deliveryId;
  const attachments: StoredAttachment[] = [];
  for (const [index, a] of mail.attachments.entries()) {
    // Keys derive from the delivery, so a retried run overwrites instead of duplicating.
    const key = `cases/${tenant.id}/${caseId}/${id}/${String(index + 1).padStart(2, '0')}-${safeName(a.filename)}`;
    await deps.evidence.put(key, a.content, a.contentType);
    attachments.push({ filename: a.filename, contentType: a.contentType, size: a.content.byteLength, key });
  }
  const message: CaseMessage = {
    id,
    tenantId: tenant.id,
    caseId,
    direction: 'inbound',
    channel: 'email',
    at: input.receivedAt.toISOString(),
    subject: mail.subject,
    messageId,
    inReplyTo: mail.inReplyTo,
    references: [...mail.references],
    from: mail.from?.address ?? '',
    to: [...mail.to.map((a) => a.address)],
    ...(raw.byteLength <= INLINE_RAW_LIMIT ? { raw: new TextDecoder().decode(raw) } : {}),
    rawKey: input.rawKey,
    attachments,
    ...extra,
  };
  return deps.messages.addMessage(message);
}

function safeName(name: string): string {
  return name.normalize('NFKD').replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file';
}

/** Case ids of e-mailed requests derive from tenant + Message-ID: every retry addresses the same case. */
async function caseIdFor(tenantId: string, messageId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${tenantId}\n${messageId}`)));
  const hex = [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  // Shaped as a UUID (version nibble 8: "custom") so it looks like every other case id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * What the message proved about its sender: the receiving side's verdicts judged for the From
 * address (a forwarded request's requester is not the one who sent it, so nothing is proven), a
 * different Reply-To kept as claimed, and an address SES cannot write to.
 */
function senderOf(mail: ParsedEmail, requester: MailAddress, forwarded: boolean, verdicts: AuthVerdicts | undefined, smtputf8Only: boolean): SenderAuthentication {
  const judged: SenderAuthentication = forwarded
    ? { from: requester.address, verdicts: null, authenticated: false, reason: `Forwarded by ${mail.from?.address ?? 'staff'}: the requester's own message did not reach us, so their address is not proven.` }
    : judgeSender(requester.address, verdicts ?? null);
  const replyTo = mail.replyTo?.address;
  const claimed = !forwarded && replyTo && replyTo.toLowerCase() !== requester.address.toLowerCase() ? replyTo : undefined;
  return {
    ...judged,
    ...(claimed ? { claimedReplyTo: claimed } : {}),
    ...(smtputf8Only ? { cannotAnswerByEmail: `${CANNOT_ANSWER_BY_EMAIL} (the address has a non-ASCII local part, SMTPUTF8, which SES does not deliver)` } : {}),
  };
}

function rightsToConfirm(classification: Classification, receivedAt: Date): RightsConfirmation {
  return { status: 'needed', since: receivedAt.toISOString(), confidence: classification.confidence ?? {} };
}

function confidenceText(classification: Classification): string {
  return Object.entries(classification.confidence ?? {})
    .map(([right, value]) => `${right} ${(value ?? 0).toFixed(2)}`)
    .join(', ');
}

/** Why a reading goes to staff: the rules were unsure, or the model disagreed with them (classify-rights.ts). */
function unsureText(classification: Classification): string {
  if (classification.modelAgrees === false) {
    const model = Object.entries(classification.model ?? {})
      .map(([right, p]) => `${right} ${(p ?? 0).toFixed(2)}`)
      .join(', ');
    return `Rights read as ${classification.rights.join(', ')} (${confidenceText(classification)}), but the statistical reading disagrees (${model || 'no right likely'})`;
  }
  return `Rights read with too little confidence (${confidenceText(classification)})`;
}

/** How the e-mail was read, and what it proved about its sender (kept together: one event born with the case). */
function classificationEvent(classification: Classification, forwarded: boolean, sender: SenderAuthentication): EventDraft {
  return {
    type: 'email.classified',
    actor: SYSTEM,
    visibility: 'internal',
    summary: classification.confident
      ? `Rights read from the e-mail: ${classification.rights.map((r) => `${r} (${RIGHT_ARTICLE[r]})`).join(', ')}. Staff may correct them.`
      : classification.matches.length === 0
        ? 'No right recognised in the e-mail: rights need staff confirmation; the case waits for it.'
        : `${unsureText(classification)}: rights need staff confirmation; the case waits for it.`,
    details: { ...classification, forwarded, sender: { ...sender } },
  };
}


function flagItem(input: ReceiveEmailInput, tenantId: string | null, flag: InboundFlag, reason: string, extra: Partial<Pick<FlaggedInbound, 'from' | 'subject' | 'messageId' | 'caseId'>> = {}): FlaggedInbound {
  return { id: `${input.deliveryId}#${flag}`, tenantId, at: input.receivedAt.toISOString(), flag, reason, rawKey: input.rawKey, ...extra };
}

async function flagged(
  deps: ReceiveEmailDeps,
  input: ReceiveEmailInput,
  tenantId: string | null,
  flag: InboundFlag,
  reason: string,
  extra: Partial<Pick<FlaggedInbound, 'from' | 'subject' | 'messageId' | 'caseId'>> = {},
): Promise<ReceiveEmailResult> {
  await deps.messages.flag(flagItem(input, tenantId, flag, reason, extra));
  return flag === 'auto_reply' || flag === 'bounce' ? { outcome: 'automated', kind: flag, caseId: null } : { outcome: 'flagged', flag, caseId: null };
}

/** An audit event by the system on a case (the workflow may be writing it too: see case-writes.ts). */
async function appendSystemEvent(
  deps: ReceiveEmailDeps,
  tenantId: string,
  caseId: string,
  event: { type: `${string}.${string}`; summary: string; details: Record<string, unknown>; visibility?: 'public' | 'internal' },
): Promise<void> {
  await appendCaseEvent(deps, { tenantId, caseId }, { type: event.type, actor: SYSTEM, visibility: event.visibility ?? 'internal', summary: event.summary, details: event.details });
}
