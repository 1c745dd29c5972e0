import * as z from 'zod/mini';
import { CHANNELS } from '#domain/channels.ts';
import { INBOUND_FLAGS, type CaseMessage, type FlaggedInbound } from '#domain/mail.ts';
import { NOTICE_KINDS } from '#domain/notices.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';

/** Stored messages and flagged inbound items are parsed on read, never cast; each schema is built on its first read (`z.lazy`: most invocations of the functions that load this module read no message). */
export const StoredMessageSchema = z.lazy(() => z.object({
  id: z.string(),
  tenantId: z.string(),
  caseId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  channel: z.enum(CHANNELS),
  at: z.string(),
  subject: z.string(),
  messageId: z.string(),
  inReplyTo: z.nullable(z.string()),
  references: z.array(z.string()),
  from: z.string(),
  to: z.array(z.string()),
  raw: z.optional(z.string()),
  rawKey: z.optional(z.string()),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number(), key: z.string(), removed: z.optional(z.object({ at: z.string(), sha256: z.string() })) })),
  notice: z.optional(z.enum(NOTICE_KINDS)),
  noticeKey: z.optional(z.string()),
  providerMessageId: z.optional(z.string()),
  classification: z.optional(
    z.object({
      rights: z.array(z.enum(RIGHT_TYPES)),
      matches: z.array(z.object({ right: z.enum(RIGHT_TYPES), phrase: z.string(), language: z.enum(['lt', 'en']) })),
      confident: z.boolean(),
      confidence: z.optional(z.partialRecord(z.enum(RIGHT_TYPES), z.number())),
      needsConfirmation: z.optional(z.boolean()),
      negated: z.optional(z.array(z.enum(RIGHT_TYPES))),
      model: z.optional(z.partialRecord(z.enum(RIGHT_TYPES), z.number())),
      modelAgrees: z.optional(z.boolean()),
    }),
  ),
  automated: z.optional(z.enum(['auto_reply', 'bounce', 'complaint'])),
}));

export const StoredFlaggedSchema = z.lazy(() => z.object({
  id: z.string(),
  tenantId: z.nullable(z.string()),
  at: z.string(),
  flag: z.enum(INBOUND_FLAGS),
  reason: z.string(),
  rawKey: z.string(),
  messageId: z.optional(z.string()),
  from: z.optional(z.string()),
  subject: z.optional(z.string()),
  caseId: z.optional(z.string()),
}));

export const ThreadIndexSchema = z.lazy(() => z.object({ caseId: z.string(), messageId: z.string() }));

// Compile-time proof that the schemas produce the domain types.
type Assignable<T, U extends T> = U;
export type MessageCheck = Assignable<CaseMessage, z.infer<typeof StoredMessageSchema>>;
export type FlaggedCheck = Assignable<FlaggedInbound, z.infer<typeof StoredFlaggedSchema>>;
