import type { ValidationReportSummary } from '#domain/validation-report.ts';

/**
 * Where the ETSI validation reports of a case's signed files are kept, beside the case and its
 * identity evidence (the case's partition in DynamoDB; a map in memory for tests). Saving the
 * same file's report again replaces it, so a retried intake stores it once.
 */
export interface ValidationReportStore {
  save(tenantId: string, caseId: string, summary: ValidationReportSummary, xml: string): Promise<void>;
  list(tenantId: string, caseId: string): Promise<readonly ValidationReportSummary[]>;
  /** The report XML, or null when the case has no report with that id. */
  xml(tenantId: string, caseId: string, id: string): Promise<string | null>;
}
