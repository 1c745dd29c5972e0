import * as z from 'zod/mini';
import { RIGHT_TYPES } from '../rights.ts';
import { IDENTIFIER_KINDS } from './kinds.ts';

/**
 * A controller's register of data systems and of recipients (docs/fulfilment.md): what it holds
 * where, who owns each place, which rights each serves and how rightsdesk reaches it (a
 * connector), and to whom the data goes (Art. 19). Written from each policy, every entry citing
 * its clause (`source`, "002 §8.1"); entries the policy does not name are marked `example: true`
 * for the controller to replace. Lambda bundles hold the registers validated when they were built
 * (shared/tenants/fulfilment/registers.ts), so only the build, the local stack and the tests run these schemas.
 */

// Every schema here is built on first use (`z.lazy`, memoised by zod): only the validation of the
// seed registers (when a bundle is built, or when the local stack or a test loads them) builds
// them; building these ~70 schemas was 5–10 ms of a cold start when it happened at init.
let parts: ReturnType<typeof buildParts> | undefined;
const part = () => (parts ??= buildParts());
function buildParts() {
  return {
    source: z.string().check(z.regex(/^00[0-4] §\d+(\.\d+)*/)),
    nonEmpty: z.string().check(z.minLength(1)),
    /** SQL names are quoted, but only plain lower-case names are accepted, so nothing odd can be quoted. */
    sqlName: z.string().check(z.regex(/^[a-z_][a-z0-9_]{0,62}$/)),
    rights: z.array(z.enum(RIGHT_TYPES)).check(z.minLength(1)),
  };
}

export const OwnerSchema = z.lazy(() =>
  z.object({
    /** The staff member's user id (the console's sign-in), who sees the task in the console. */
    staffId: part().nonEmpty,
    /** Where the task, its reminders and the daily digest go. */
    email: z.email(),
  }),
);

/**
 * How the subject's rows are found: the subject table's key column, looked up by the verified
 * identifiers (any one that the case has). Every statement then binds only those keys.
 */
export const PgSubjectSchema = z.lazy(() => {
  const { sqlName } = part();
  return z.object({
    table: sqlName,
    key: sqlName,
    match: z.array(z.object({ column: sqlName, identifier: z.enum(IDENTIFIER_KINDS), caseInsensitive: z.optional(z.boolean()) })).check(z.minLength(1)),
  });
});

/** A named SELECT: the allow-listed columns of one table, rows whose `key` is the subject's. */
export const PgReadSchema = z.lazy(() => {
  const { sqlName, nonEmpty } = part();
  return z.object({
    name: sqlName,
    table: sqlName,
    key: sqlName,
    columns: z.array(sqlName).check(z.minLength(1)),
    /** The category the subject reads in the answer ("Orders"). */
    category: nonEmpty,
  });
});

/**
 * A named erasure: DELETE the subject's rows, or UPDATE them setting only allow-listed columns
 * to null or a mask (where deleting would break bookkeeping; `kept` says why and on what basis).
 */
export const PgEraseSchema = z.lazy(() => {
  const { sqlName, nonEmpty } = part();
  return z.object({
    name: sqlName,
    table: sqlName,
    key: sqlName,
    action: z.enum(['delete', 'mask']),
    /** mask: column → null or the masking text; every column must be in `columns`. */
    set: z.optional(z.record(sqlName, z.nullable(z.string().check(z.maxLength(100))))),
    /** The allow-list of columns this statement may change. */
    columns: z.optional(z.array(sqlName)),
    /** mask: what stays and why (the answer's "kept" list, Art. 17(3)). */
    kept: z.optional(z.object({ data: nonEmpty, reason: nonEmpty, legalBasis: nonEmpty })),
    category: nonEmpty,
  });
});

export const ConnectorSchema = z.lazy(() => {
  const { sqlName, nonEmpty } = part();
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('manual'), instructions: nonEmpty }),
    z.object({
      kind: z.literal('http'),
      /** The controller's own service; rightsdesk POSTs a JWS signed with the webhook key. */
      url: z.url(),
      /** Seconds to wait for a callback before the task is overdue (never lost). */
      callbackTimeoutSeconds: z.int().check(z.positive()),
    }),
    z.object({
      kind: z.literal('postgres'),
      /** Name of the connection; its URL comes from configuration (FULFILMENT_DATABASES), never from here. */
      database: sqlName,
      subject: PgSubjectSchema,
      reads: z.array(PgReadSchema).check(z.minLength(1)),
      erasures: z.array(PgEraseSchema),
    }),
  ]);
});
export type Connector = z.infer<typeof ConnectorSchema>;
export type PgConnector = Extract<Connector, { kind: 'postgres' }>;
export type PgRead = z.infer<typeof PgReadSchema>;
export type PgErase = z.infer<typeof PgEraseSchema>;

export const DataSystemSchema = z.lazy(() => {
  const { sqlName, nonEmpty, rights, source } = part();
  return z.object({
    id: sqlName,
    name: nonEmpty,
    owner: OwnerSchema,
    categories: z.array(nonEmpty).check(z.minLength(1)),
    rights,
    /** Identifiers this system can be searched by (only verified ones are ever used). */
    searchableBy: z.array(z.enum(IDENTIFIER_KINDS)).check(z.minLength(1)),
    retention: nonEmpty,
    connector: ConnectorSchema,
    source,
    /** The policy names no such system: a plausible one for the controller to replace. */
    example: z.boolean(),
  });
});
export type DataSystem = z.infer<typeof DataSystemSchema>;

export const RecipientSchema = z.lazy(() => {
  const { sqlName, nonEmpty, source } = part();
  return z.object({
    id: sqlName,
    name: nonEmpty,
    /** courier, accountant, IT provider, marketing provider, creditor, … */
    kind: nonEmpty,
    role: z.enum(['processor', 'controller']),
    owner: OwnerSchema,
    categories: z.array(nonEmpty).check(z.minLength(1)),
    contact: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('email'), email: z.email() }),
      z.object({ kind: z.literal('api'), url: z.url() }),
    ]),
    /** Days the recipient has to confirm an Art. 19 notice. */
    replyDays: z.int().check(z.positive(), z.maximum(60)),
    source,
    example: z.boolean(),
  });
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const FulfilmentRegisterSchema = z.lazy(() =>
  z
    .object({
      tenantId: part().nonEmpty,
      /** Internal due date of a task: this many days before the legal deadline (default 7). */
      taskDueDaysBefore: z.int().check(z.minimum(0), z.maximum(30)),
      /** Reminder to the task owner this many days before the task's own due date. */
      taskReminderDaysBefore: z.int().check(z.minimum(0), z.maximum(30)),
      systems: z.array(DataSystemSchema).check(z.minLength(1)),
      recipients: z.array(RecipientSchema),
    })
    .check(
      z.refine((r) => r.systems.every((s) => s.connector.kind !== 'postgres' || s.connector.erasures.every((e) => maskWithinAllowList(e))), 'every masked column must be in its statement’s allow-list'),
      z.refine((r) => new Set([...r.systems.map((s) => s.id), ...r.recipients.map((x) => x.id)]).size === r.systems.length + r.recipients.length, 'system and recipient ids must be unique'),
    ),
);
export type FulfilmentRegister = z.infer<typeof FulfilmentRegisterSchema>;

function maskWithinAllowList(e: PgErase): boolean {
  if (e.action === 'delete') return e.set === undefined;
  const allowed = new Set(e.columns ?? []);
  const set = Object.keys(e.set ?? {});
  return set.length > 0 && set.every((c) => allowed.has(c)) && e.kept !== undefined;
}
