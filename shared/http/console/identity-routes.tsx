import type { Context, Hono } from 'hono';
import { languageOf, parseForm, scansOf, str, type ConsoleContext } from './context.tsx';
import { formProblem } from './form-errors.tsx';
import { labelsFor } from './form-labels.ts';
import { translator } from './labels.ts';
import { renderCase } from './case-routes.tsx';
import { DomainError, ValidationError } from '#domain/errors.ts';
import { reviewIdDocument } from '#usecases/identity/review-id-document.ts';
import { listCaseMessages } from '#usecases/staff-cases.ts';
import { IdDocumentReviewSchema, idReviewDeps } from '../staff-api/identity-routes.ts';
import type { AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import type { Session } from './session.ts';
import type { LabelKey } from './labels.ts';

const ID_REVIEW_FIELDS = ['documentType', 'issuingCountry', 'documentNumber', 'surname', 'givenNames', 'birthDate', 'expiresOn', 'mrz', 'imageKey'] as const;

/** The review form's labels, one per field (a field without one is a compile error). */
const ID_REVIEW_LABELS = {
  documentType: { t: 'docType' },
  issuingCountry: { t: 'country' },
  documentNumber: { t: 'docNumber' },
  surname: { t: 'surname' },
  givenNames: { t: 'givenNames' },
  birthDate: { t: 'birthDate' },
  expiresOn: { t: 'expiresOn' },
  mrz: { t: 'mrz' },
  imageKey: { t: 'scanToDelete' },
} as const satisfies Record<(typeof ID_REVIEW_FIELDS)[number], { readonly t: LabelKey }>;

/** The ID-document review: checks the MRZ and the holder, decides, deletes the scan. */
export function identityRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, requireSession, checkCsrf } = cx;
  const render = (c: Context, s: Session, id: string, extra: Parameters<typeof renderCase>[4]) => renderCase(cx, c, s, id, extra);

  const caseScans = async (s: Session, caseId: string) =>
    deps.messages ? scansOf(await listCaseMessages({ ...deps, messages: deps.messages }, { tenantId: s.staff.tenantId, caseId })) : [];

  // ID-document review: the identity use case checks the MRZ and the holder, decides, deletes the scan.
  app.post('/console/cases/:id/identity', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    checkCsrf(s, str(body._csrf));
    const values = Object.fromEntries(ID_REVIEW_FIELDS.map((k) => [k, str(body[k])]));
    try {
      const { imageKey, mrz, ...typed } = values;
      const input = parseForm(IdDocumentReviewSchema, { ...typed, ...(mrz ? { mrz } : {}) });
      if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
      // Only a file of this very case may be named for deletion (the key comes from the browser).
      if (imageKey && !(await caseScans(s, id)).some((f) => f.key === imageKey)) throw new ValidationError('The scan is not one of this case’s files.', [{ field: 'imageKey', message: 'unknown' }]);
      const result = await reviewIdDocument(
        idReviewDeps(deps),
        { tenantId: s.staff.tenantId, caseId: id, review: input, ...(imageKey ? { imageKey } : {}), ...(str(body.inPerson) ? { inPerson: true } : {}), actor: { kind: 'staff', id: s.staff.userId } },
      );
      // A failed check decides nothing (200, as the JSON API): the reasons go beside the form.
      if (!result.resumed) return render(c, s, id, { review: { values, reasons: result.evidence.reasons } });
      return c.redirect(`/console/cases/${id}?done=${result.imageDeleted ? 'scan_deleted' : 'identity'}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      const lang = languageOf(c);
      const problem = formProblem(error, lang, 'id-review', labelsFor(lang, translator(lang), ID_REVIEW_LABELS));
      return render(c, s, id, { problem, kept: { form: 'id-review', values }, status: PROBLEM_KINDS[error.code].status });
    }
  });
}
