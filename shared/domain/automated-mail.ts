/**
 * Recognises mail written by machines, which must never open a case and never be answered
 * (RFC 3834 §2, RFC 3464): auto-replies, out-of-office notes, list mail and bounces.
 */
export type AutomatedKind = 'bounce' | 'auto_reply' | null;

export interface AutomatedVerdict {
  readonly kind: AutomatedKind;
  readonly reason: string;
}

export interface MailSignals {
  /** Header name in lower case → value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
  readonly from: string | null;
  readonly subject: string;
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT = /^(undeliver(ed|able)|delivery status notification|returned mail|mail delivery (failed|failure)|failure notice|nepristatyta)/i;
const AUTO_SUBJECT = /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|automatinis atsakymas|ne biure|atostogauju)/i;

/**
 * Example: `classifyAutomated({ headers: { 'auto-submitted': 'auto-replied' }, … })` →
 * `{ kind: 'auto_reply', reason: 'Auto-Submitted: auto-replied' }`.
 */
export function classifyAutomated(mail: MailSignals): AutomatedVerdict {
  const h = mail.headers;
  const contentType = mail.contentType.toLowerCase();
  if (contentType.startsWith('multipart/report')) {
    // A read receipt (disposition-notification) is automated too, but it is not a failure.
    return /report-type\s*=\s*"?disposition-notification/i.test(contentType)
      ? { kind: 'auto_reply', reason: 'multipart/report read receipt (RFC 8098)' }
      : { kind: 'bounce', reason: 'multipart/report delivery status notification (RFC 3464)' };
  }
  if (mail.from && BOUNCE_SENDER.test(mail.from)) return { kind: 'bounce', reason: `sent by ${mail.from}` };
  if (h['x-failed-recipients']) return { kind: 'bounce', reason: 'X-Failed-Recipients' };
  if (BOUNCE_SUBJECT.test(mail.subject) && (!mail.from || /daemon|postmaster|mailer/i.test(mail.from))) {
    return { kind: 'bounce', reason: `subject "${mail.subject}"` };
  }

  const autoSubmitted = (h['auto-submitted'] ?? '').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return { kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  const precedence = (h['precedence'] ?? '').trim().toLowerCase();
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return { kind: 'auto_reply', reason: `Precedence: ${precedence}` };
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress', 'list-id', 'list-unsubscribe', 'feedback-id']) {
    const value = h[name];
    // Outlook sets X-Auto-Response-Suppress on ordinary mail too; only its auto-replies say "All"/"OOF".
    if (value !== undefined && (name !== 'x-auto-response-suppress' || /\b(all|oof|autoreply)\b/i.test(value))) {
      return { kind: 'auto_reply', reason: `${name}: ${value}` };
    }
  }
  if (AUTO_SUBJECT.test(mail.subject)) return { kind: 'auto_reply', reason: `subject "${mail.subject}"` };
  return { kind: null, reason: '' };
}
