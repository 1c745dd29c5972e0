import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod/mini';
import type { PrintItem } from '#ports/channels.ts';
import { PayloadTooLargeError, ValidationError } from '#domain/errors.ts';
import { listPrintQueue, printFile, recordDispatch, registerPaperRequest } from '#usecases/paper-requests.ts';
import { readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { problemFor, problemResponse } from '../problem.ts';
import { RightRequestSchema, SubjectSchema } from '../schemas.ts';
import { notConfigured } from './not-configured.ts';
import { inlinePdf } from '../inline-pdf.ts';

/**
 * Post and in person (docs/design.md §1.2): staff register paper and in-person requests, print the
 * letters the system queues, and record their dispatch. Mounted under `/console/api`; staff
 * bearer token; JSON and RFC 9457 problems like every other route. THE CONTRACT (the console UI
 * builds on it — extend, don't break):
 *
 * POST /console/api/cases                         register a letter or a visit (any staff role)
 *   Content-Type: application/json; body ≤ 6 MB (INTAKE_MAX_BODY_BYTES)
 *   { "channel": "post" | "in_person",
 *     "receivedAt": "2026-11-20"                  the controller's LOCAL DATE of receipt (= 00:00 that day
 *                 | "2026-11-20T09:15:00+02:00"   in Europe/Vilnius), or an instant with offset; not in the
 *                                                 future, at most 366 days back
 *     "subject": { "name", "email"?, "phone"?, "postalAddress"? }   postalAddress REQUIRED for post
 *                                                 (lines separated by "\n" or ";")
 *     "rights": [{ "type": "access" | …, "details"? }]              as in POST /v1/requests
 *     "language"?: "lt" | "en"                    default: the controller's official language
 *     "representative"?: { "name", "email"? }
 *     "note"?: string (≤ 2000)                    how it arrived ("registered letter RR…", "oral request")
 *     "scan"?: { "filename", "contentType": "application/pdf" | "image/jpeg" | "image/png" | "image/tiff",
 *                "contentBase64" }               the scanned letter, ≤ 4 MB decoded (SCAN_MAX_BYTES) }
 *   → 201, Location: /console/api/cases/{id}
 *     { "case": { id, reference, channel, status, language, receivedAt, dueDate, dueAt,
 *                 subject: { name, email? }, rights: [{ type, status, details? }], acknowledgement },
 *       "scan": { "key", "size" } | null }
 *   The acknowledgement is a letter in the print queue (post) or a hand-over item (in person);
 *   the case then waits for staff identity review (POST /console/api/cases/{id}/decisions).
 *   422 validation-failed (fields in `errors`), 413 payload-too-large.
 *
 * GET /console/api/print-queue?limit=50           letters to print and documents to hand over, oldest first
 *   → 200 { "items": [PrintItem] }
 *   PrintItem = { id, caseId, reference, delivery: "post" | "in_person", notice (acknowledgement, answer, …),
 *                 title, recipient: string[], status: "queued" | "dispatched", createdAt,
 *                 pdf: { url: "/console/api/print-queue/{id}/letter.pdf", size },
 *                 enclosures: [{ filename, size, url: "/console/api/print-queue/{id}/enclosures/{n}" }],
 *                 dispatch?: { at, trackingNumber?, handedTo?, by, recordedAt } }
 * GET /console/api/print-queue/{id}               → 200 PrintItem (also once dispatched)
 * GET /console/api/print-queue/{id}/letter.pdf    → 200 application/pdf (the letter to print; inline, no-store)
 * GET /console/api/print-queue/{id}/enclosures/{n} → 200 the file (the subject's data as JSON/CSV)
 *
 * POST /console/api/print-queue/{id}/dispatch     record posting / hand-over (any staff role)
 *   { "at": "2026-11-24" | ISO instant,           when it was posted / handed over
 *     "trackingNumber"?: string (≤ 64),           post
 *     "handedTo"?: string (≤ 200) }               in person: who received it
 *   → 200 PrintItem (status "dispatched"); the case gets a public audit event `letter.dispatched`
 *     or `handover.recorded`. 409 conflict when it was already recorded.
 */
export const INTAKE_MAX_BODY_BYTES = 6 * 1024 * 1024;
export const SCAN_MAX_BYTES = 4 * 1024 * 1024;
export const SCAN_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;

const ITEM_ID = /^[A-Za-z0-9-]{1,64}$/;
const receivedAt = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/));

export const RegisterSchema = z.lazy(() => z.strictObject({
  channel: z.enum(['post', 'in_person']),
  receivedAt,
  subject: SubjectSchema,
  rights: z
    .array(RightRequestSchema)
    .check(z.minLength(1), z.maxLength(10), z.refine((rights) => new Set(rights.map((r) => r.type)).size === rights.length, { message: 'Each right may appear once.' })),
  language: z.optional(z.enum(['lt', 'en'])),
  representative: z.optional(z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), email: z.optional(z.email()) })),
  note: z.optional(z.string().check(z.maxLength(2000))),
  scan: z.optional(
    z.strictObject({
      filename: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      contentType: z.enum(SCAN_CONTENT_TYPES),
      contentBase64: z.string().check(z.regex(/^[A-Za-z0-9+/=\s]+$/)),
    }),
  ),
}));

export const DispatchSchema = z.lazy(() => z.strictObject({
  at: receivedAt,
  trackingNumber: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  handedTo: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
}));

