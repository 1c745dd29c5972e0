import * as z from 'zod/mini';
import { IdDocumentReviewSchema, RepresentationReviewSchema } from './identity-routes.ts';
import { DispatchSchema, RegisterSchema } from './intake-routes.ts';
import { BatchDispatchSchema } from './print-batch-routes.ts';
import { CorrectionSchema } from './rights-routes.ts';
import { StaffReplySchema } from './schemas.ts';
import { AnswerFileSchema, DecisionSchema } from './workflow-routes.ts';
import { BulkSchema, ExtensionSchema, HandlingSchema } from './handling-routes.ts';

/**
 * The staff API (`/console/api`) in the OpenAPI document: request bodies generated from the very
 * zod schemas the routes validate with, so the documentation cannot drift from what is enforced.
 */
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Letters, digits and hyphens, at most 64 (otherwise `422`).' };
const security = [{ staffJwt: [] }];
// Every answer a route can give is documented (the schema-driven fuzz test holds the routes to it).
const unavailable = {
  '503': {
    description: 'A storage or mail service did not answer in time; nothing was changed or lost. Retry after `Retry-After` seconds.',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/problem+json': { schema: ref('Problem') } },
  },
};
const auth = { '401': problem('Missing, malformed, expired or forged staff token.'), ...unavailable };
const common = {
  ...auth,
  '404': problem("No such case for the staff member's tenant (or the feature is not available in this deployment)."),
  '422': problem('The id is not well formed.'),
};
/** Answers of every operation that reads a JSON body (`readJson`). */
const bodyErrors = {
  '400': problem('The body is not valid JSON.'),
  '413': problem('The body is larger than the limit.'),
  '415': problem('The body is not application/json.'),
  '422': problem('The body breaks the schema (see `errors`), or the id is not well formed.'),
};
/** A workflow decision: the case is not waiting there (also where no workflows run). */
const notWaiting = (description = 'The case is not waiting for this.') => ({ '409': problem(description) });
const anyJson = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

const bodies = {
  StaffDecision: DecisionSchema,
  StaffReply: StaffReplySchema,
  StaffRegisterRequest: RegisterSchema,
  StaffDispatch: DispatchSchema,
  StaffBatchDispatch: BatchDispatchSchema,
  StaffRightsCorrection: CorrectionSchema,
  StaffAnswerFile: AnswerFileSchema,
  StaffIdDocumentReview: IdDocumentReviewSchema,
  StaffRepresentationReview: RepresentationReviewSchema,
  StaffHandling: HandlingSchema,
  StaffExtension: ExtensionSchema,
  StaffBulk: BulkSchema,
} as const;

