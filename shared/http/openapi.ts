import * as z from 'zod/mini';
import { RECEIPT_RANGE } from '#deadlines/calendar.ts';
import { RIGHT_ARTICLE, RIGHT_TYPES } from '#domain/rights.ts';
import { PROBLEM_KINDS, problemType, type ProblemCode } from './problem.ts';
import { CASE_ID_PATTERN, IDEMPOTENCY_KEY_PATTERN, registerPartnerSchemas } from './schemas.ts';
import { staffOpenApi } from './staff-api/openapi.ts';
import { accountabilityPaths } from './staff-api/openapi-accountability.ts';
import { buildStaffOpenApi } from './staff-openapi.ts';
import { fillForLint } from './openapi-lint-fill.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const authErrors = {
  '401': problem('Missing, malformed, expired or forged token, or one whose lifetime (`exp` − `iat`) is longer than this API accepts.'),
  '403': problem('The token lacks the scope for this call, or names an unknown tenant.'),
};
// Every operation that reads or writes storage may meet an outage: never a 500, a 503 to retry.
const unavailable = {
  '503': {
    description: 'A storage or mail service did not answer in time; nothing was changed or lost. Retry after `Retry-After` seconds.',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/problem+json': { schema: ref('Problem') } },
  },
};

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (`registerPartnerSchemas` enters them in the global registry).
 */
