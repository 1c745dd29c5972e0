import * as z from 'zod/mini';
import { CHANNELS } from '#domain/channels.ts';
import { OUTCOMES } from '#domain/outcome.ts';
import type { Tombstone } from '#domain/retention.ts';
import { RIGHT_STATUSES, RIGHT_TYPES } from '#domain/rights.ts';

/** A stored tombstone, parsed on read (and nothing else kept: unknown fields are dropped). */
const tombstoneSchema = () => z.object({
  tenantId: z.string(),
  caseId: z.string(),
  reference: z.string(),
  channel: z.enum(CHANNELS),
  receivedAt: z.string(),
  dueAt: z.string(),
  extended: z.boolean(),
  answeredAt: z.nullable(z.string()),
  closedAt: z.string(),
  outcome: z.enum(OUTCOMES),
  rights: z.array(z.object({ type: z.enum(RIGHT_TYPES), status: z.enum(RIGHT_STATUSES) })),
  identityMethod: z.nullable(z.string()),
  retention: z.object({ endsAt: z.string(), source: z.nullable(z.string()) }),
  purgedAt: z.string(),
});
let schema: ReturnType<typeof tombstoneSchema> | undefined;
/** Built on first use: bundles that import this module without reading tombstones (the console) carry no schema code. */
export const storedTombstoneSchema = () => (schema ??= tombstoneSchema());

type Assignable<T, U extends T> = U;
export type TombstoneCheck = Assignable<Tombstone, z.infer<ReturnType<typeof tombstoneSchema>>>;

export const tombstoneKey = (tenantId: string, caseId: string) => ({ PK: `TENANT#${tenantId}#TOMBSTONE#${caseId}`, SK: 'TOMBSTONE' });
