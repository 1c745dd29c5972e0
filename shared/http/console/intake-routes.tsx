import type { Context, Hono } from 'hono';
import { all, explain, ITEM_ID, parseForm, str, type ConsoleContext } from './context.tsx';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, NotFoundError, PayloadTooLargeError, ValidationError } from '#domain/errors.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';
import { localDateOf } from '#deadlines/calendar.ts';
import { listPrintQueue, printFile, recordDispatch, registerPaperRequest } from '#usecases/paper-requests.ts';
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
const RegisterForm = z.object({
  channel: z.enum(['post', 'in_person']),
  receivedAt: localDate,
  rights: z.array(z.enum(RIGHT_TYPES)).check(z.minLength(1, 'Tick at least one right.')),
  language: z.enum(['lt', 'en']),
  note: optionalText(2000),
});
const DispatchForm = z.object({ _csrf: z.string(), at: localDate, trackingNumber: optionalText(64), handedTo: optionalText(200) });

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
    bodyLimit({ maxSize: INTAKE_MAX_BODY_BYTES, onError: (c) => c.html(<ErrorPage ctx={ctxOf(c, null)} title={PROBLEM_KINDS.payload_too_large.title} detail={`At most ${SCAN_MAX_BYTES} bytes.`} />, 413) }),
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
        const form = parseForm(RegisterForm, values);
        const subject = parseForm(SubjectSchema, {
          name: values.name,
          ...(values.email ? { email: values.email } : {}),
          ...(values.phone ? { phone: values.phone } : {}),
          // Lines as the JSON contract has them: the letter's address, one line each.
          ...(values.postalAddress ? { postalAddress: values.postalAddress.replace(/\r\n/g, '\n') } : {}),
        });
        const file = body.scan;
        let scan: { filename: string; contentType: string; content: Uint8Array } | undefined;
        if (file instanceof File && file.size > 0) {
          if (!(SCAN_CONTENT_TYPES as readonly string[]).includes(file.type)) throw new ValidationError('The scan must be a PDF, JPEG, PNG or TIFF file.', [{ field: 'scan', message: file.type || 'unknown type' }]);
          if (file.size > SCAN_MAX_BYTES) throw new PayloadTooLargeError(`The scan may be at most ${SCAN_MAX_BYTES} bytes.`);
          scan = { filename: file.name.slice(0, 200) || 'scan', contentType: file.type, content: new Uint8Array(await file.arrayBuffer()) };
        }
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
        return c.html(<RegisterPage ctx={ctxOf(c, s)} values={values} today={today(s.staff.tenantId)} error={explain(error)} />, PROBLEM_KINDS[error.code].status as 400);
      }
    },
  );

  const renderQueue = async (c: Context, s: Session, extra: { done?: string; error?: string; status?: number } = {}) => {
    const items = await listPrintQueue(requirePaperDeps(deps), { tenantId: s.staff.tenantId, limit: 200 });
    return c.html(<PrintQueuePage ctx={ctxOf(c, s)} items={items} today={today(s.staff.tenantId)} {...extra} />, (extra.status ?? 200) as 200);
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
    const form = parseForm(DispatchForm, await c.req.parseBody());
    checkCsrf(s, form._csrf);
    try {
      if (!ITEM_ID.test(id)) throw new NotFoundError('No such print item.');
      const trackingNumber = form.trackingNumber?.trim();
      const handedTo = form.handedTo?.trim();
      await recordDispatch(
        { ...deps, ...requirePaperDeps(deps) },
        { tenantId: s.staff.tenantId, itemId: id, at: form.at, ...(trackingNumber ? { trackingNumber } : {}), ...(handedTo ? { handedTo } : {}), actor: { kind: 'staff', id: s.staff.userId } },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'unauthenticated') throw error;
      return renderQueue(c, s, { error: explain(error), status: PROBLEM_KINDS[error.code].status });
    }
    return c.redirect('/console/print-queue?done=dispatched', 303);
  });
}
