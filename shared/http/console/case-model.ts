import type { ValidationReportSummary } from '#domain/validation-report.ts';
import type { AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import type { CaseMessage } from '#domain/mail.ts';
import type { TableCategory } from './answer-table.ts';

/** What the case page shows, gathered by the route from the use cases. */
export interface CaseView {
  readonly case: Case;
  readonly events: readonly AuditEvent[];
  readonly messages: ReadonlyArray<Omit<CaseMessage, 'raw'> & { text: string | null }>;
  readonly daysLeft: number;
  readonly draftTemplate: string;
  readonly fourEyes: boolean;
  /** Inbound attachments that may be an ID-document scan (deleted after the review). */
  readonly scans: ReadonlyArray<{ readonly filename: string; readonly key: string; readonly contentType: string }>;
  /** ETSI validation reports of the signed files judged at intake. */
  readonly reports: readonly ValidationReportSummary[];
  /** The case clock's now (the GDPR clock: demos may run it fast). */
  readonly now: Date;
  /** At the approval step: the answer as the subject will receive it, and the data files it carries. */
  readonly preview?: { readonly subject: string; readonly text: string; readonly dataFiles: readonly string[] } | null;
  /** The draft form's table as typed (shown again after problems or a table button); else the saved draft's. */
  readonly draftTable?: readonly TableCategory[];
}

/** An ID-document review whose checks failed: what staff typed and why, shown beside the form. */
export interface IdReviewState {
  readonly values: Readonly<Record<string, string>>;
  readonly reasons: readonly string[];
}

export function fmtBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
