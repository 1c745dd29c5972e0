import type { ValidationReportSummary } from '#domain/validation-report.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';

/** The ValidationReportStore in process memory, with the DynamoDB adapter's semantics (tests). */
export class InMemoryValidationReportStore implements ValidationReportStore {
  private readonly reports = new Map<string, Map<string, { summary: ValidationReportSummary; xml: string }>>();

  async save(tenantId: string, caseId: string, summary: ValidationReportSummary, xml: string): Promise<void> {
    const key = `${tenantId}/${caseId}`;
    const forCase = this.reports.get(key) ?? new Map();
    forCase.set(summary.id, { summary: structuredClone(summary), xml });
    this.reports.set(key, forCase);
  }

  async list(tenantId: string, caseId: string): Promise<readonly ValidationReportSummary[]> {
    const forCase = this.reports.get(`${tenantId}/${caseId}`);
    return forCase ? [...forCase.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => structuredClone(r.summary)) : [];
  }

  async xml(tenantId: string, caseId: string, id: string): Promise<string | null> {
    return this.reports.get(`${tenantId}/${caseId}`)?.get(id)?.xml ?? null;
  }
}
