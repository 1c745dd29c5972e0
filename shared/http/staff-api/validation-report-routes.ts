/**
 * Staff API: the ETSI TS 119 102-2 validation reports of a case's signed files (issue 13).
 *
 * GET /console/api/cases/{id}/identity/reports            (any staff role)
 *   200 { "items": [ { "id": "<sha256 of the file>", "fileName": "prasymas.pdf", "format": "pades",
 *         "indication": "TOTAL_PASSED", "subIndication": null, "signatureLevel": "QESig",
 *         "inWords": { "en": "Valid qualified electronic signature of a person.", "lt": "Galiojantis …" },
 *         "provesIdentity": true, "checkedAt": "2026-…Z", "sizeBytes": 2841,
 *         "href": "/console/api/cases/{id}/identity/reports/<id>" } ] }
 * GET /console/api/cases/{id}/identity/reports/{reportId}
 *   200 application/xml, as an attachment (validation-report-<file>.xml), never cached
 *   404 unknown case (or another tenant's) or report — problem+json like every route.
 */
import { Hono } from 'hono';
import { NotFoundError } from '#domain/errors.ts';
import { listValidationReports, reportFileName, validationReportDownload } from '#usecases/identity/validation-reports.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { reportDownloadHeaders } from '../report-download.ts';
import { notConfigured } from './not-configured.ts';

const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;

export function consoleValidationReportRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const reportDeps = () => {
    if (!deps.validationReports) throw notConfigured('The validation report store');
    return { repo: deps.repo, reports: deps.validationReports };
  };
  const caseId = (raw: string) => {
    if (!CASE_ID.test(raw)) throw new NotFoundError('No such case.');
    return raw;
  };

  api.get('/cases/:id/identity/reports', async (c) => {
    const id = caseId(c.req.param('id'));
    const items = await listValidationReports(reportDeps(), { tenantId: c.get('staff').tenantId, caseId: id });
    return c.json({ items: items.map((r) => ({ ...r, href: `/console/api/cases/${id}/identity/reports/${r.id}` })) });
  });

  api.get('/cases/:id/identity/reports/:reportId', async (c) => {
    const { summary, xml } = await validationReportDownload(reportDeps(), { tenantId: c.get('staff').tenantId, caseId: caseId(c.req.param('id')), reportId: c.req.param('reportId') });
    return c.body(xml, 200, reportDownloadHeaders(reportFileName(summary)));
  });

  return api;
}
