import type { Context, Hono } from 'hono';
import { all, ITEM_ID, languageOf, parseForm, single, str, type ConsoleContext } from './context.tsx';
import { FormError, formProblem, IssueCollector, type FormProblem, type KeptValues } from './form-errors.tsx';
import { typedValues } from './case-routes.tsx';
import { DISPATCH_FIELDS, labelsFor, REGISTER_FIELDS } from './form-labels.ts';
import { translator } from './labels.ts';
import { ERROR_KIND_TEXT, PAGE_ERROR_TEXT } from './error-text.ts';
import { detail, noParams } from '#domain/error-details.ts';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, NotFoundError, PayloadTooLargeError } from '#domain/errors.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { localDateOf } from '#deadlines/calendar.ts';
import { listPrintQueue, printFile, receiptInstant, recordDispatch, registerPaperRequest } from '#usecases/paper-requests.ts';
import { attachment, INTAKE_MAX_BODY_BYTES, requirePaperDeps, SCAN_CONTENT_TYPES, SCAN_MAX_BYTES } from '../staff-api/intake-routes.ts';
import type { AppEnv } from '../deps.ts';
import { PROBLEM_KINDS } from '../problem.ts';
import { inlinePdf } from '../inline-pdf.ts';
import { SubjectSchema } from '../schemas.ts';
import type { Session } from './session.ts';
import { PrintQueuePage, RegisterPage, type RegisterValues } from './intake-views.tsx';
import { ErrorPage } from './layout.tsx';
import * as z from 'zod/mini';

const localDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const optionalText = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const RegisterForm = z.lazy(() => z.object({
  channel: z.enum(['post', 'in_person']),
  receivedAt: localDate,
  rights: z.array(z.enum(RIGHT_TYPES)).check(z.minLength(1, 'Tick at least one right.')),
  language: z.enum(['lt', 'en']),
  note: optionalText(2000),
}));
const DispatchForm = z.lazy(() => z.object({ _csrf: z.string(), at: localDate, trackingNumber: optionalText(64), handedTo: optionalText(200) }));

