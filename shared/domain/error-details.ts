/**
 * Stable keys of use-case error details and their parameters. The English `message` of a
 * DomainError stays for logs and the JSON API's `detail`; the console words the key in the page's
 * language (shared/http/console/error-text.ts, one entry per key: a missing one is a compile error).
 */
export interface ErrorDetails {
  readonly not_waiting_for: { readonly reference: string };
  readonly not_a_decision_here: Record<string, never>;
  readonly approver_role_needed: Record<string, never>;
  readonly reasons_needed: Record<string, never>;
  readonly questions_needed: Record<string, never>;
  readonly no_draft_to_approve: { readonly reference: string };
  readonly tasks_open: { readonly count: number };
  readonly four_eyes: Record<string, never>;
  readonly method_not_accepted: Record<string, never>;
  readonly draft_text_needed: Record<string, never>;
  readonly already_extended: { readonly reference: string; readonly dueDate: string };
  readonly too_late_to_extend: { readonly dueDate: string };
  readonly case_closed: { readonly reference: string };
  readonly not_paused: { readonly reference: string };
  readonly not_spam: { readonly reference: string };
  readonly no_notifier: Record<string, never>;
  readonly text_needed: Record<string, never>;
  readonly text_too_long: { readonly max: number };
  readonly received_not_a_date: Record<string, never>;
  readonly received_in_future: Record<string, never>;
  readonly received_too_old: { readonly days: number };
  readonly postal_address_needed: Record<string, never>;
  readonly print_item_recorded: { readonly at: string };
  readonly print_item_raced: Record<string, never>;
  readonly same_rights: Record<string, never>;
  readonly rights_need_no_confirmation: { readonly reference: string };
  readonly not_waiting_for_reply: { readonly reference: string };
  readonly reply_before_question: { readonly askedAt: string };
  readonly form_expired: Record<string, never>;
  readonly kept_needs_basis: Record<string, never>;
}

export type ErrorDetailKey = keyof ErrorDetails;

/** A key with its parameters, typed together. */
export type ErrorDetail = { readonly [K in ErrorDetailKey]: { readonly key: K; readonly params: ErrorDetails[K] } }[ErrorDetailKey];

/** `detail('already_extended', { reference, dueDate })`: the typed pair a DomainError carries. */
export const detail = <K extends ErrorDetailKey>(key: K, params: ErrorDetails[K]): ErrorDetail => ({ key, params }) as ErrorDetail;
export const noParams = {} as Record<string, never>;