/** The full case for staff (`GET /console/api/cases/{id}`), described by hand: it is a response, never parsed. */
const STAFF_CASE = {
  type: 'object',
  description:
    'The full case for staff: everything the console page shows. `waiting` is where the workflow waits (without its task token) and which decisions it accepts there; `nextActor` who acts next; `flags`; `deadlinesInForce` with the clause (`rule`) and the instant each is counted from; `identity.evidence` the minimal identity evidence record; `clarification` and `clock` while details are asked from the subject; `timeline` every audit event, internal ones included.',
  required: ['id', 'reference', 'status', 'channel', 'receivedAt', 'dueDate', 'dueAt', 'waiting', 'nextActor', 'flags', 'deadlines', 'deadlinesInForce', 'identity', 'timeline'],
  properties: {
    id: { type: 'string' },
    reference: { type: 'string' },
    tenantId: { type: 'string' },
    channel: { type: 'string' },
    status: { type: 'string' },
    language: { type: 'string' },
    receivedAt: { type: 'string', format: 'date-time' },
    revisedRequestAt: { type: 'string', format: 'date-time', description: 'The revised request the period restarted from (001 §7.2), when it did.' },
    dueDate: { type: 'string', format: 'date' },
    dueAt: { type: 'string', format: 'date-time' },
    extended: { type: 'boolean' },
    subject: { type: 'object' },
    representative: { type: 'object' },
    rights: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, status: { type: 'string' }, details: { type: 'string' } } } },
    identity: {
      type: 'object',
      properties: {
        status: { type: 'string' },
        method: { type: ['string', 'null'] },
        acceptedMethods: { type: 'array', items: { type: 'string' } },
        rule: { type: 'string' },
        evidence: { type: ['object', 'null'], description: 'method, verdict, reasons, signer, certificate digest, trusted list, document (type, country, expiry, last digits), reviewer, checkedAt' },
      },
    },
    deadlines: { type: 'object', description: 'All computed deadlines (answer, extended, invalidRequestNotice, directMarketingObjection) with `rule` and `countedFrom`.' },
    deadlinesInForce: {
      type: 'array',
      items: {
        type: 'object',
        properties: { kind: { enum: ['answer', 'extended', 'invalidRequestNotice', 'directMarketingObjection'] }, dueDate: { type: ['string', 'null'] }, dueAt: { type: 'string' }, rule: { type: 'string' }, countedFrom: { type: 'string' } },
      },
    },
    waiting: {
      type: ['object', 'null'],
      properties: { step: { enum: ['identity_review', 'subject_identity', 'answer_draft', 'approval', 'subject_clarification'] }, since: { type: 'string' }, remindedAt: { type: 'string' }, decisions: { type: 'array', items: { type: 'string' } } },
    },
    nextActor: { enum: ['staff', 'approver', 'subject', 'system', 'nobody'], description: 'Where the workflow waits; without a wait, staff while fulfilment tasks are open or a step failed, else the system (intake, sending, timers).' },
    handling: { type: ['object', 'null'], description: 'The team\'s own handling: `assignee`, `pause` (the deadline still applies), `spam`, each with who and when.' },
    flags: {
      type: 'object',
      properties: { repeat: { type: 'boolean' }, repeatRule: { type: 'object' }, overdue: { type: 'boolean' }, escalated: { type: 'boolean' }, unclassified: { type: 'boolean' }, workflowFailed: { type: 'boolean' } },
    },
    daysLeft: { type: ['integer', 'null'] },
    clarification: {
      type: ['object', 'null'],
      properties: {
        questions: { type: 'array', items: { type: 'string' } },
        askedAt: { type: 'string' },
        askedBy: { type: 'object' },
        fromStep: { type: 'string' },
        restartsPeriod: { type: 'boolean' },
        rule: { type: 'string' },
        remindedAt: { type: 'string' },
        answeredAt: { type: 'string' },
        closedAt: { type: 'string' },
      },
    },
    clock: { type: ['object', 'null'], description: 'While waiting for details: `running` (the period keeps running) or `restartsOnAnswer`, with the clause.' },
    decision: { type: ['object', 'null'] },
    draft: { type: ['object', 'null'] },
    attention: { type: ['object', 'null'] },
    alertsSent: { type: 'array', items: { type: 'string' } },
    timeline: {
      type: 'array',
      items: { type: 'object', properties: { seq: { type: 'integer' }, at: { type: 'string' }, type: { type: 'string' }, actor: { type: 'object' }, visibility: { enum: ['public', 'internal'] }, summary: { type: 'string' }, details: { type: 'object' } } },
    },
  },
};

