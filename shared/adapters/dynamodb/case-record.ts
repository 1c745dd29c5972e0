import * as z from 'zod/mini';
import { AnswerContentSchema } from '#domain/answer-schema.ts';
import { AUDIT_EVENT_TYPES, type AuditEvent } from '#domain/audit.ts';
import { CASE_STATUSES, type Case } from '#domain/case.ts';
import { CHANNELS, LANGUAGES } from '#domain/channels.ts';
import { IDENTITY_METHODS, IDENTITY_STATUSES } from '#domain/identity.ts';
import { StoredIdentityEvidenceSchema } from './identity-evidence-record.ts';
import { StoredFulfilmentSchema } from './fulfilment-record.ts';
import { StoredHandlingSchema } from './handling-record.ts';
import type { IdempotencyRecord } from '#ports/cases.ts';
import { RIGHT_STATUSES, RIGHT_TYPES } from '#domain/rights.ts';
import { ATTENTION_KINDS, CLARIFY_FROM_STEPS, DECISIONS, WAIT_STEPS } from '#domain/workflow.ts';
import { StoredAuthVerdictsSchema } from './auth-verdicts-record.ts';

/**
 * Schemas for what we read back from DynamoDB: stored data is parsed, never cast, so a corrupt
 * or foreign item fails loudly at the adapter instead of deep in the domain.
 */
// Each schema is built on its first parse (z.lazy): a cold start whose first request writes a
// case, the partner intake, reads none back (~5 ms of every API init, issue 15).
const actor = z.lazy(() => z.object({ kind: z.enum(['subject', 'partner', 'staff', 'system']), id: z.string() }));
const ruleDeadline = () => z.object({ dueDate: z.nullable(z.string()), dueAt: z.string(), rule: z.string() });

export const StoredCaseSchema = z.lazy(() => z.object({
  id: z.string(),
  reference: z.string(),
  tenantId: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(CASE_STATUSES),
  language: z.enum(LANGUAGES),
  receivedAt: z.string(),
  subject: z.object({ name: z.string(), email: z.optional(z.string()), phone: z.optional(z.string()), postalAddress: z.optional(z.string()) }),
  subjectKey: z.string(),
  representative: z.optional(z.object({ name: z.string(), email: z.optional(z.string()), authorizationDocument: z.optional(z.string()) })),
  rights: z.array(z.object({ type: z.enum(RIGHT_TYPES), details: z.optional(z.string()), status: z.enum(RIGHT_STATUSES) })),
  identity: z.object({
    status: z.enum(IDENTITY_STATUSES),
    method: z.nullable(z.enum(IDENTITY_METHODS)),
    acceptedMethods: z.array(z.enum(IDENTITY_METHODS)),
    rule: z.string(),
    assertionSupplied: z.boolean(),
    evidence: z.optional(z.nullable(StoredIdentityEvidenceSchema)),
  }),
  deadlines: z.object({
    receivedAt: z.string(),
    countedFrom: z.string(),
    answer: ruleDeadline(),
    extended: ruleDeadline(),
    invalidRequestNotice: z.nullable(ruleDeadline()),
    directMarketingObjection: z.nullable(ruleDeadline()),
  }),
  dueDate: z.string(),
  dueAt: z.string(),
  extended: z.boolean(),
  repeat: z.nullable(z.object({ rule: z.string(), reason: z.string(), previousCaseIds: z.array(z.string()) })),
  acknowledgement: z.object({
    status: z.enum(['pending', 'sent', 'failed', 'in_response']),
    messageId: z.optional(z.string()),
    at: z.optional(z.string()),
    confirmationLinkExpiresAt: z.optional(z.string()),
    identityRequested: z.optional(z.boolean()),
  }),
  partnerId: z.optional(z.string()),
  callbackUrl: z.optional(z.string()),
  createdBy: actor,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
  lastEventSeq: z.int(),
  waiting: z.optional(z.nullable(z.object({ step: z.enum(WAIT_STEPS), taskToken: z.string(), since: z.string(), remindedAt: z.optional(z.string()) }))),
  decision: z.optional(z.nullable(z.object({ step: z.enum(WAIT_STEPS), decision: z.enum(DECISIONS), reasons: z.optional(z.array(z.string())), by: actor, at: z.string() }))),
  draft: z.optional(
    z.nullable(
      z.object({
        body: z.string(),
        answer: z.optional(AnswerContentSchema),
        files: z.optional(z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), key: z.string() }))),
        draftedBy: z.string(),
        draftedAt: z.string(),
        approvedBy: z.optional(z.string()),
        approvedAt: z.optional(z.string()),
      }),
    ),
  ),
  attention: z.optional(z.nullable(z.object({ kind: z.enum(ATTENTION_KINDS), reason: z.string(), since: z.string() }))),
  timer: z.optional(z.object({ fired: z.array(z.string()) })),
  rightsConfirmation: z.optional(
    z.nullable(
      z.object({
        status: z.enum(['needed', 'confirmed']),
        since: z.string(),
        confidence: z.partialRecord(z.enum(RIGHT_TYPES), z.number()),
        confirmedBy: z.optional(z.string()),
        confirmedAt: z.optional(z.string()),
      }),
    ),
  ),
  sender: z.optional(
    z.object({
      from: z.string(),
      verdicts: z.nullable(StoredAuthVerdictsSchema),
      authenticated: z.boolean(),
      reason: z.string(),
      claimedReplyTo: z.optional(z.string()),
      cannotAnswerByEmail: z.optional(z.string()),
    }),
  ),
  clarification: z.optional(
    z.nullable(
      z.object({
        questions: z.array(z.string()),
        askedBy: actor,
        askedAt: z.string(),
        fromStep: z.enum(CLARIFY_FROM_STEPS),
        restartsPeriod: z.boolean(),
        rule: z.string(),
        remindedAt: z.optional(z.string()),
        answeredAt: z.optional(z.string()),
        closedAt: z.optional(z.string()),
      }),
    ),
  ),
  revisedRequestAt: z.optional(z.string()),
  fulfilment: z.optional(z.nullable(StoredFulfilmentSchema)),
  handling: z.optional(z.nullable(StoredHandlingSchema)),
}));

export const StoredEventSchema = z.lazy(() => z.object({
  caseId: z.string(),
  tenantId: z.string(),
  at: z.string(),
  seq: z.int(),
  type: z.union([z.enum(AUDIT_EVENT_TYPES), z.templateLiteral([z.string(), '.', z.string()])]),
  actor,
  visibility: z.enum(['public', 'internal']),
  summary: z.string(),
  details: z.optional(z.record(z.string(), z.unknown())),
}));

export const StoredIdempotencySchema = z.lazy(() => z.object({
  tenantId: z.string(),
  scope: z.string(),
  key: z.string(),
  fingerprint: z.string(),
  caseId: z.string(),
  createdAt: z.string(),
  expiresAt: z.number(),
}));

// Compile-time proof that the schemas produce the domain types.
type Assignable<T, U extends T> = U;
export type CaseCheck = Assignable<Case, z.infer<typeof StoredCaseSchema>>;
export type EventCheck = Assignable<AuditEvent, z.infer<typeof StoredEventSchema>>;
export type IdempotencyCheck = Assignable<IdempotencyRecord, z.infer<typeof StoredIdempotencySchema>>;
