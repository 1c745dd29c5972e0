import type { AnswerFileStore } from '#ports/channels.ts';
import type { Case } from '#domain/case.ts';
import type { EmailControlLinks } from '#ports/identity.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { CaseRepository, Clock, IdentityVerifier, Mailer, NoticeOutbox, StaffAlerts, SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import type { WorkflowSettings } from '#domain/workflow.ts';
import type { TenantRegistry } from '#tenants/registry.ts';

/** What the workflow steps need; the Lambda handlers and the local service pass adapters in. */
export interface WorkflowDeps {
  readonly tenants: TenantRegistry;
  readonly repo: CaseRepository;
  readonly notifier: SubjectNotifier;
  readonly alerts: StaffAlerts;
  readonly workflows: WorkflowEngine;
  readonly clock: Clock;
  readonly settings: WorkflowSettings;
  /** Automatic identity at intake (QES, partner assertion); absent until those validators exist. */
  readonly identity?: IdentityVerifier;
  /** Signed single-use e-mail control links for identity requests; without it none are sent. */
  readonly links?: EmailControlLinks;
  /** Where files attached to answers are read from when the answer is sent. */
  readonly answerFiles?: AnswerFileStore;
  /**
   * The notice outbox: intake sends the acknowledgement a new case still owes (claim → send →
   * record), so the channel that opened the case need not wait for it. Without it, intake leaves
   * owed acknowledgements to their channel and the outbox sweeper.
   */
  readonly acknowledgements?: { readonly outbox: NoticeOutbox; readonly mailer: Mailer };
}

export interface CaseRef {
  readonly tenantId: string;
  readonly caseId: string;
}

export async function loadCase(deps: Pick<WorkflowDeps, 'repo'>, ref: CaseRef): Promise<Case> {
  const c = await deps.repo.getCase(ref.tenantId, ref.caseId);
  if (!c) throw new NotFoundError(`Case ${ref.caseId} of ${ref.tenantId} does not exist.`);
  return c;
}

/** Where the case workflow goes next, and the timeouts of a wait for the subject. */
export interface WorkflowPlan {
  readonly route: 'in_progress' | 'identity_review' | 'subject_identity' | 'subject_identity_reminded' | 'rights_confirmation' | 'clarification' | 'clarification_reminded';
  readonly reminderInSeconds: number;
  readonly closeInSeconds: number;
}