export function staffOpenApi(): { schemas: Record<string, unknown>; paths: Record<string, unknown>; securitySchemes: Record<string, unknown> } {
  const schemas: Record<string, unknown> = { StaffCase: STAFF_CASE };
  for (const [name, schema] of Object.entries(bodies)) {
    // Shared parts (Subject, RightRequest) are the partner API's registered components: point at
    // them instead of carrying copies under $defs, which a component cannot reference.
    const generated = { ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>) };
    delete generated.$schema;
    delete generated.$defs;
    schemas[name] = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as unknown;
  }
  const op = (summary: string, operationId: string, extra: Record<string, unknown>) => ({ summary, operationId, security, ...extra });
  const paths = {
    '/console/api/me': { get: op('The signed-in staff member (tenant, role)', 'staffMe', { responses: { '200': anyJson('The staff principal.'), '401': common['401'] } }) },
    '/console/api/inbox': {
      get: op('The inbox: open cases soonest due first (50 a page)', 'staffInbox', {
        parameters: [
          { name: 'status', in: 'query', required: false, schema: { enum: ['received', 'awaiting_identity', 'in_progress', 'awaiting_approval'] } },
          { name: 'channel', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'assignee', in: 'query', required: false, description: '`me`, or a staff member\'s id: "my cases".', schema: { type: 'string' } },
          { name: 'spam', in: 'query', required: false, description: '`1`: only the cases marked as spam (left out otherwise).', schema: { enum: ['1'] } },
          { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: { '200': anyJson('`{ items: [{ id, reference, channel, status, subject, rights, dueDate, dueAt, daysLeft, waitingStep, repeat, identity, nextActor, flags: { overdue, escalated, failed, paused, spam }, assignee, pause }], nextCursor }`'), ...auth, '422': problem('Bad filter or cursor.') },
      }),
    },
    '/console/api/cases': {
      get: op('Find cases by reference, e-mail or name', 'staffSearchCases', { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': anyJson('`{ items }`'), ...auth, '422': problem('`q` missing.') } }),
      post: op('Register a letter or a visit (post, in person)', 'staffRegisterRequest', {
        requestBody: { required: true, content: json('StaffRegisterRequest') },
        responses: { '201': anyJson('The new case; the acknowledgement letter is in the print queue.'), ...auth, ...bodyErrors, '404': problem('The post / in-person channel is not available in this deployment.'), '422': problem('Schema violations (see `errors`), or a receipt date outside the years the holiday calendars cover.') },
      }),
    },
    '/console/api/cases/{id}': {
      get: op('The full case for staff', 'staffGetCase', { parameters: [idParam], responses: { '200': { description: 'The case.', content: json('StaffCase') }, ...common } }),
    },
    '/console/api/cases/{id}/messages': { get: op('Every message in and out, with raw MIME', 'staffCaseMessages', { parameters: [idParam], responses: { '200': anyJson('`{ items }`'), ...common } }) },
    '/console/api/cases/{id}/decisions': {
      post: op('A staff decision where the workflow waits', 'staffDecide', {
        description:
          'Steps and their decisions: `identity_review` (approve, reject, request_more, clarify, invalid, withdraw), `subject_identity` (approve, clarify, invalid, withdraw), `answer_draft` (draft, clarify, extend, fee, refuse, withdraw), `approval` (approve, reject; approver or admin, four-eyes), `subject_clarification` (invalid, withdraw). `clarify` needs `questions`: they go to the subject in the case\'s channel and the case waits (`subject_clarification`); extend, refuse, fee, invalid and reject need `reasons`.',
        parameters: [idParam],
        requestBody: { required: true, content: json('StaffDecision') },
        responses: {
          '202': anyJson('`{ id, reference, status, outcome }`'),
          ...common,
          ...bodyErrors,
          '403': problem('Approval step without the approver role, or four-eyes.'),
          ...notWaiting('The case is not waiting at that step (or no workflows run here).'),
          '422': problem('Schema violations, not a decision for the step, reasons/questions missing, or files not uploaded.'),
        },
      }),
    },
    '/console/api/cases/{id}/handling': {
      post: op('Assign, add an internal note, pause or resume, mark or unmark spam', 'staffHandleCase', {
        description: 'The team\'s own handling; never sent to the subject and never a legal state: a paused case keeps its due date and its deadline alerts. Notes may be added to closed cases; the rest needs an open case.',
        parameters: [idParam],
        requestBody: { required: true, content: json('StaffHandling') },
        responses: { '200': anyJson('`{ id, reference, handling }`'), ...common, ...bodyErrors, '409': problem('The case is closed, or not paused / not marked as spam.'), '422': problem('Schema violations (a note or reason missing), or the id is not well formed.') },
      }),
    },
    '/console/api/cases/{id}/extension': {
      post: op('Extend the deadline (Art. 12(3)) at any open step', 'staffExtendCase', {
        description: 'Sends the subject the extension notice with the reasons and moves the due date in force to the extended one. Allowed only within the first period. At the draft step it goes through the workflow decision `extend`.',
        parameters: [idParam],
        requestBody: { required: true, content: json('StaffExtension') },
        responses: { '200': anyJson('`{ id, reference, dueDate, dueAt, extended }`'), ...common, ...bodyErrors, '409': problem('Closed, or already extended.'), '422': problem('Reasons missing, the first period has ended, or the id is not well formed.') },
      }),
    },
    '/console/api/cases/bulk': {
      post: op('One action on several cases: assign, extend with reasons, mark as spam', 'staffBulk', {
        description: 'Each case succeeds or fails on its own; `results` says which, with the error of each that failed.',
        requestBody: { required: true, content: json('StaffBulk') },
        responses: { '200': anyJson('`{ results: [{ caseId, ok, error?, code? }] }`'), ...auth, ...bodyErrors },
      }),
    },
    '/console/api/cases/{id}/replies': {
      post: op("Register the subject's answer to the details asked for (letter, visit, phone)", 'staffRegisterReply', {
        description: 'Resumes a case waiting at `subject_clarification`. Where the policy restarts the period on a revised request (001 §7.2) the answer and extension deadlines are counted from `receivedAt` and the subject is told the new date.',
        parameters: [idParam],
        requestBody: { required: true, content: json('StaffReply') },
        responses: { '202': { description: 'The case after the answer.', content: json('StaffCase') }, ...common, ...bodyErrors, ...notWaiting('The case is not waiting for details (or no workflows run here).'), '422': problem('Schema violations, or `receivedAt` before the question or in the future.') },
      }),
    },
    '/console/api/cases/{id}/answer-files': {
      post: op('Start an answer file upload (presigned PUT)', 'staffAnswerFile', {
        parameters: [idParam],
        requestBody: { required: true, content: json('StaffAnswerFile') },
        responses: { '201': anyJson('`{ id, filename, upload }`'), ...common, ...bodyErrors, '404': problem('No such case, or no answer file store in this deployment.'), '409': problem('The case is closed.') },
      }),
    },
    '/console/api/cases/{id}/rights': {
      patch: op('Correct the rights of a case (with reasons)', 'staffCorrectRights', { parameters: [idParam], requestBody: { required: true, content: json('StaffRightsCorrection') }, responses: { '200': anyJson('The case.'), ...common, ...bodyErrors, '409': problem('The case is closed, or was changed meanwhile.') } }),
    },
    '/console/api/cases/{id}/identity/id-document': {
      post: op('Review an ID document', 'staffReviewIdDocument', { parameters: [idParam], requestBody: { required: true, content: json('StaffIdDocumentReview') }, responses: { '200': anyJson('The outcome (nothing resumed).'), '202': anyJson('The outcome.'), ...common, ...bodyErrors, ...notWaiting('Not waiting for identity (or no workflows run here).'), '422': problem('Schema violations or failed checks.') } }),
    },
    '/console/api/cases/{id}/identity/representation': {
      post: op("Review a representative's authorization", 'staffReviewRepresentation', { parameters: [idParam], requestBody: { required: true, content: json('StaffRepresentationReview') }, responses: { '200': anyJson('The outcome (nothing resumed).'), '202': anyJson('The outcome.'), ...common, ...bodyErrors, ...notWaiting('Not waiting for identity (or no workflows run here).') } }),
    },
    '/console/api/print-queue': { get: op('Letters to post and documents to hand over', 'staffPrintQueue', { responses: { '200': anyJson('`{ items }`'), ...auth, '404': problem('The post / in-person channel is not available in this deployment.') } }) },
    '/console/api/print-queue/{id}/dispatch': {
      post: op('Record a dispatch or hand-over', 'staffDispatch', { parameters: [idParam], requestBody: { required: true, content: json('StaffDispatch') }, responses: { '200': anyJson('The item.'), ...common, ...bodyErrors, '404': problem('No such print item (or no post / in-person channel in this deployment).'), '409': problem('Already dispatched.') } }),
    },
    '/console/api/print-batch/letters.pdf': {
      get: op('Several queued letters as one PDF, to print at once', 'staffPrintBatchLetters', {
        parameters: [{ name: 'ids', in: 'query', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}(,[A-Za-z0-9-]{1,64}){0,49}$' }, description: 'Print item ids, comma-separated, at most 50; the pages follow this order.' }],
        responses: {
          '200': { description: 'The letters as one PDF (`Content-Disposition: inline`, `Cache-Control: no-store`).', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          ...auth,
          '404': problem('No such print item (or no post / in-person channel in this deployment).'),
          '413': problem('The letters are larger than 4 MB together; print fewer at once.'),
          '422': problem('The ids are not well formed.'),
        },
      }),
    },
    '/console/api/print-batch/dispatch': {
      post: op('Record the dispatch of several letters at once', 'staffBatchDispatch', {
        description: 'Each letter is recorded once. The same call again with the same `batchKey` answers `dispatched` with `replayed: true` and adds nothing; a letter recorded otherwise is `already_recorded`; an unknown one `failed`.',
        requestBody: { required: true, content: json('StaffBatchDispatch') },
        responses: { '200': anyJson('`{ results: [{ id, outcome, replayed?, item?, code?, error? }] }`'), ...auth, ...bodyErrors, '404': problem('No post / in-person channel in this deployment.') },
      }),
    },
    '/console/api/inbound/flagged': { get: op('Inbound mail flagged for a look', 'staffFlaggedInbound', { responses: { '200': anyJson('`{ items }`'), ...auth, '404': problem('No message store in this deployment.') } }) },
    '/console/api/inbound/unprocessed': { get: op('Inbound mail that could not be processed', 'staffUnprocessed', { responses: { '200': anyJson('`{ items }`'), ...auth, '404': problem('No inbound ledger in this deployment.') } }) },
    '/console/api/inbound/unprocessed/{id}/retry': {
      post: op('Process an unprocessed message again', 'staffRetryUnprocessed', { parameters: [{ ...idParam, description: 'The delivery id.' }], responses: { '202': anyJson('The ledger entry.'), ...auth, '404': problem('No such message for the tenant (or no inbound ledger here).'), '409': problem('It was processed meanwhile.') } }),
    },
  };
  return {
    schemas,
    paths,
    securitySchemes: { staffJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A staff token (`token_use: "staff"`, tenant and role); on AWS from Cognito.' } },
  };
}
