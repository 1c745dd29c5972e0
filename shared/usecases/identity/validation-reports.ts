import { NotFoundError } from '#domain/errors.ts';
import { VALIDATION_REPORT_ID, type ValidationReportSummary } from '#domain/validation-report.ts';
import type { CaseRepository } from '#ports/cases.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';

export interface ValidationReportDeps {
  readonly repo: CaseRepository;
  readonly reports: ValidationReportStore;
}

/**
 * The ETSI validation reports kept for one case's signed files (what the case page and
 * `GET /console/api/cases/{id}/identity/reports` list). Primary course: the case exists in the
 * staff member's tenant → its reports' summaries, file name order. Another tenant's or an
 * unknown case is a 404, never an empty list that would confirm it exists.
 * Example: `await listValidationReports(deps, { tenantId: 'gautora', caseId })` → `[{ id, fileName, indication, inWords, … }]`.
 */
export async function listValidationReports(deps: ValidationReportDeps, ref: { readonly tenantId: string; readonly caseId: string }): Promise<readonly ValidationReportSummary[]> {
  if (!(await deps.repo.getCase(ref.tenantId, ref.caseId))) throw new NotFoundError(`No case with id "${ref.caseId}".`);
  const reports = await deps.reports.list(ref.tenantId, ref.caseId);
  return [...reports].sort((a, b) => a.fileName.localeCompare(b.fileName) || a.id.localeCompare(b.id));
}

/**
 * One report's XML for download. Primary course: a well-formed id of a report of this case →
 * `{ summary, xml }`; anything else → NotFoundError (404).
 * Example: `await validationReportDownload(deps, { tenantId, caseId, reportId })` → `{ summary, xml: '<?xml …' }`.
 */
export async function validationReportDownload(
  deps: ValidationReportDeps,
  ref: { readonly tenantId: string; readonly caseId: string; readonly reportId: string },
): Promise<{ readonly summary: ValidationReportSummary; readonly xml: string }> {
  if (!VALIDATION_REPORT_ID.test(ref.reportId)) throw new NotFoundError('No such validation report.');
  const summary = (await listValidationReports(deps, ref)).find((r) => r.id === ref.reportId);
  const xml = summary ? await deps.reports.xml(ref.tenantId, ref.caseId, ref.reportId) : null;
  if (!summary || xml === null) throw new NotFoundError('No such validation report.');
  return { summary, xml };
}

/** A download file name from the judged file's name: ASCII only, so every browser keeps it. */
export function reportFileName(summary: ValidationReportSummary): string {
  const base = summary.fileName.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'file';
  return `validation-report-${base}.xml`;
}