export function itemView(item: PrintItem) {
  const base = `/console/api/print-queue/${item.id}`;
  return {
    id: item.id,
    caseId: item.caseId,
    reference: item.reference,
    delivery: item.delivery,
    notice: item.notice,
    title: item.title,
    recipient: item.recipient,
    status: item.status,
    createdAt: item.createdAt,
    pdf: { url: `${base}/letter.pdf`, size: item.pdfSize },
    enclosures: item.enclosures.map((e, i) => ({ filename: e.filename, size: e.size, url: `${base}/enclosures/${i}` })),
    ...(item.dispatch ? { dispatch: item.dispatch } : {}),
  };
}

/** The post / in-person ports (also used by the console's pages). */
export function requirePaperDeps(deps: ApiDeps) {
  if (!deps.messages || !deps.evidence || !deps.printQueue) throw notConfigured('The post / in-person channel (messages, evidence, print queue)');
  return { messages: deps.messages, evidence: deps.evidence, printQueue: deps.printQueue };
}

export function attachment(body: Uint8Array, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
    },
  });
}

export function consoleIntakeRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();

  api.post(
    '/cases',
    bodyLimit({
      maxSize: INTAKE_MAX_BODY_BYTES,
      onError: (c) => problemResponse(c, problemFor('payload_too_large', `The body may be at most ${INTAKE_MAX_BODY_BYTES} bytes.`)),
    }),
    async (c) => {
      const staff = c.get('staff');
      const body = await readJson(c, RegisterSchema);
      const paper = requirePaperDeps(deps);
      let scan: { filename: string; contentType: string; content: Uint8Array } | undefined;
      if (body.scan) {
        const content = new Uint8Array(Buffer.from(body.scan.contentBase64, 'base64'));
        if (content.byteLength === 0) throw new ValidationError('The scan is empty.', [{ field: 'scan.contentBase64', message: 'empty' }]);
        if (content.byteLength > SCAN_MAX_BYTES) throw new PayloadTooLargeError(`The scan may be at most ${SCAN_MAX_BYTES} bytes.`);
        scan = { filename: body.scan.filename, contentType: body.scan.contentType, content };
      }
      const result = await registerPaperRequest(
        { ...deps, ...paper },
        {
          tenantId: staff.tenantId,
          channel: body.channel,
          receivedAt: body.receivedAt,
          request: {
            rights: body.rights,
            subject: body.subject,
            ...(body.language ? { language: body.language } : {}),
            ...(body.representative ? { representative: body.representative } : {}),
          },
          ...(scan ? { scan } : {}),
          ...(body.note ? { note: body.note } : {}),
          actor: { kind: 'staff', id: staff.userId },
        },
      );
      const k = result.case;
      c.header('Location', `/console/api/cases/${k.id}`);
      return c.json(
        {
          case: {
            id: k.id,
            reference: k.reference,
            channel: k.channel,
            status: k.status,
            language: k.language,
            receivedAt: k.receivedAt,
            dueDate: k.dueDate,
            dueAt: k.dueAt,
            subject: { name: k.subject.name, ...(k.subject.email ? { email: k.subject.email } : {}) },
            rights: k.rights.map((r) => ({ type: r.type, status: r.status, ...(r.details ? { details: r.details } : {}) })),
            acknowledgement: k.acknowledgement,
          },
          scan: result.scanKey && scan ? { key: result.scanKey, size: scan.content.byteLength } : null,
        },
        201,
      );
    },
  );

  api.get('/print-queue', async (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 50) || 50, 1), 200);
    const items = await listPrintQueue({ ...deps, ...requirePaperDeps(deps) }, { tenantId: c.get('staff').tenantId, limit });
    return c.json({ items: items.map(itemView) });
  });

  api.get('/print-queue/:id', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) throw new ValidationError('The print item id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const paper = requirePaperDeps(deps);
    const item = await paper.printQueue.get(c.get('staff').tenantId, id);
    if (!item) return problemResponse(c, problemFor('not_found', `No print item "${id}".`));
    return c.json(itemView(item));
  });

  api.get('/print-queue/:id/letter.pdf', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) throw new ValidationError('The print item id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const file = await printFile({ ...deps, ...requirePaperDeps(deps) }, { tenantId: c.get('staff').tenantId, itemId: id });
    // Opens in the browser's PDF viewer, ready to print (a download left a copy in the downloads folder).
    return inlinePdf(file.body, file.filename);
  });

  api.get('/print-queue/:id/enclosures/:n', async (c) => {
    const id = c.req.param('id');
    const n = Number(c.req.param('n'));
    if (!ITEM_ID.test(id) || !Number.isInteger(n) || n < 0) throw new ValidationError('The print item or enclosure is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const file = await printFile({ ...deps, ...requirePaperDeps(deps) }, { tenantId: c.get('staff').tenantId, itemId: id, enclosure: n });
    return attachment(file.body, file.filename, file.contentType);
  });

  api.post('/print-queue/:id/dispatch', async (c) => {
    const id = c.req.param('id');
    if (!ITEM_ID.test(id)) throw new ValidationError('The print item id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const staff = c.get('staff');
    const body = await readJson(c, DispatchSchema);
    const item = await recordDispatch(
      { ...deps, ...requirePaperDeps(deps) },
      {
        tenantId: staff.tenantId,
        itemId: id,
        at: body.at,
        ...(body.trackingNumber ? { trackingNumber: body.trackingNumber } : {}),
        ...(body.handedTo ? { handedTo: body.handedTo } : {}),
        actor: { kind: 'staff', id: staff.userId },
      },
    );
    return c.json(itemView(item));
  });

  return api;
}
