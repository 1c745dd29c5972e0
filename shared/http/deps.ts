import type { BlobStore, MessageStore } from '#domain/mail.ts';
import type { CaseRepository, Clock, IdGenerator, Mailer, SubjectNotifier, WorkflowEngine } from '#domain/ports.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { PartnerPrincipal, StaffPrincipal } from './auth.ts';

/** Everything the HTTP app needs, passed in so tests and the local stack choose the adapters. */
export interface ApiDeps {
  readonly tenants: TenantRegistry;
  readonly repo: CaseRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly verifyPartnerToken: (token: string) => Promise<PartnerPrincipal>;
  readonly verifyStaffToken: (token: string) => Promise<StaffPrincipal>;
  readonly limits: { readonly maxBodyBytes: number };
  /** Messages in and out of cases (e-mail channel); the staff messages API needs it. */
  readonly messages?: MessageStore;
  /** Sends notices (acknowledgements, …) in the case's channel, threaded, with evidence. */
  readonly notifier?: SubjectNotifier;
  /** Raw mail too large to keep in the table: received (inbound) and sent (evidence). */
  readonly inboundMail?: BlobStore;
  readonly evidence?: BlobStore;
  /** Step Functions: new cases start their workflows; staff decisions resume them. */
  readonly workflows?: WorkflowEngine;
  /** Logs unexpected failures with full detail; responses only carry a correlation id. */
  readonly logError?: (correlationId: string, error: unknown) => void;
}

export interface AppEnv {
  Variables: { partner: PartnerPrincipal; staff: StaffPrincipal };
}