/** Registering a posted or in-person request, and the print queue with dispatch records. */
export function intakeRoutes(app: Hono<AppEnv>, cx: ConsoleContext): void {
  const { deps, ctxOf, requireSession, checkCsrf } = cx;

  const today = (tenantId: string) => localDateOf(deps.clock.now(), deps.tenants.get(tenantId).timeZone);

  app.get('/console/register', async (c) => {
    const s = await requireSession(c);
    return c.html(<RegisterPage ctx={ctxOf(c, s)} values={{ language: deps.tenants.get(s.staff.tenantId).languages.official }} today={today(s.staff.tenantId)} />);
  });

  // Same use case as POST /console/api/cases; the scan arrives as a multipart file, not base64.
  app.post(
    '/console/register',
    bodyLimit({ maxSize: INTAKE_MAX_BODY_BYTES, onError: (c) => { const ctx = ctxOf(c, null); return c.html(<ErrorPage ctx={ctx} title={ERROR_KIND_TEXT.payload_too_large[ctx.lang]} detail={PAGE_ERROR_TEXT.tooLarge[ctx.lang].replace('{n}', String(SCAN_MAX_BYTES))} />, 413); } }),
    async (c) => {
      const s = await requireSession(c);
      const body = await c.req.parseBody({ all: true });
      checkCsrf(s, str(body._csrf));
      const values: RegisterValues = {
        channel: str(body.channel),
        receivedAt: str(body.receivedAt),
        name: str(body.name),
        email: str(body.email),
        phone: str(body.phone),
        postalAddress: str(body.postalAddress),
        rights: all(body.rights),
        language: str(body.language),
        note: str(body.note),
      };
      try {
        // Every problem at once: the form, the subject, the date, the address for post, the scan's type.
        const issues = new IssueCollector();
        const form = issues.parse(RegisterForm, values);
        const subject = issues.parse(SubjectSchema, {
          name: values.name,
          ...(values.email ? { email: values.email } : {}),
          ...(values.phone ? { phone: values.phone } : {}),
          // Lines as the JSON contract has them: the letter's address, one line each.
          ...(values.postalAddress ? { postalAddress: values.postalAddress.replace(/\r\n/g, '\n') } : {}),
        });
        if (/^\d{4}-\d{2}-\d{2}$/.test(values.receivedAt ?? '')) issues.run(() => receiptInstant(values.receivedAt ?? '', deps.tenants.get(s.staff.tenantId).timeZone, deps.clock.now()));
        if (values.channel === 'post' && !values.postalAddress) issues.addDetail('postalAddress', detail('postal_address_needed', noParams));
        const file = body.scan;
        let scan: { filename: string; contentType: string; content: Uint8Array } | undefined;
        if (file instanceof File && file.size > 0) {
          if (!(SCAN_CONTENT_TYPES as readonly string[]).includes(file.type)) issues.add('scan', 'file_type');
          else if (file.size > SCAN_MAX_BYTES) throw new PayloadTooLargeError(`The scan may be at most ${SCAN_MAX_BYTES} bytes.`);
          else scan = { filename: file.name.slice(0, 200) || 'scan', contentType: file.type, content: new Uint8Array(await file.arrayBuffer()) };
        }
        issues.check();
        if (!form || !subject) throw new FormError(issues.issues);
        const result = await registerPaperRequest(
          { ...deps, ...requirePaperDeps(deps) },
          {
            tenantId: s.staff.tenantId,
            channel: form.channel,
            receivedAt: form.receivedAt,
            request: { rights: form.rights.map((type) => ({ type })), subject, language: form.language },
            ...(scan ? { scan } : {}),
            ...(form.note ? { note: form.note } : {}),
            actor: { kind: 'staff', id: s.staff.userId },
          },
        );
        return c.redirect(`/console/cases/${result.case.id}?done=registered`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'unauthenticated') throw error;
        const lang = languageOf(c);
        // The scan is never kept: a file input cannot be filled in again, and the page says so.
        const problem = formProblem(error, lang, 'register', labelsFor(lang, translator(lang), REGISTER_FIELDS), { 'subject.postalAddress': 'postalAddress', subject: 'name' });
        return c.html(<RegisterPage ctx={{ ...ctxOf(c, s), problem }} values={values} today={today(s.staff.tenantId)} scanDropped={body.scan instanceof File && body.scan.size > 0} />, PROBLEM_KINDS[error.code].status as 400);
      }
    },
  );

  const renderQueue = async (c: Context, s: Session, extra: { done?: string; status?: number; problem?: FormProblem; kept?: KeptValues } = {}) => {
    const items = await listPrintQueue(requirePaperDeps(deps), { tenantId: s.staff.tenantId, limit: 200 });
    const { problem, kept, ...rest } = extra;
    return c.html(<PrintQueuePage ctx={{ ...ctxOf(c, s), ...(problem ? { problem } : {}), ...(kept ? { kept } : {}) }} items={items} today={today(s.staff.tenantId)} {...rest} />, (extra.status ?? 200) as 200);
  };

  app.get('/console/print-queue', async (c) => {
    const s = await requireSession(c);
    const done = c.req.query('done');
    const n = c.req.query('n') ?? '';
    return renderQueue(c, s, done === 'dispatched' ? { done } : done === 'batch' && /^[1-9]\d?$/.test(n) ? { done: `batch:${n}` } : {});
  });

  app.get('/console/print-queue/:id/letter.pdf', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) throw new NotFoundError('No such print item.');
    const file = await printFile({ ...deps, ...requirePaperDeps(deps) }, { tenantId: s.staff.tenantId, itemId: id });
    return inlinePdf(file.body, file.filename);
  });

  app.get('/console/print-queue/:id/enclosures/:n', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const n = Number(c.req.param('n'));
    if (!ITEM_ID.test(id) || !Number.isInteger(n) || n < 0) throw new NotFoundError('No such enclosure.');
    const file = await printFile({ ...deps, ...requirePaperDeps(deps) }, { tenantId: s.staff.tenantId, itemId: id, enclosure: n });
    return attachment(file.body, file.filename, file.contentType);
  });

  app.post('/console/print-queue/:id/dispatch', async (c) => {
    const s = await requireSession(c);
    const id = c.req.param('id');
    const body = single(await c.req.parseBody());
    checkCsrf(s, str(body._csrf));
    try {
      const form = parseForm(DispatchForm, body);
      if (!ITEM_ID.test(id)) throw new NotFoundError('No such print item.');
      const trackingNumber = form.trackingNumber?.trim();
      const handedTo = form.handedTo?.trim();
      await recordDispatch(
        { ...deps, ...requirePaperDeps(deps) },
        { tenantId: s.staff.tenantId, itemId: id, at: form.at, ...(trackingNumber ? { trackingNumber } : {}), ...(handedTo ? { handedTo } : {}), actor: { kind: 'staff', id: s.staff.userId } },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'unauthenticated') throw error;
      const lang = languageOf(c);
      const form = `dispatch-${id}`;
      return renderQueue(c, s, { problem: formProblem(error, lang, form, labelsFor(lang, translator(lang), DISPATCH_FIELDS)), kept: { form, values: typedValues(body) }, status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect('/console/print-queue?done=dispatched', 303);
  });
}
