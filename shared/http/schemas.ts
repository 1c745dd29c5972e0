import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { configureZod, globalRegistry, isoDateTime } from '#domain/zod-core.ts';
import { CASE_STATUSES } from '#domain/case.ts';
import { CHANNELS, LANGUAGES } from '#domain/channels.ts';
import { IDENTITY_METHODS, IDENTITY_STATUSES } from '#domain/identity.ts';
import { RIGHT_STATUSES, RIGHT_TYPES } from '#domain/rights.ts';

// zod/mini ships no messages by default; partners deserve readable field errors.
configureZod(en());

/**
 * The partner API's schemas (docs/design.md §4.2). The same objects validate requests at the edge and
 * generate `/openapi.json`, so the documentation cannot drift from what is enforced. Each is named
 * here and entered in zod's registry by `registerPartnerSchemas`, which the OpenAPI document calls:
 * the response schemas are built then too, since nothing else uses them (docs/performance.md).
 */
const names = new Map<z.ZodMiniType, { readonly id: string; readonly description: string }>();
function register<T extends z.ZodMiniType>(schema: T, id: string, description: string): T {
  names.set(schema, { id, description });
  return schema;
}

// `\S`: after trimming something is left, and the published schema says so (a name of spaces
// passed the documented minLength but not the server).
const trimmed = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(/\S/));

/** A case id in a path (also published as the parameter's pattern). */
export const CASE_ID_PATTERN = '^[A-Za-z0-9-]{1,64}$';
/** An Idempotency-Key header value: 1–255 visible ASCII characters (also published). */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7e]{1,255}$';

const instant = isoDateTime({ offset: true });

export const DeadlinesQuerySchema = z.object({ receivedAt: instant });

/**
 * The requests' schemas, built with the first request that needs one: the partner API validates
 * them, the console and fulfilment functions (which load this module for a few of them) mostly never do.
 */
function buildRequestSchemas() {
  const RightRequestSchema = register(
    z.strictObject({
      type: z.enum(RIGHT_TYPES),
      details: z.optional(z.string().check(z.maxLength(4000))),
    }),
    'RightRequest',
    'One right the subject exercises, with optional free-text details (what to rectify, which processing to object to, …).',
  );

  const SubjectSchema = register(
    z.strictObject({
      name: trimmed(200),
      email: z.optional(z.email().check(z.maxLength(254))),
      phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()-]{5,25}$/))),
      postalAddress: z.optional(trimmed(500)),
    }),
    'Subject',
    'The data subject the request is about.',
  );

  // https only, also for local development: webhook bodies are signed, not encrypted, and carry
  // case data. A host name (no IP literal, no credentials) and an optional port. The regex puts the
  // rule into the published schema (`z.url`'s protocol option does not appear there), and the
  // fuzz test (tests/unit/openapi-fuzz.test.ts) holds the two to each other.
  const PORT = '(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?';
  const CALLBACK_URL = new RegExp(`^https://(?:[A-Za-z0-9-]+\\.)*[A-Za-z][A-Za-z0-9-]*${PORT}(?:[/?#][^\\s]*)?$`);

  // A JWS compact serialization: three base64url parts.
  const compactJwt = z.string().check(z.maxLength(8192), z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/));

  const NewRequestSchema = register(
    z.strictObject({
      rights: z
        .array(RightRequestSchema)
        .check(
          z.minLength(1),
          z.maxLength(RIGHT_TYPES.length),
          z.refine((rights) => new Set(rights.map((r) => r.type)).size === rights.length, { message: 'Each right may appear once.' }),
        ),
      subject: SubjectSchema,
      language: z.optional(z.enum(LANGUAGES)),
      callbackUrl: z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(2048), z.regex(CALLBACK_URL))),
      identity: z.optional(z.strictObject({ assertion: z.optional(compactJwt) })),
      representative: z.optional(
        z.strictObject({
          name: trimmed(200),
          email: z.optional(z.email().check(z.maxLength(254))),
          authorizationDocument: z.optional(z.string().check(z.maxLength(2048))),
        }),
      ),
    }),
    'NewRequest',
    'A data subject rights request submitted by a partner site.',
  );
  const SubjectReplySchema = register(
    z.object({
      /** The subject's answer to the details asked for, as the partner received it. */
      message: trimmed(4000),
      /** When the subject gave it to the partner (default: now); not before the question, not in the future. */
      receivedAt: z.optional(instant),
    }),
    'SubjectReply',
    "The subject's answer to a request for missing details, passed on by the partner. It counts as a revised request.",
  );
  return { RightRequestSchema, SubjectSchema, NewRequestSchema, SubjectReplySchema };
}
let requests: ReturnType<typeof buildRequestSchemas> | undefined;
const requestSchemas = () => (requests ??= buildRequestSchemas());

export const RightRequestSchema = z.lazy(() => requestSchemas().RightRequestSchema);
export const SubjectSchema = z.lazy(() => requestSchemas().SubjectSchema);
export const NewRequestSchema = z.lazy(() => requestSchemas().NewRequestSchema);
export const SubjectReplySchema = z.lazy(() => requestSchemas().SubjectReplySchema);
export type NewRequestBody = z.infer<typeof NewRequestSchema>;

