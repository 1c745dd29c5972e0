import { StoredAuthVerdictsSchema } from './auth-verdicts-record.ts';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import { INBOUND_ENTRY_STATUSES, INBOUND_OUTCOMES, type InboundEntry, type InboundLedger, type InboundOutcome, type NewInboundEntry } from '#domain/inbound-ledger.ts';
import { countQuery } from './count-query.ts';
import { dueItems } from './due-query.ts';
import { TABLE_INDEXES } from './table.ts';

/**
 * The inbound ledger in the single table:
 * - an entry: PK `INBOUND#<deliveryId>`, SK `INBOUND` (the tenant is not known before parsing);
 * - pending entries are also in GSI1 under `INBOUND#PENDING` / `<nextAttemptAt>#<deliveryId>`:
 *   the sweeper's one Query for "what is due";
 * - failed entries under `INBOUND#FAILED#<tenant>` (`…#UNROUTED`) / `<settledAt>#<deliveryId>`:
 *   the console's "could not be processed" list. Done entries leave the index.
 */
const PENDING = 'INBOUND#PENDING';
const failedPartition = (tenantId: string | null) => `INBOUND#FAILED#${tenantId ?? 'UNROUTED'}`;
const entryKey = (deliveryId: string) => ({ PK: `INBOUND#${deliveryId}`, SK: 'INBOUND' });

// Built on its first read (z.lazy): not every invocation of the functions that load this module reads one.
const StoredEntrySchema = z.lazy(() => z.object({
  deliveryId: z.string(),
  rawKey: z.string(),
  receivedAt: z.string(),
  recipients: z.array(z.string()),
  tenantId: z.nullable(z.string()),
  authentication: z.optional(StoredAuthVerdictsSchema),
  status: z.enum(INBOUND_ENTRY_STATUSES),
  attempts: z.int(),
  nextAttemptAt: z.string(),
  lastError: z.optional(z.string()),
  outcome: z.optional(z.enum(INBOUND_OUTCOMES)),
  caseId: z.optional(z.string()),
  settledAt: z.optional(z.string()),
}));
type Assignable<T, U extends T> = U;
export type InboundEntryCheck = Assignable<InboundEntry, z.infer<typeof StoredEntrySchema>>;

// zod drops the key attributes (an object schema strips unknown keys).
const parse = (item: Record<string, unknown>): InboundEntry => StoredEntrySchema.parse(item);
const conditionFailed = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';
/** Errors are client-visible text of any length; keep the item small. */
const shortError = (error: string) => error.slice(0, 1000);

export class DynamoInboundLedger implements InboundLedger {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async record(entry: NewInboundEntry): Promise<InboundEntry> {
    const item: InboundEntry = { ...entry, status: 'pending', attempts: 0 };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...entryKey(entry.deliveryId), type: 'inbound', GSI1PK: PENDING, GSI1SK: `${entry.nextAttemptAt}#${entry.deliveryId}`, ...item },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return item;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      return (await this.get(entry.deliveryId)) ?? item;
    }
  }

  async get(deliveryId: string): Promise<InboundEntry | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: entryKey(deliveryId), ConsistentRead: true }));
    return Item ? parse(Item) : null;
  }

  async claim(deliveryId: string, now: Date, next: Date): Promise<InboundEntry | null> {
    try {
      const { Attributes } = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(deliveryId),
          UpdateExpression: 'SET nextAttemptAt = :next, GSI1SK = :sk ADD attempts :one',
          ConditionExpression: '#status = :pending AND nextAttemptAt <= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':next': next.toISOString(), ':sk': `${next.toISOString()}#${deliveryId}`, ':one': 1, ':pending': 'pending', ':now': now.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? parse(Attributes) : null;
    } catch (error) {
      if (conditionFailed(error)) return null;
      throw error;
    }
  }

  async complete(deliveryId: string, outcome: InboundOutcome, caseId: string | null, at: Date): Promise<void> {
    try {
      await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: entryKey(deliveryId),
        UpdateExpression: `SET #status = :done, outcome = :outcome, settledAt = :at${caseId ? ', caseId = :case' : ''} REMOVE GSI1PK, GSI1SK, lastError`,
        // The first outcome stands (a redelivery of a settled message would say "duplicate").
        ConditionExpression: 'attribute_exists(PK) AND #status <> :done',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':outcome': outcome, ':at': at.toISOString(), ...(caseId ? { ':case': caseId } : {}) },
      }),
    );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }

  async fail(deliveryId: string, error: string, at: Date, giveUp: boolean): Promise<void> {
    const entry = await this.get(deliveryId);
    if (!entry || entry.status !== 'pending') return;
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(deliveryId),
          UpdateExpression: giveUp ? 'SET lastError = :error, #status = :failed, settledAt = :at, GSI1PK = :pk, GSI1SK = :sk' : 'SET lastError = :error',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':error': shortError(error),
            ':pending': 'pending',
            ...(giveUp ? { ':failed': 'failed', ':at': at.toISOString(), ':pk': failedPartition(entry.tenantId), ':sk': `${at.toISOString()}#${deliveryId}` } : {}),
          },
        }),
      );
    } catch (e) {
      // Another run gave it an outcome meanwhile: that outcome stands.
      if (!conditionFailed(e)) throw e;
    }
  }

  async retry(deliveryId: string, now: Date): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(deliveryId),
          UpdateExpression: 'SET #status = :pending, attempts = :zero, nextAttemptAt = :now, GSI1PK = :pk, GSI1SK = :sk REMOVE settledAt',
          ConditionExpression: '#status = :failed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':zero': 0, ':now': now.toISOString(), ':pk': PENDING, ':sk': `${now.toISOString()}#${deliveryId}`, ':failed': 'failed' },
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async listDue(now: Date, limit: number): Promise<readonly InboundEntry[]> {
    return (await dueItems(this.doc, this.tableName, PENDING, now, limit)).map(parse);
  }

  async listFailed(tenantId: string | null, limit: number): Promise<readonly InboundEntry[]> {
    const page = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: TABLE_INDEXES.byStatusDue.name,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': failedPartition(tenantId) },
        ScanIndexForward: false,
        Limit: Math.min(Math.max(1, limit), 100),
      }),
    );
    return (page.Items ?? []).map(parse);
  }

  async countPending(): Promise<number> {
    const { count } = await countQuery(this.doc, {
      TableName: this.tableName,
      IndexName: TABLE_INDEXES.byStatusDue.name,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': PENDING },
    });
    return count;
  }
}
