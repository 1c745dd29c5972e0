/**
 * The staff API's accountability routes in OpenAPI 3.1 (docs/accountability.md), merged into the
 * document by openapi.ts. Staff tokens: the `staffJwt` scheme.
 */
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const unavailable = {
  '503': {
    description: 'A storage service did not answer in time; nothing was changed. Retry after `Retry-After` seconds.',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
};
const staffErrors = { '401': problem('Missing, malformed or expired staff token.'), '403': problem('The staff role may not do this.'), '404': problem('Accountability is not available in this deployment.'), ...unavailable };
const bodyErrors = { '400': problem('The body is not valid JSON.'), '413': problem('The body is larger than the limit.'), '415': problem('The body is not application/json.') };
const jsonBody = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const legalHold = { type: 'object', required: ['legalHold'], properties: { legalHold: { type: ['object', 'null'], properties: { reason: { type: 'string' }, by: { type: 'string' }, at: { type: 'string' } } } } };
const caseId = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' } };
const reasonBody = { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 1000 } } } } } };

export const STAFF_JWT_SCHEME = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A staff token (Cognito on AWS; `.local/dev.json` staffTokens locally) naming the tenant and the role (agent, approver, admin).' };

/** A function, not a constant: bundles that import openapi.ts without building the document (the console) carry none of it. */
export const accountabilityPaths = () => ({
  '/console/api/register': {
    get: {
      summary: 'The register of requests received in a period (admin)',
      operationId: 'getRegister',
      tags: ['staff'],
      security: [{ staffJwt: [] }],
      parameters: [
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' }, description: 'First local day (controller time zone), included.' },
        { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date' }, description: 'Last local day, included; at most 366 days after `from`.' },
        { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv', 'pdf'], default: 'json' } },
        { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['lt', 'en'], default: 'lt' }, description: 'Language of the PDF summary.' },
      ],
      responses: {
        '200': {
          description: 'One row per case received in the period (and per purged case, `status: purged`), with `statistics` (JSON); or the rows as CSV; or a PDF summary.',
          content: { 'application/json': { schema: { type: 'object', required: ['rows', 'statistics'], properties: { rows: { type: 'array', items: { type: 'object' } }, statistics: { type: 'object' }, retention: { type: 'object' } } } }, 'text/csv': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        ...staffErrors,
        '422': problem('`from`/`to` missing, not dates, reversed or more than 366 days apart.'),
      },
    },
  },
  '/console/api/retention': {
    get: { summary: "The tenant's retention rule for closed cases", operationId: 'getRetention', tags: ['staff'], security: [{ staffJwt: [] }], responses: { '200': { description: '`{ tenantId, rule: { period, source, reason } }` (`source: null` where the policy is silent).', content: jsonBody({ type: 'object', required: ['tenantId', 'rule'], properties: { tenantId: { type: 'string' }, rule: { type: 'object' } } }) }, '401': staffErrors['401'] } },
  },
  '/console/api/cases/{id}/legal-hold': {
    post: { summary: 'Place a legal hold: the purge keeps the case (admin)', operationId: 'placeLegalHold', tags: ['staff'], security: [{ staffJwt: [] }], parameters: [caseId], requestBody: reasonBody, responses: { '201': { description: '`{ legalHold: { reason, by, at } }` (the hold in force when one was already placed).', content: jsonBody(legalHold) }, ...staffErrors, ...bodyErrors, '404': problem('No such case for the tenant (or it was purged), or accountability is not available in this deployment.'), '422': problem('No reason given, or the id is not well formed.') } },
  },
  '/console/api/cases/{id}/legal-hold/lift': {
    post: { summary: 'Lift the legal hold (admin)', operationId: 'liftLegalHold', tags: ['staff'], security: [{ staffJwt: [] }], parameters: [caseId], requestBody: reasonBody, responses: { '200': { description: '`{ legalHold: null }`', content: jsonBody(legalHold) }, ...staffErrors, ...bodyErrors, '404': problem('No such case, or accountability is not available in this deployment.'), '409': problem('The case is not under a legal hold.'), '422': problem('No reason given, or the id is not well formed.') } },
  },
  '/console/api/cases/{id}/evidence-pack': {
    get: {
      summary: "A case's sealed evidence pack (admin, approver)",
      operationId: 'getEvidencePack',
      tags: ['staff'],
      security: [{ staffJwt: [] }],
      parameters: [caseId],
      responses: {
        '200': { description: 'A ZIP: case, timeline, decisions, messages (raw MIME or digest) with delivery status, letters and dispatch records, identity evidence, `manifest.json` (SHA-256 of every file) and `manifest.jws` (detached JWS, keys at `/.well-known/jwks.json`). Verify with `npm run -s cli -- verify-evidence-pack`.', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
        ...staffErrors,
        '404': problem('No such case for the tenant, or accountability is not available in this deployment.'),
        '422': problem('The id is not well formed.'),
      },
    },
  },
});
