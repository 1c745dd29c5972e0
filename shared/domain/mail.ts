import type { Case } from './case.ts';
import type { Channel } from './channels.ts';
import type { NoticeKind } from './notices.ts';
import type { RightType } from './rights.ts';

/**
 * Messages in and out of a case (docs/design.md §1.2, §1.7): every e-mail, letter or notice is kept on
 * the case as evidence, with the headers that thread it and its raw form.
 */
export type MessageDirection = 'inbound' | 'outbound';

export interface StoredAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** Object key in the evidence bucket. */
  readonly key: string;
  /** Set once the file was erased after an identity review: when, and the SHA-256 it had. */
  readonly removed?: { readonly at: string; readonly sha256: string };
}

/** Why an inbound message needs a person to look at it. */
export const INBOUND_FLAGS = [
  'unparseable',
  'no_tenant',
  'no_sender',
  'unclassified',
  'forwarded',
  'auto_reply',
  'bounce',
  'complaint',
  /** Processing failed on every re-drive (shared/usecases/process-inbound.ts); the raw is kept. */
  'processing_failed',
  /** The sender's address has no domain or an invalid one: kept, no case, no reply (issue 16). */
  'invalid_sender',
  /** A case was opened, but its address cannot be written to by SES (SMTPUTF8 local part). */
  'cannot_answer_by_email',
  /** A Reply-To other than the authenticated From: recorded as claimed, not used. */
  'reply_to_claimed',
] as const;
export type InboundFlag = (typeof INBOUND_FLAGS)[number];

export interface RightMatch {
  readonly right: RightType;
  /** The phrase of the message that matched, as written (shown to staff). */
  readonly phrase: string;
  readonly language: 'lt' | 'en';
}

/** How the rights of an e-mailed request were read from its text; staff confirm or correct it. */
export interface Classification {
  readonly rights: readonly RightType[];
  readonly matches: readonly RightMatch[];
  /** False when staff must confirm the rights (`needsConfirmation`). */
  readonly confident: boolean;
  /** Per right read, how sure the reading is (0–1); `CONFIDENT` (0.75) and above is taken without staff. */
  readonly confidence?: Partial<Record<RightType, number>>;
  /** Nothing read, or a right read with too little confidence: the case waits for staff to confirm its rights. */
  readonly needsConfirmation?: boolean;
  /** Rights the text names only to refuse them ("nenoriu, kad ištrintumėte"): shown to staff, not opened. */
  readonly negated?: readonly RightType[];
  /** The statistical model's probability for each right it finds at all likely (≥ 0.05; classifier/model.ts). */
  readonly model?: Partial<Record<RightType, number>>;
  /** Whether the model agrees with the rules' reading (classifier/agreement.ts): when not, staff confirm the rights. */
  readonly modelAgrees?: boolean;
}

export interface CaseMessage {
  readonly id: string;
  readonly tenantId: string;
  readonly caseId: string;
  readonly direction: MessageDirection;
  readonly channel: Channel;
  /** ISO instant: receipt by our mail server (inbound) or hand-over to SES (outbound). */
  readonly at: string;
  readonly subject: string;
  /** RFC 5322 Message-ID with angle brackets, e.g. `<abc@example.lt>`. */
  readonly messageId: string;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly from: string;
  readonly to: readonly string[];
  /** The full MIME source when small enough to keep in the table… */
  readonly raw?: string;
  /** …or where it is stored (inbound: the receiving bucket; outbound: the evidence bucket). */
  readonly rawKey?: string;
  readonly attachments: readonly StoredAttachment[];
  /** Outbound: which notice this was. */
  readonly notice?: NoticeKind;
  /** Outbound notices: which sending this was (`noticeKey`), so a retried step does not send it twice. */
  readonly noticeKey?: string;
  /** Outbound: the id SES gave the send (bounce and complaint notifications name it). */
  readonly providerMessageId?: string;
  /** Inbound: how the request's rights were read (new cases only). */
  readonly classification?: Classification;
  /** Inbound: automated mail (auto-reply, bounce) kept for the record, never answered. */
  readonly automated?: 'auto_reply' | 'bounce' | 'complaint';
}

/** Inbound mail that could not be handled automatically: kept, never dropped, shown to staff. */
export interface FlaggedInbound {
  readonly id: string;
  /** `null` when no tenant's mailbox matched. */
  readonly tenantId: string | null;
  readonly at: string;
  readonly flag: InboundFlag;
  readonly reason: string;
  /** Where the raw message is (receiving bucket). */
  readonly rawKey: string;
  readonly messageId?: string;
  readonly from?: string;
  readonly subject?: string;
  readonly caseId?: string;
}

export interface MailAddress {
  readonly address: string;
  readonly name: string;
}

/** An inbound e-mail after MIME parsing: what the use case needs, nothing library-specific. */
export interface ParsedEmail {
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly subject: string;
  readonly from: MailAddress | null;
  readonly replyTo: MailAddress | null;
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  readonly date: Date | null;
  /** Plain text; derived from the HTML part when the mail has only HTML. */
  readonly text: string;
  /** Header name (lower case) → raw value(s), for auto-reply detection. */
  readonly headers: Readonly<Record<string, string>>;
  /** Top-level media type, e.g. `multipart/report` for delivery status notifications. */
  readonly contentType: string;
  readonly attachments: ReadonlyArray<{ readonly filename: string; readonly contentType: string; readonly content: Uint8Array }>;
}

export interface OutgoingEmail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly messageId: string;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly date: Date;
  readonly headers: Readonly<Record<string, string>>;
  readonly attachments?: ReadonlyArray<{ readonly filename: string; readonly contentType: string; readonly content: Uint8Array }>;
}


/**
 * One notice per kind per state of the case: a workflow step that fails after sending and is
 * retried reads the same case version (nothing it did was saved), so it finds its notice
 * already sent. A later notice of the same kind follows a saved change, hence a new version.
 */
export function noticeKey(c: Pick<Case, 'version'>, kind: NoticeKind): string {
  return `${kind}#v${c.version}`;
}

/**
 * The notice already sent for this case state, if any. An acknowledgement is sent once per case
 * whatever the version (SES redelivery and API retries come after the case was saved).
 */
export function findSentNotice(history: readonly CaseMessage[], c: Pick<Case, 'version'>, kind: NoticeKind): CaseMessage | undefined {
  const key = noticeKey(c, kind);
  return history.find((m) => m.direction === 'outbound' && m.notice === kind && (kind === 'acknowledgement' || m.noticeKey === key));
}
