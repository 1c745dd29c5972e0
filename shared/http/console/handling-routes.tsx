import type { Hono } from 'hono';
import { DomainError, ValidationError } from '#domain/errors.ts';
import { bulk, extendCase, handleCase, type HandlingAction } from '#usecases/console/handling.ts';
import { inboxPage } from '#usecases/console/inbox.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import type { AppEnv } from '../deps.ts';
import { all, CASE_ID, languageOf, list, parseForm, single, str, type ConsoleContext } from './context.tsx';
import { formProblem, ISSUE_TEXT } from './form-errors.tsx';
import { HANDLING_FIELDS, labelsFor, SPAM_FIELDS } from './form-labels.ts';
import { translator } from './labels.ts';
import { errorText } from './error-text.ts';
import { typedValues } from './case-routes.tsx';

/** Which card form sent each handling action (its id on the case page). */
const HANDLING_FORM = { assign_me: 'assign-me-form', unassign: 'assign-me-form', assign: 'assign-form', note: 'note-form', pause: 'pause-form', resume: 'resume-form', spam: 'spam-form', not_spam: 'not-spam-form' } as const;
import { renderCase } from './case-routes.tsx';
import { Inbox } from './inbox-views.tsx';
import { handlingTranslator } from './handling-labels.ts';
import type { Session } from './session.ts';
import * as z from 'zod/mini';

const HandlingForm = z.lazy(() => z.object({
  _csrf: z.string(),
  action: z.enum(['assign_me', 'assign', 'unassign', 'note', 'pause', 'resume', 'spam', 'not_spam']),
  userId: z.optional(z.string().check(z.maxLength(254))),
  text: z.optional(z.string().check(z.maxLength(4000))),
  reason: z.optional(z.string().check(z.maxLength(1000))),
}));

const BulkForm = z.lazy(() => z.object({
  _csrf: z.string(),
  action: z.enum(['assign_me', 'assign', 'extend', 'spam']),
  userId: z.optional(z.string().check(z.maxLength(254))),
  reasons: z.optional(z.string().check(z.maxLength(4000))),
}));

/** The done codes these routes redirect with (the case page says each in words). */
export const HANDLING_DONE = ['assign', 'note', 'pause', 'resume', 'spam', 'not_spam', 'extend'] as const;

const actionOf = (form: z.infer<typeof HandlingForm>, s: Session): HandlingAction => {
  switch (form.action) {
    case 'assign_me':
      return { kind: 'assign', userId: s.staff.userId };
    case 'assign':
      if (!str(form.userId)) throw new ValidationError('The form is not valid.', [{ field: 'userId', message: 'required' }]);
      return { kind: 'assign', userId: str(form.userId) };
    case 'unassign':
      return { kind: 'assign', userId: null };
    case 'note':
      return { kind: 'note', text: form.text ?? '' };
    case 'pause':
      return { kind: 'pause', reason: form.reason ?? '' };
    case 'spam':
      return { kind: 'spam', reason: form.reason ?? '' };
    case 'resume':
    case 'not_spam':
      return { kind: form.action };
  }
};

/**
 * The case page's handling forms (assign, note, pause, spam), the extension at any open step,
 * and the inbox's bulk actions; each calls the same use case as its `/console/api` twin.
 */
export function handlingRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ctxOf, requireSession, checkCsrf } = cx;

  app.post('/console/cases/:id/handling', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = single(await c.req.parseBody());
    checkCsrf(s, str(body._csrf));
    const formId: string = HANDLING_FORM[str(body.action) as keyof typeof HANDLING_FORM] ?? 'note-form';
    try {
      const form = parseForm(HandlingForm, body);
      if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.');
      await handleCase(deps, { tenantId: s.staff.tenantId, caseId: id, action: actionOf(form, s), actor: { kind: 'staff', id: s.staff.userId } });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      const lang = languageOf(c);
      // The use case names the assignee `assignee`; the form's field is `userId`.
      const problem = formProblem(error, lang, formId, labelsFor(lang, translator(lang), formId === 'spam-form' ? SPAM_FIELDS : HANDLING_FIELDS), { assignee: 'userId', note: 'text' });
      return renderCase(cx, c, s, id, { problem, kept: { form: formId, values: typedValues(body) }, status: PROBLEM_KINDS[error.code].status });
    }
    const action = str(body.action);
    const done = action === 'assign_me' || action === 'unassign' ? 'assign' : action;
    return c.redirect(`/console/cases/${id}?done=${done}`, 303);
  });

  app.post('/console/cases/:id/extend', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    checkCsrf(s, str(body._csrf));
    try {
      if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.');
      await extendCase(deps, { tenantId: s.staff.tenantId, caseId: id, reasons: all(str(body.reasons).split('\n')), actor: { kind: 'staff', id: s.staff.userId }, role: s.staff.role });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' || error.code === 'unauthenticated') throw error;
      const lang = languageOf(c);
      const problem = formProblem(error, lang, 'extend-form', labelsFor(lang, translator(lang), HANDLING_FIELDS));
      return renderCase(cx, c, s, id, { problem, kept: { form: 'extend-form', values: typedValues(body) }, status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect(`/console/cases/${id}?done=extend`, 303);
  });

  app.post('/console/bulk', async (c) => {
    const s = await requireSession(c);
    const body = await c.req.parseBody({ all: true });
    const form = parseForm(BulkForm, single(body));
    checkCsrf(s, form._csrf);
    const ids = list(body.caseIds).map(str).filter((x) => CASE_ID.test(x)).slice(0, 100);
    const actor = { kind: 'staff' as const, id: s.staff.userId };
    const tenantId = s.staff.tenantId;
    const reasons = all(str(form.reasons).split('\n'));
    let results: Awaited<ReturnType<typeof bulk>> = [];
    let problem: string | null = null;
    if (ids.length === 0) problem = 'none';
    else if (form.action === 'assign' && !str(form.userId)) problem = `${handlingTranslator(languageOf(c))('assignTo')}: ${ISSUE_TEXT.required[languageOf(c)](0)}`;
    else {
      results = await bulk(ids, (caseId) =>
        form.action === 'extend'
          ? extendCase(deps, { tenantId, caseId, reasons, actor, role: s.staff.role })
          : handleCase(deps, {
              tenantId,
              caseId,
              actor,
              action: form.action === 'spam' ? { kind: 'spam', reason: reasons.join('; ') } : { kind: 'assign', userId: form.action === 'assign_me' ? s.staff.userId : str(form.userId) },
            }),
      );
    }
    const ok = results.filter((r) => r.ok).length;
    if (!problem && ok === results.length) return c.redirect(`/console?done=${ok}-${results.length}`, 303);
    // Some failed (or nothing was chosen): the inbox again, with what happened to each case.
    const page = await inboxPage(deps, { tenantId, cursor: null });
    const refs = new Map(page.rows.map((r) => [r.case.id, r.case.reference]));
    const ctx = ctxOf(c, s);
    const failures = problem
      ? [{ ref: '—', error: problem === 'none' ? handlingTranslator(ctx.lang)('bulkNone') : problem }]
      : results.filter((r) => !r.ok).map((r) => ({ ref: refs.get(r.caseId) ?? r.caseId, error: r.code ? errorText({ code: r.code, detail: r.detail }, ctx.lang) : '' }));
    return c.html(<Inbox ctx={ctx} page={page} filters={{}} cursor={null} now={deps.clock.now()} bulk={{ ok, n: results.length, failures }} />, ok > 0 ? 200 : 422);
  });
}
