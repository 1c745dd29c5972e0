/**
 * Staff API: identity-document review (issue 5, DESIGN §1.3 `id_document` / `in_person`).
 *
 * POST /console/api/cases/{id}/identity/id-document      (any staff role)
 * Request (application/json):
 *   {
 *     "documentType":  "passport" | "id_card" | "residence_permit" | "driving_licence",
 *     "issuingCountry": "LTU",                 // ICAO alpha-3, as in the MRZ
 *     "documentNumber": "AB1234567",
 *     "surname":        "ČIURLIONIS",          // as printed (diacritics allowed)
 *     "givenNames":     "ŽYDRŪNAS",
 *     "birthDate":      "1980-01-01",          // YYYY-MM-DD
 *     "expiresOn":      "2031-01-01",          // YYYY-MM-DD
 *     "mrz":            "I<LTUAB12345671<<<…\n8001014M3101012LTU…\nCIURLIONIS<<ZYDRUNAS<<…",  // lines joined by \n; optional for driving_licence
 *     "imageKey":       "evidence/gautora/…",  // optional: the scan in the evidence bucket, deleted after approval
 *     "inPerson":       false                  // optional: staff saw the document at the office (method in_person)
 *   }
 * Responses:
 *   202 checks passed → identity approved, workflow resumed, scan deleted:
 *       { "verdict": "verified", "reasons": [], "resumed": true, "outcome": "approved", "imageDeleted": true,
 *         "case": { "id", "reference", "status": "in_progress" }, "evidence": { …record… } }
 *   200 a check failed → nothing decided, scan kept, staff may correct the typing or decide
 *       request_more / reject via POST /cases/{id}/decisions:
 *       { "verdict": "rejected" | "needs_review", "reasons": ["The MRZ check digit …"], "resumed": false,
 *         "outcome": null, "imageDeleted": false, "case": { … }, "evidence": { … } }
 *   409 workflow-not-waiting (the case is not waiting for identity), 422 validation problems,
 *   400 malformed JSON, 415 wrong media type, 404 unknown case — as problem+json like every route.
 * The evidence record keeps only: method, verdict, reasons, holder name, document type, issuing
 * country, expiry, last 3 characters of the number, reviewer, time. Never the MRZ or image.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { ID_DOCUMENT_TYPES } from '#domain/identity-evidence.ts';
import { reviewIdDocument } from '#usecases/identity/review-id-document.ts';
import { readJson } from './body.ts';
import type { ApiDeps, AppEnv } from './deps.ts';

const isoDate = z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/, 'a date as YYYY-MM-DD'));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const IdDocumentReviewSchema = z.object({
  documentType: z.enum(ID_DOCUMENT_TYPES),
  issuingCountry: z.string().check(z.regex(/^[A-Za-z<]{3}$/, 'an ICAO alpha-3 country code, e.g. LTU')),
  documentNumber: text(20),
  surname: text(100),
  givenNames: text(100),
  birthDate: isoDate,
  expiresOn: isoDate,
  mrz: z.optional(z.string().check(z.maxLength(200))),
  imageKey: z.optional(text(500)),
  inPerson: z.optional(z.boolean()),
});

export function consoleIdentityRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/cases/:id/identity/id-document', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, IdDocumentReviewSchema);
    if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
    const { imageKey, inPerson, ...review } = input;
    const result = await reviewIdDocument(
      { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows, ...(deps.evidenceEraser ? { eraser: deps.evidenceEraser } : {}) },
      { tenantId: staff.tenantId, caseId: c.req.param('id'), review, ...(imageKey ? { imageKey } : {}), ...(inPerson ? { inPerson } : {}), actor: { kind: 'staff', id: staff.userId } },
    );
    return c.json(
      {
        verdict: result.evidence.verdict,
        reasons: result.evidence.reasons,
        resumed: result.resumed,
        outcome: result.outcome,
        imageDeleted: result.imageDeleted,
        case: { id: result.case.id, reference: result.case.reference, status: result.case.status },
        evidence: result.evidence,
      },
      result.resumed ? 202 : 200,
    );
  });
  return api;
}
