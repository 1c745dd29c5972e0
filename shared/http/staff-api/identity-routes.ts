/**
 * Staff API: identity-document review (issue 5, docs/design.md §1.3 `id_document` / `in_person`).
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
import { AUTHORIZATION_DOCUMENTS } from '#domain/representation.ts';
import { reviewIdDocument } from '#usecases/identity/review-id-document.ts';
import { reviewRepresentation } from '#usecases/identity/review-representation.ts';
import { readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { noWorkflows } from './not-configured.ts';

const isoDate = z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/, 'a date as YYYY-MM-DD'));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const IdDocumentReviewSchema = z.lazy(() => z.object({
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
}));

/**
 * POST /console/api/cases/{id}/identity/representation  (any staff role)
 *   { "document": "power_of_attorney" | "notarised_power_of_attorney" | "parental_responsibility" | "legal_guardianship" | "art80_mandate",
 *     "principal": { "name": "Ona Onaitė", "personalCode": "48001010000" },   // the represented person, as the document names them
 *     "agent": { "name": "Rūta Rūtaitė" },                                    // the representative, as the document names them
 *     "validUntil": "2027-12-31", "coversRequest": true,
 *     "requesterMethod": "in_person",          // optional: how staff identified the representative, when nothing on the case did
 *     "documentKey": "cases/gautora/<id>/…" }  // optional: the scan/attachment we hold, deleted after approval
 * 202 verified → identity approved (evidence with `representation`, matched: represented), workflow resumed;
 * 200 not yet → reasons, nothing decided; 409 not waiting for identity; 422 validation.
 */
export const RepresentationReviewSchema = z.lazy(() => z.object({
  document: z.enum(AUTHORIZATION_DOCUMENTS),
  principal: z.object({ name: text(200), personalCode: z.optional(text(32)) }),
  agent: z.object({ name: text(200) }),
  validUntil: z.optional(isoDate),
  coversRequest: z.boolean(),
  requesterMethod: z.optional(z.enum(['qes', 'id_document', 'in_person', 'email_control', 'partner_assertion'])),
  documentKey: z.optional(text(500)),
}));

export function consoleIdentityRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/cases/:id/identity/id-document', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, IdDocumentReviewSchema);
    if (!deps.workflows) throw noWorkflows();
    const { imageKey, inPerson, ...review } = input;
    const result = await reviewIdDocument(
      idReviewDeps(deps),
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
  api.post('/cases/:id/identity/representation', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, RepresentationReviewSchema);
    if (!deps.workflows) throw noWorkflows();
    const { requesterMethod, documentKey, principal, ...rest } = input;
    const result = await reviewRepresentation(
      { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows, ...(deps.evidenceEraser ? { eraser: deps.evidenceEraser } : {}) },
      {
        tenantId: staff.tenantId,
        caseId: c.req.param('id'),
        review: { ...rest, principal: { name: principal.name, ...(principal.personalCode ? { personalCode: principal.personalCode } : {}) } },
        ...(requesterMethod ? { requesterMethod } : {}),
        ...(documentKey ? { documentKey } : {}),
        actor: { kind: 'staff', id: staff.userId },
      },
    );
    return c.json(
      {
        verdict: result.verdict,
        reasons: result.reasons,
        resumed: result.resumed,
        documentDeleted: result.documentDeleted,
        case: { id: result.case.id, reference: result.case.reference, status: result.case.status },
        evidence: result.evidence,
      },
      result.resumed ? 202 : 200,
    );
  });
  return api;
}

/**
 * The review's deps: the decisions, the evidence eraser, and (when the API has the mail stores)
 * every other place intake kept a scan, so an approval erases it from all of them.
 */
export function idReviewDeps(deps: ApiDeps) {
  if (!deps.workflows) throw noWorkflows();
  const { messages, evidence, inboundMail, inboundEraser } = deps;
  return {
    tenants: deps.tenants,
    repo: deps.repo,
    clock: deps.clock,
    workflows: deps.workflows,
    ...(deps.evidenceEraser ? { eraser: deps.evidenceEraser } : {}),
    ...(messages && evidence ? { scanStores: { messages, evidence, ...(inboundMail && inboundEraser ? { inboundMail, inboundEraser } : {}) } } : {}),
  };
}
