import type { Case } from '#domain/case.ts';
import type { SubjectNotifier } from '#ports/cases.ts';

// A module apart from acknowledge-case.ts (which re-exports these), so intake can decide how a case
// is acknowledged without loading the sending itself: with workflows, the API's intake leaves the
// e-mail to the workflow's intake step and never sends in line (issue 15).

/** Where the acknowledgement can go: the address it would be e-mailed to, and whether it goes on paper (a letter). */
function destination(c: Case, deps: { readonly notifier?: SubjectNotifier }): { readonly to: string | undefined; readonly onPaper: boolean } {
  return { to: c.subject.email ?? c.representative?.email, onPaper: (c.channel === 'post' || c.channel === 'in_person') && deps.notifier !== undefined };
}

/** True when the acknowledgement goes out as an e-mail (the outbox entry is owed with the case). */
export function acknowledgedByEmail(c: Case, deps: { readonly notifier?: SubjectNotifier }): boolean {
  const { to, onPaper } = destination(c, deps);
  return Boolean(to) && !onPaper && !c.sender?.cannotAnswerByEmail;
}

/** True when the acknowledgement is the API response itself (no address, not on paper): recorded in the case's first write. */
export function acknowledgedInResponse(c: Case, deps: { readonly notifier?: SubjectNotifier }): boolean {
  const { to, onPaper } = destination(c, deps);
  return !to && !onPaper;
}
