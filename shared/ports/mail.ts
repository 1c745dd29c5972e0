import type { CaseMessage, FlaggedInbound, OutgoingEmail, ParsedEmail } from '#domain/mail.ts';
/** Ports of the e-mail channel (docs/design.md §1.2); the message shapes are in #domain/mail.ts. */

/**
 * Where messages of a case live, and the thread index that finds a case by any Message-ID it
 * sent or received. Example:
 * `await store.addMessage(m)` → `'added'`; `await store.findCaseByMessageIds('softera', ['<a@b>'])`.
 */
export interface MessageStore {
  /**
   * Stores the message and indexes its Message-ID (and `alsoKnownAs`, e.g. the id SES gives an
   * outbound mail) for threading, all conditionally: a second call with the same tenant +
   * Message-ID changes nothing and answers `'exists'` (duplicate delivery).
   */
  addMessage(message: CaseMessage, alsoKnownAs?: readonly string[]): Promise<'added' | 'exists'>;
  listMessages(tenantId: string, caseId: string): Promise<readonly CaseMessage[]>;
  /**
   * Rewrites a stored message in place (same case, time and id): only erasure uses it, to drop an
   * ID scan from the raw MIME and mark the attachment removed. Threading is not touched.
   */
  replaceMessage(message: CaseMessage): Promise<void>;
  /** The case that sent or received one of these Message-IDs (first match in the given order). */
  findCaseByMessageIds(tenantId: string, messageIds: readonly string[]): Promise<{ caseId: string; messageId: string } | null>;
  /** Keeps an inbound item for staff; a second call with the same id is a no-op. */
  flag(item: FlaggedInbound): Promise<void>;
  listFlagged(tenantId: string | null, limit: number): Promise<readonly FlaggedInbound[]>;
}

/** Named byte stores (the receiving bucket, the evidence bucket). */
export interface BlobStore {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array>;
}

/** MIME parsing (postal-mime in the adapter). Throws when the bytes are not a message at all. */
export interface MailParser {
  parse(raw: Uint8Array): Promise<ParsedEmail>;
}

/**
 * Sends a threaded e-mail and returns the exact MIME it stands for (evidence), plus the id the
 * provider gave the send. Example: `await sender.send(mail)` → `{ raw, providerMessageId }`.
 */
export interface EmailSender {
  send(mail: OutgoingEmail): Promise<{ readonly raw: string; readonly providerMessageId: string }>;
}
