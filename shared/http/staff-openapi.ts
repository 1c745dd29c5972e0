import { TASK_OUTCOMES, TASK_STATUSES } from '#domain/fulfilment/tasks.ts';
import { IDENTIFIER_KINDS } from '#domain/fulfilment/kinds.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';

/**
 * OpenAPI 3.1 of the staff fulfilment API under `/console/api` (docs/fulfilment.md): served in
 * `/openapi.json` (merged by openapi.ts, its schemas prefixed `Fulfilment…`) and kept standalone as
 * `docs/staff-fulfilment-openapi.json` (tests/unit/fulfilment.test.ts checks it is current).
 */
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const caseId = { name: 'id', in: 'path', required: true, description: 'The case id.', schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' } };
const taskId = { name: 'taskId', in: 'path', required: true, description: '`<right>:<system or recipient id>`, e.g. `access:shop_db`.', schema: { type: 'string', pattern: '^[a-z_]{1,40}:[a-z0-9_]{1,63}$' } };
const errors = { '401': problem('No or an invalid staff token.'), '404': problem('No such case or task in the staff member’s tenant.'), '422': problem('The body breaks the schema.') };
/** What reading a JSON body may answer besides (`readJson`): the fuzz test sends every kind. */
const bodyErrors = { '400': problem('The body is not valid JSON.'), '413': problem('The body is larger than the limit.'), '415': problem('The body is not application/json.') };

export function buildStaffOpenApi(): Record<string, unknown> {
  const taskOp = (summary: string, operationId: string, body: string, description: string) => ({
    post: {
      summary,
      operationId,
      description,
      tags: ['fulfilment'],
      security: [{ staffJwt: [] }],
      parameters: [caseId, taskId],
      requestBody: { required: true, content: json(body) },
      responses: { '200': { description: 'The task as it is now.', content: json('Task') }, ...errors, ...bodyErrors, '403': problem('The role may not do this (an erasure needs an approver).'), '409': problem('The task is finished, or needs a dry run first, or no verified identifier fits.') },
    },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'rightsdesk staff fulfilment API', version: '1.0.0', license: { name: 'Proprietary', url: 'https://www.rightsdesk.example/license' }, description: 'Tasks per right and system, their connectors, Art. 19 notices and the answer assembled from the results. Every route sees only the staff member’s tenant.' },
    servers: [{ url: '/console/api' }],
    tags: [{ name: 'fulfilment', description: 'Systems, recipients and tasks of a case.' }],
    components: {
      securitySchemes: { staffJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A staff token naming the tenant and the role (agent, approver, admin).' } },
      schemas: {
        Problem: { type: 'object', description: 'RFC 9457 problem details.', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' } }, required: ['type', 'title', 'status'] },
        VerifiedIdentifier: { type: 'object', properties: { kind: { type: 'string', enum: [...IDENTIFIER_KINDS] }, value: { type: 'string' }, method: { type: 'string' }, provedAt: { type: 'string' } }, required: ['kind', 'value', 'method', 'provedAt'] },
        Task: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            right: { type: 'string', enum: [...RIGHT_TYPES] },
            target: { type: 'object', properties: { kind: { type: 'string', enum: ['system', 'recipient'] }, id: { type: 'string' } }, required: ['kind', 'id'] },
            name: { type: 'string' },
            connector: { type: 'string', enum: ['manual', 'http', 'postgres', 'notice'] },
            owner: { type: 'string' },
            dueAt: { type: 'string', format: 'date-time' },
            status: { type: 'string', enum: [...TASK_STATUSES] },
            result: { type: 'object', properties: { outcome: { type: 'string', enum: [...TASK_OUTCOMES] }, summary: { type: 'string' }, reason: { type: 'string' }, legalBasis: { type: 'string' }, counts: { type: 'object', additionalProperties: { type: 'integer' } } } },
            dryRun: { type: 'object', properties: { at: { type: 'string' }, by: { type: 'string' }, counts: { type: 'object', additionalProperties: { type: 'integer' } } } },
            notice: { type: 'object', properties: { sentAt: { type: 'string' }, messageId: { type: 'string' }, replyDueAt: { type: 'string' }, repliedAt: { type: 'string' } } },
          },
          required: ['id', 'right', 'target', 'name', 'connector', 'owner', 'dueAt', 'status'],
        },
        Fulfilment: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            reference: { type: 'string' },
            status: { type: 'string' },
            claimed: { type: 'object', description: 'What the subject claimed (never searched by).', properties: { name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' } } },
            verified: { type: 'array', items: { $ref: '#/components/schemas/VerifiedIdentifier' } },
            tasks: { type: 'array', items: { $ref: '#/components/schemas/Task' } },
          },
          required: ['id', 'reference', 'status', 'claimed', 'verified', 'tasks'],
        },
        Run: { type: 'object', properties: { mode: { type: 'string', enum: ['run', 'dry_run'] } }, required: ['mode'], additionalProperties: false },
        Result: {
          type: 'object',
          properties: {
            outcome: { type: 'string', enum: [...TASK_OUTCOMES] },
            summary: { type: 'string', maxLength: 2000 },
            reason: { type: 'string', description: 'Required with `kept`.' },
            legalBasis: { type: 'string', description: 'Required with `kept`.' },
            data: { type: 'array', items: { type: 'object', properties: { category: { type: 'string' }, records: { type: 'array', items: { type: 'object' } } }, required: ['category', 'records'] } },
          },
          required: ['outcome', 'summary'],
          additionalProperties: false,
        },
        Skip: { type: 'object', properties: { reason: { type: 'string', minLength: 1 } }, required: ['reason'], additionalProperties: false },
        NewTask: { type: 'object', properties: { right: { type: 'string', enum: [...RIGHT_TYPES] }, targetId: { type: 'string' }, reason: { type: 'string' } }, required: ['right', 'targetId', 'reason'], additionalProperties: false },
      },
    },
    paths: {
      '/cases/{id}/fulfilment': {
        get: { summary: 'Claimed and verified identity, and the tasks', operationId: 'getFulfilment', tags: ['fulfilment'], security: [{ staffJwt: [] }], parameters: [caseId], responses: { '200': { description: 'The case’s fulfilment.', content: json('Fulfilment') }, ...errors } },
      },
      '/tasks': {
        get: {
          summary: 'Open tasks of the signed-in staff member (or of everyone)',
          operationId: 'listTasks',
          tags: ['fulfilment'],
          security: [{ staffJwt: [] }],
          parameters: [{ name: 'owner', in: 'query', required: false, description: '`all` for everyone’s.', schema: { type: 'string', enum: ['me', 'all'] } }],
          responses: { '200': { description: 'Open tasks, with their case reference.', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Task' } } }, required: ['items'] } } } }, '401': errors['401'] },
        },
      },
      '/cases/{id}/tasks': {
        post: { summary: 'Add a task for a system or recipient of the register', operationId: 'addTask', tags: ['fulfilment'], security: [{ staffJwt: [] }], parameters: [caseId], requestBody: { required: true, content: json('NewTask') }, responses: { '201': { description: 'The fulfilment with the task.', content: json('Fulfilment') }, ...errors, ...bodyErrors, '409': problem('Identity is not settled yet.') } },
      },
      '/cases/{id}/tasks/{taskId}/run': taskOp('Run the task’s connector (or a dry run)', 'runTask', 'Run', 'PostgreSQL: reads for access and portability; erasure needs a `dry_run` first, then an approver’s `run`. Idempotent: a finished task is not run again.'),
      '/cases/{id}/tasks/{taskId}/result': taskOp('Record the task’s result', 'recordTaskResult', 'Result', 'Manual systems, or where no verified identifier fits. `kept` needs a reason and a legal basis.'),
      '/cases/{id}/tasks/{taskId}/skip': taskOp('Skip the task with a reason', 'skipTask', 'Skip', 'The reason is on the audit trail.'),
      '/cases/{id}/notices': {
        get: {
          summary: 'The Art. 19 notices of the case, by recipient',
          operationId: 'listNotices',
          tags: ['fulfilment'],
          security: [{ staffJwt: [] }],
          parameters: [caseId],
          responses: { '200': { description: 'One item per recipient task: its status, and the notice sent (e-mail Message-ID or API notice id), its reply due date and the reply.', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Task' } } }, required: ['items'] } } } }, ...errors },
        },
        post: { summary: 'Send due Art. 19 notices to recipients (e-mail threaded on the case, or a signed API request)', operationId: 'sendNotices', tags: ['fulfilment'], security: [{ staffJwt: [] }], parameters: [caseId], responses: { '200': { description: 'The tasks whose notice was sent now.', content: { 'application/json': { schema: { type: 'object', properties: { sent: { type: 'array', items: { type: 'string' } } }, required: ['sent'] } } } }, ...errors } },
      },
      '/cases/{id}/answer/assemble': {
        post: {
          summary: 'Draft the answer from the task results',
          operationId: 'assembleAnswer',
          tags: ['fulfilment'],
          security: [{ staffJwt: [] }],
          parameters: [caseId],
          responses: { '202': { description: 'Drafted; the case awaits approval by someone else.', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' }, outcome: { type: 'string' }, body: { type: 'string' }, answer: { type: 'object' } }, required: ['id', 'status', 'outcome'] } } } }, ...errors, '409': problem('A task is still open, or the case is not waiting for a draft.') },
        },
      },
    },
  };
}
