import type { AnswerContent } from './answer.ts';
import type { Language } from './channels.ts';

/**
 * What the controller tells the subject at each step. Each kind has an lt + en template; the
 * notifier sends it in the case's channel (a threaded e-mail reply, a letter queued for print,
 * a partner webhook, …) and records it on the case as evidence.
 */
export const NOTICE_KINDS = [
  'acknowledgement',
  'identity_request',
  'identity_reminder',
  'identity_not_established',
  'more_information_request',
  'more_information_reminder',
  'more_information_closed',
  'period_restarted',
  'invalid_request',
  'extension',
  'refusal',
  'fee',
  'answer',
  'marketing_objection_confirmed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The links a web-form request's acknowledgement carries (shared/usecases/web-form.ts). */
export interface WebFormLinks {
  readonly confirmUrl: string;
  readonly confirmExpiresAt: string;
  readonly statusUrl: string;
}

export interface Notice {
  readonly kind: NoticeKind;
  /** Staff's written reasons (extension, refusal, invalid request, fee): shown to the subject. */
  readonly reasons?: readonly string[];
  /** What is missing (identity or details), in plain words. */
  readonly missing?: readonly string[];
  /** The same per language where it is written in both (identity: `missingIdentity`); preferred over `missing`. */
  readonly missingByLanguage?: Readonly<Partial<Record<Language, readonly string[]>>>;
  /** The answer's body text and attachments for `answer`. */
  readonly body?: string;
  readonly attachments?: ReadonlyArray<{ readonly filename: string; readonly contentType: string; readonly content: Uint8Array }>;
  /** `answer`: the per-right content (Art. 15 information, erasure outcome, the subject's data). */
  readonly answer?: AnswerContent;
  /** Files too large to attach, offered as time-limited download links instead (set by the notifier). */
  readonly links?: ReadonlyArray<{ readonly filename: string; readonly url: string; readonly expiresAt: string }>;
  /** `identity_request`/`identity_reminder`: the signed single-use e-mail control link (docs/design.md §1.3). */
  readonly identityLink?: { readonly url: string; readonly expiresAt: string };
  /** `acknowledgement` of a web-form request: its one-time address confirmation link and status page. */
  readonly webForm?: WebFormLinks;
}