/** The responses' schemas: only the OpenAPI document uses them, so they are built with it. */
function buildResponseSchemas() {
  const localDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

  const DeadlineSchema = register(
    z.object({ dueDate: localDate, dueAt: instant, rule: z.optional(z.string()) }),
    'Deadline',
    "A period's end: the controller's local date (YYYY-MM-DD) and the UTC instant at which that day ends in the controller's time zone.",
  );

  const HourDeadlineSchema = register(
    z.object({ dueAt: instant, rule: z.optional(z.string()) }),
    'HourDeadline',
    'A period counted in hours: the UTC instant it ends.',
  );

  const DeadlinesSchema = register(
    z.object({
      receivedAt: instant,
      answer: DeadlineSchema,
      extended: DeadlineSchema,
      invalidRequestNotice: z.nullable(DeadlineSchema),
      directMarketingObjection: z.nullable(HourDeadlineSchema),
    }),
    'Deadlines',
    "The legal deadlines for a request received at `receivedAt`, per Regulation 1182/71 and the controller's policy.",
  );

  const EventSchema = register(
    z.object({ at: instant, type: z.string(), summary: z.string() }),
    'CaseEvent',
    'One step on the public timeline of a case.',
  );

  const CaseSchema = register(
    z.object({
      id: z.string(),
      reference: z.string(),
      tenantId: z.string(),
      channel: z.enum(CHANNELS),
      status: z.enum(CASE_STATUSES),
      language: z.enum(LANGUAGES),
      receivedAt: instant,
      dueDate: localDate,
      dueAt: instant,
      extended: z.boolean(),
      rights: z.array(z.object({ type: z.enum(RIGHT_TYPES), status: z.enum(RIGHT_STATUSES) })),
      identity: z.object({
        status: z.enum(IDENTITY_STATUSES),
        method: z.nullable(z.enum(IDENTITY_METHODS)),
        acceptedMethods: z.array(z.enum(IDENTITY_METHODS)),
      }),
      deadlines: DeadlinesSchema,
      acknowledgement: z.object({
        status: z.enum(['pending', 'sent', 'failed', 'in_response']),
        text: z.optional(z.string()),
      }),
      /** Whom the case waits for: `subject` when details (or identity) were asked of them, `controller` otherwise; absent once closed. */
      waitingFor: z.optional(z.enum(['subject', 'controller'])),
      /** The latest request to the subject for missing details; answer it with `POST /v1/requests/{id}/replies`. */
      clarification: z.optional(
        z.object({
          questions: z.array(z.string()),
          askedAt: instant,
          restartsPeriod: z.boolean(),
          rule: z.string(),
          answeredAt: z.optional(instant),
          closedAt: z.optional(instant),
        }),
      ),
      events: z.optional(z.array(EventSchema)),
    }),
    'Case',
    'A data subject rights request as the partner sees it.',
  );

  // Loose: RFC 9457 allows extension members (`/readyz` adds `checks`).
  const ProblemSchema = register(
    z.looseObject({
      type: z.string(),
      title: z.string(),
      status: z.int(),
      detail: z.optional(z.string()),
      instance: z.optional(z.string()),
      errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
      correlationId: z.optional(z.string()),
    }),
    'Problem',
    'RFC 9457 problem details. `errors` lists failing fields for validation problems.',
  );

  const HealthSchema = register(z.object({ status: z.literal('ok') }), 'Health', 'Liveness.');

  const readinessCheck = z.enum(['ok', 'down', 'not_configured']);
  const ReadinessSchema = register(
    z.object({ status: z.literal('ready'), checks: z.object({ table: readinessCheck, mailSender: readinessCheck, workflows: readinessCheck }) }),
    'Readiness',
    'Each dependency answered (`ok`) or is not used by this deployment (`not_configured`).',
  );
  return { DeadlineSchema, HourDeadlineSchema, DeadlinesSchema, EventSchema, CaseSchema, ProblemSchema, HealthSchema, ReadinessSchema };
}
let responses: ReturnType<typeof buildResponseSchemas> | undefined;
const responseSchemas = () => (responses ??= buildResponseSchemas());

export type CaseView = z.infer<ReturnType<typeof buildResponseSchemas>['CaseSchema']>;

/** Enters every partner API schema in zod's registry (once), in the order the document lists them. */
export function registerPartnerSchemas(): void {
  const q = requestSchemas();
  const r = responseSchemas();
  const ordered = [q.RightRequestSchema, q.SubjectSchema, q.NewRequestSchema, r.DeadlineSchema, r.HourDeadlineSchema, r.DeadlinesSchema, q.SubjectReplySchema, r.EventSchema, r.CaseSchema, r.ProblemSchema, r.HealthSchema, r.ReadinessSchema];
  for (const schema of ordered) if (!globalRegistry.has(schema)) globalRegistry.add(schema, names.get(schema)!);
}