export function buildOpenApi(serverUrl?: string): Record<string, unknown> {
  registerPartnerSchemas();
  const generated = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  // zod gives each entry `$schema` and `$id: "#/components/schemas/X"`; a fragment in `$id` is not
  // valid JSON Schema 2020-12 (validators refuse the document). OpenAPI 3.1 names components by path.
  const schemas = Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => [id, Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$id' && key !== '$schema'))]),
  );
  const staff = staffOpenApi();
  const fulfilment = fulfilmentParts();
  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'rightsdesk partner and staff API',
      version: '1.0.0',
      // The package is private with no licence file: all rights reserved.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      contact: { name: 'rightsdesk' },
      description: [
        'Submit and track GDPR data subject rights requests on behalf of a controller.',
        '',
        `Right types: ${RIGHT_TYPES.map((r) => `\`${r}\` (${RIGHT_ARTICLE[r]})`).join(', ')}.`,
        '',
        'Deadlines follow Regulation (EEC, Euratom) No 1182/71 in the controller\'s time zone with its public holidays. `dueDate` is the controller\'s local date; `dueAt` the UTC instant at which that day ends.',
        '',
        'Errors are RFC 9457 problem details (`application/problem+json`).',
        '',
        'The staff API (`/console/api`, staff tokens) drives every step of a case: the full case, decisions where the workflow waits (including asking the subject for missing details), answers registered on paper, identity reviews, rights corrections, the print queue and unprocessed mail. docs/procedures.md walks each controller\'s procedure with these calls.',
      ].join('\n'),
    },
    // Without a URL, the server is the one serving the document (the OpenAPI default, said explicitly).
    servers: [serverUrl ? { url: serverUrl } : { url: '/', description: 'The origin serving this document' }],
    components: {
      schemas: { ...schemas, ...staff.schemas, ...fulfilment.schemas },
      securitySchemes: { ...staff.securitySchemes, partnerJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A partner token (ES256/EdDSA/RS256) naming the partner (`sub`) and its tenant (`tenant`), with `iss`, `aud` and `exp`.' } },
    },
    paths: {
      // The probes are public: an empty `security` says so (no token is asked for).
      '/healthz': { get: { summary: 'Liveness', operationId: 'health', security: [], responses: { '200': { description: 'Up', content: json('Health') } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: the table, the mail sender and the workflow service answer',
          operationId: 'readiness',
          security: [],
          responses: {
            '200': { description: 'Ready', content: json('Readiness') },
            '503': {
              description: 'A dependency does not answer (`checks` says which); retry after `Retry-After` seconds.',
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
              content: { 'application/problem+json': { schema: ref('Problem') } },
            },
          },
        },
      },
      '/v1/requests': {
        post: {
          summary: 'Submit a rights request',
          operationId: 'createRequest',
          security: [{ partnerJwt: [] }],
          parameters: [
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN }, description: 'Retries with the same key and body return the same case; with another body, 422.' },
          ],
          requestBody: { required: true, content: json('NewRequest') },
          responses: {
            '201': { description: 'The case (also when replayed for a known Idempotency-Key; then `Idempotent-Replayed: true`).', headers: { Location: { schema: { type: 'string' } } }, content: json('Case') },
            '400': problem('The body is not JSON.'),
            ...authErrors,
            '413': problem('The body is larger than the limit.'),
            '409': problem('A request with the same Idempotency-Key is still being processed; retry shortly.'),
            '415': problem('The body is not application/json.'),
            '422': problem('The body breaks the schema (see `errors`), the Idempotency-Key is not 1–255 visible ASCII characters, or it was used with another body.'),
            ...unavailable,
          },
        },
      },
      '/v1/requests/{id}': {
        get: {
          summary: 'Get a request with its public timeline',
          operationId: 'getRequest',
          security: [{ partnerJwt: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: CASE_ID_PATTERN }, description: 'The case id returned by `POST /v1/requests` (letters, digits and hyphens, at most 64).' }],
          responses: {
            '200': { description: 'The case with `events`.', content: json('Case') },
            ...authErrors,
            '404': problem('No such case created by this partner.'),
            '422': problem('The id is not well formed (see the parameter\'s pattern).'),
            ...unavailable,
          },
        },
      },
      '/v1/requests/{id}/replies': {
        post: {
          summary: "Pass on the subject's answer to a request for missing details",
          description:
            'When a case shows `waitingFor: subject` with a `clarification` (the partner is also told by webhook, `clarification.requested`), the subject\'s answer resumes it. Where the controller\'s policy restarts the period on a revised request (Legal Balance 001 §7.2) the answer and extension deadlines are counted again from `receivedAt` and the subject is told the new date.',
          operationId: 'replyToRequest',
          security: [{ partnerJwt: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json('SubjectReply') },
          responses: {
            '202': { description: 'The case, resumed (with its due date in force).', content: json('Case') },
            ...authErrors,
            '404': problem("No such case for the partner's tenant."),
            '400': problem('The body is not valid JSON.'),
            '409': problem('The case is not waiting for details from the subject.'),
            '415': problem('The body is not application/json.'),
            '422': problem('The body breaks the schema, or `receivedAt` lies before the question or in the future.'),
          },
        },
      },
      '/v1/deadlines': {
        get: {
          summary: 'Compute the legal deadlines for a receipt instant',
          operationId: 'getDeadlines',
          security: [{ partnerJwt: [] }],
          parameters: [
            {
              name: 'receivedAt',
              in: 'query',
              required: true,
              schema: { type: 'string', format: 'date-time' },
              description: `An ISO 8601 instant with offset, from ${RECEIPT_RANGE.from} to before ${RECEIPT_RANGE.to} (the years the holiday calendars cover).`,
            },
          ],
          responses: {
            '200': { description: 'Deadlines', content: json('Deadlines') },
            ...authErrors,
            '422': problem(`\`receivedAt\` missing, not an ISO 8601 instant with offset, or outside ${RECEIPT_RANGE.from} … ${RECEIPT_RANGE.to}.`),
          },
        },
      },
      ...staff.paths,
      ...accountabilityPaths(),
      ...fulfilment.paths,
    },
    'x-problem-types': Object.fromEntries(
      (Object.keys(PROBLEM_KINDS) as ProblemCode[]).map((code) => [problemType(code), { status: PROBLEM_KINDS[code].status, title: PROBLEM_KINDS[code].title }]),
    ),
  };
  return { ...doc, tags: fillForLint(doc.paths) };
}

/**
 * The staff fulfilment routes (staff-openapi.ts) in the served document: paths under
 * `/console/api`, schemas prefixed `Fulfilment` so they cannot clash with the partner API's.
 */
function fulfilmentParts(): { schemas: Record<string, unknown>; paths: Record<string, unknown> } {
  const doc = buildStaffOpenApi() as { components: { schemas: Record<string, unknown> }; paths: Record<string, unknown> };
  const names = Object.keys(doc.components.schemas).filter((n) => n !== 'Problem');
  const rename = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/"#\/components\/schemas\/(\w+)"/g, (all, name: string) => (names.includes(name) ? `"#/components/schemas/Fulfilment${name === 'Fulfilment' ? '' : name}"` : all)));
  return {
    schemas: Object.fromEntries(names.map((n) => [`Fulfilment${n === 'Fulfilment' ? '' : n}`, rename(doc.components.schemas[n])])),
    paths: Object.fromEntries(Object.entries(doc.paths).map(([path, item]) => [`/console/api${path}`, rename(item)])),
  };
}
