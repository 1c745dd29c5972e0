import type { AnswerFileStore } from '#ports/channels.ts';
import type { PdfCombiner, PrintQueue } from '#ports/channels.ts';
import type { BlobEraser, PartnerAssertionVerifier } from '#ports/identity.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';
import type { InboundLedger } from '#domain/inbound-ledger.ts';
import type { CaseRepository, Clock, IdGenerator, Mailer, SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import type { RegisterLookup } from '#tenants/fulfilment/registry.ts';
import type { CallbackVerifier, DatabaseConnector, SignedRequests, TaskDataStore } from '#ports/fulfilment.ts';
import type { EmailSender } from '#ports/mail.ts';
import type { PartnerPrincipal, StaffPrincipal } from './auth.ts';
import type { ConsoleUiDeps } from './console/deps.ts';
import type { AccountabilityDeps } from './staff-api/accountability-deps.ts';

/** Everything the HTTP app needs, passed in so tests and the local stack choose the adapters. */
export interface WebhookJwks {
  readonly keys: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

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
  /** ETSI validation reports of the signed files judged at intake (case page, staff API). */
  readonly validationReports?: ValidationReportStore;
  /** The inbound ledger: staff's "could not be processed" list and its one-click retry. */
  readonly ledger?: InboundLedger;
  /** Deletes identity-document scans from the evidence bucket once identity is decided. */
  readonly evidenceEraser?: BlobEraser;
  /** Erases older versions of a received message rewritten without a reviewed ID scan. */
  readonly inboundEraser?: BlobEraser;
  /** Files staff attach to answers (the answers bucket). */
  readonly answerFiles?: AnswerFileStore;
  /** Step Functions: new cases start their workflows; staff decisions resume them. */
  readonly workflows?: WorkflowEngine;
  /** `/readyz` checks beyond the table (absent: the adapter's own `ping`, else `not_configured`). */
  readonly readiness?: { readonly mailSender?: () => Promise<void>; readonly workflows?: () => Promise<void> };
  /** The workflow's intake step sends e-mail acknowledgements, off the request path (see submitRequest). */
  readonly acknowledgeInWorkflow?: boolean;
  /** Letters to print and documents to hand over (post and in-person channels). */
  readonly printQueue?: PrintQueue;
  /** Joins queued letters into one PDF for a print batch (the `letters` function on AWS). */
  readonly pdfCombiner?: PdfCombiner;
  /** Public keys partners verify webhook signatures with (`GET /.well-known/jwks.json`). */
  /** The webhook signing keys' public halves, or how to fetch them (a KMS key's, once per container). */
  readonly webhookJwks?: WebhookJwks | (() => Promise<WebhookJwks>);
  /** The browser console under `/console` (sessions, sign-in); not served when absent. */
  readonly console?: ConsoleUiDeps;
  /** Verifies partners' identity assertions (`identity.assertion` in POST /v1/requests). */
  readonly partnerAssertions?: PartnerAssertionVerifier;
  /** Fulfilment (docs/fulfilment.md): registers, connectors, task data, Art. 19 e-mail. */
  readonly fulfilment?: {
    readonly registers: RegisterLookup;
    readonly data: TaskDataStore;
    readonly database?: DatabaseConnector;
    readonly email?: EmailSender;
    readonly http?: SignedRequests;
    readonly callbacks?: CallbackVerifier;
  };
  /** The register, evidence packs and legal holds (`/console/api/register`, …); not served when absent. */
  readonly accountability?: AccountabilityDeps;
  /** Logs unexpected failures with full detail; responses only carry a correlation id. */
  readonly logError?: (correlationId: string, error: unknown) => void;
}

export interface AppEnv {
  Variables: { partner: PartnerPrincipal; staff: StaffPrincipal };
}
