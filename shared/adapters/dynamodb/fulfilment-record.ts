import * as z from 'zod/mini';
import { IDENTIFIER_KINDS } from '#domain/fulfilment/kinds.ts';
import { TASK_OUTCOMES, TASK_STATUSES } from '#domain/fulfilment/tasks.ts';
import { IDENTITY_METHODS } from '#domain/identity.ts';
import { RIGHT_TYPES } from '#domain/rights.ts';

/** The case's `fulfilment` as read back from DynamoDB (parsed, never cast). */
// Parts built with the schemas that use them, on first use (z.lazy), not at every init (issue 15).
const actor = () => z.object({ kind: z.enum(['subject', 'partner', 'staff', 'system']), id: z.string() });
const who = () => z.object({ by: z.string(), at: z.string(), reason: z.string() });

export const StoredTaskSchema = z.lazy(() => z.object({
  id: z.string(),
  right: z.enum(RIGHT_TYPES),
  target: z.object({ kind: z.enum(['system', 'recipient']), id: z.string() }),
  name: z.string(),
  connector: z.enum(['manual', 'http', 'postgres', 'notice']),
  owner: z.string(),
  ownerEmail: z.string(),
  dueAt: z.string(),
  remindAt: z.optional(z.string()),
  status: z.enum(TASK_STATUSES),
  result: z.optional(
    z.nullable(
      z.object({
        outcome: z.enum(TASK_OUTCOMES),
        summary: z.string(),
        reason: z.optional(z.string()),
        legalBasis: z.optional(z.string()),
        counts: z.optional(z.record(z.string(), z.number())),
        dataKey: z.optional(z.string()),
        by: actor(),
        at: z.string(),
      }),
    ),
  ),
  dryRun: z.optional(z.nullable(z.object({ at: z.string(), by: z.string(), counts: z.record(z.string(), z.number()) }))),
  notice: z.optional(z.nullable(z.object({ sentAt: z.string(), messageId: z.string(), replyDueAt: z.string(), repliedAt: z.optional(z.string()), reply: z.optional(z.string()) }))),
  pendingSince: z.optional(z.nullable(z.string())),
  skipped: z.optional(z.nullable(who())),
  added: z.optional(z.nullable(who())),
}));

// Built on first use (z.lazy): only an item that carries fulfilment tasks parses it, so most cold starts never build it.
export const StoredFulfilmentSchema = z.lazy(() => z.object({
  identifiers: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string(), method: z.enum(IDENTITY_METHODS), provedAt: z.string() })),
  plannedAt: z.string(),
  tasks: z.array(StoredTaskSchema),
}));
