import * as z from 'zod/mini';
import { RIGHT_ARTICLE, RIGHT_TYPES } from '#domain/rights.ts';
import { PROBLEM_KINDS, problemType, type ProblemCode } from './problem.ts';
import './schemas.ts';
import { accountabilityPaths, STAFF_JWT_SCHEME } from './staff-api/openapi-accountability.ts';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const authErrors = {
  '401': problem('Missing, malformed, expired or forged token.'),
  '403': problem('The token lacks the scope for this call.'),
};

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests
 * (they are registered in the global registry by `schemas.ts`).
 */
export function buildOpenApi(serverUrl?: string): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'rightsdesk partner API',
      version: '1.0.0',
      description: [
        'Submit and track GDPR data subject rights requests on behalf of a controller.',
        '',
        `Right types: ${RIGHT_TYPES.map((r) => `\`${r}\` (${RIGHT_ARTICLE[r]})`).join(', ')}.`,
        '',
        'Deadlines follow Regulation (EEC, Euratom) No 1182/71 in the controller\'s time zone with its public holidays. `dueDate` is the controller\'s local date; `dueAt` the UTC instant at which that day ends.',
        '',
        'Errors are RFC 9457 problem details (`application/problem+json`).',
      ].join('\n'),
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      schemas,
      securitySchemes: { staffJwt: STAFF_JWT_SCHEME, partnerJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A partner token (ES256/EdDSA/RS256) naming the partner (`sub`) and its tenant (`tenant`), with `iss`, `aud` and `exp`.' } },
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', operationId: 'health', responses: { '200': { description: 'Up', content: json('Health') } } } },
      '/v1/requests': {
        post: {
          summary: 'Submit a rights request',
          operationId: 'createRequest',
          security: [{ partnerJwt: [] }],
          parameters: [
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 }, description: 'Retries with the same key and body return the same case; with another body, 422.' },
          ],
          requestBody: { required: true, content: json('NewRequest') },
          responses: {
            '201': { description: 'The case (also when replayed for a known Idempotency-Key; then `Idempotent-Replayed: true`).', headers: { Location: { schema: { type: 'string' } } }, content: json('Case') },
            '400': problem('The body is not JSON.'),
            ...authErrors,
            '413': problem('The body is larger than the limit.'),
            '415': problem('The body is not application/json.'),
            '422': problem('The body breaks the schema (see `errors`), or the Idempotency-Key was used with another body.'),
          },
        },
      },
      '/v1/requests/{id}': {
        get: {
          summary: 'Get a request with its public timeline',
          operationId: 'getRequest',
          security: [{ partnerJwt: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The case with `events`.', content: json('Case') }, ...authErrors, '404': problem("No such case for the partner's tenant.") },
        },
      },
      '/v1/deadlines': {
        get: {
          summary: 'Compute the legal deadlines for a receipt instant',
          operationId: 'getDeadlines',
          security: [{ partnerJwt: [] }],
          parameters: [{ name: 'receivedAt', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } }],
          responses: { '200': { description: 'Deadlines', content: json('Deadlines') }, ...authErrors, '422': problem('`receivedAt` missing or not an ISO 8601 instant.') },
        },
      },
      ...accountabilityPaths(),
    },
    'x-problem-types': Object.fromEntries(
      (Object.keys(PROBLEM_KINDS) as ProblemCode[]).map((code) => [problemType(code), { status: PROBLEM_KINDS[code].status, title: PROBLEM_KINDS[code].title }]),
    ),
  };
}
