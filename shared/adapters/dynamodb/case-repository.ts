import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import type { AuditEvent } from '#domain/audit.ts';
import type { Case, CaseStatus } from '#domain/case.ts';
import { ConcurrentUpdateError, ValidationError } from '#domain/errors.ts';
import type { CaseEffects, CaseRepository, CreateCaseOutcome, IdempotencyRecord, ListOptions, Page } from '#ports/cases.ts';
import type { EarlierRequest } from '#domain/repeats.ts';
import { queryCasePartition } from './case-partition.ts';
import { countQuery } from './count-query.ts';
import { StoredCaseSchema, StoredEventSchema, StoredIdempotencySchema } from './case-record.ts';
import {
  caseIndexAttributes,
  caseKey,
  counterKey,
  EVENT_PREFIX,
  eventKey,
  idempotencyKey,
  queuePartition,
  referenceKey,
  statusPartition,
  subjectPartition,
} from './keys.ts';
import { outboxItem } from './notice-outbox-item.ts';
import { TABLE_INDEXES } from './table.ts';
import { deliveryItem } from './webhook-outbox.ts';

/** DynamoDB retries conflicting transactions itself only a few times; we add a short, capped loop. */
const TRANSACTION_ATTEMPTS = 5;
const MAX_PAGE = 100;
/** Reference numbers an intake channel's container reserves at a time (issue 15: no hot counter item per request). */
export const REFERENCE_BLOCK = 20;

const CursorSchema = z.record(z.string(), z.string());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isConflictOnly(error: TransactionCanceledException): boolean {
  return (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
    !(error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
}

/**
 * The CaseRepository on a single DynamoDB table (key design: README "Data model").
 * Writes are conditional (attribute_not_exists on create, the expected `version` on update), so
 * concurrent writers can't silently overwrite each other; no request path scans.
 */
export class DynamoCaseRepository implements CaseRepository {
  /** Outbox entries (notices, webhooks) go into the case's own transaction. */
  readonly writesEffects = true;
  private readonly doc: DynamoDBDocumentClient;
  private readonly referenceBlock: number;
  /** Reference numbers reserved by this instance and not yet handed out, per tenant and year. */
  private readonly referenceBlocks = new Map<string, { next: number; last: number }>();
  private readonly reserving = new Map<string, Promise<void>>();

  /**
   * `referenceBlock`: how many reference numbers one counter update reserves (default 1). The
   * intake channels reserve blocks, so the per-tenant counter item is touched once per block
   * instead of on every request (no hot item on the request path); numbers a container never
   * hands out are skipped, which references may do already (never repeat).
   */
  constructor(client: DynamoDBClient, private readonly tableName: string, options: { readonly referenceBlock?: number } = {}) {
    this.doc = documentClient(client);
    this.referenceBlock = Math.max(1, Math.floor(options.referenceBlock ?? 1));
  }

  async createCase(c: Case, events: readonly AuditEvent[], idempotency?: IdempotencyRecord, effects?: CaseEffects): Promise<CreateCaseOutcome> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
    if (idempotency) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...idempotencyKey(idempotency.tenantId, idempotency.scope, idempotency.key), ...idempotency, type: 'idempotency' },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    items.push({
      Put: { TableName: this.tableName, Item: this.caseItem(c), ConditionExpression: 'attribute_not_exists(PK)' },
    });
    for (const e of events) items.push({ Put: { TableName: this.tableName, Item: this.eventItem(e), ConditionExpression: 'attribute_not_exists(PK)' } });
    items.push({
      Put: { TableName: this.tableName, Item: { ...referenceKey(c.tenantId, c.reference), type: 'reference', caseId: c.id }, ConditionExpression: 'attribute_not_exists(PK)' },
    });
    items.push(...this.effectItems(c, effects));

    try {
      await this.transact(items);
      return { kind: 'created' };
    } catch (error) {
      if (idempotency && error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        const record = await this.findIdempotency(idempotency.tenantId, idempotency.scope, idempotency.key);
        if (record) return { kind: 'idempotency_conflict', record };
      }
      throw error;
    }
  }

  async getCase(tenantId: string, caseId: string): Promise<Case | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: caseKey(tenantId, caseId), ConsistentRead: true }));
    return Item ? StoredCaseSchema.parse(Item.data) : null;
  }

  async saveCase(updated: Case, events: readonly AuditEvent[], effects?: CaseEffects): Promise<void> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: this.caseItem(updated),
          ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': updated.version - 1 },
        },
      },
      ...events.map((e) => ({ Put: { TableName: this.tableName, Item: this.eventItem(e), ConditionExpression: 'attribute_not_exists(PK)' } })),
      ...this.effectItems(updated, effects),
    ];
    try {
      await this.transact(items);
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
        throw new ConcurrentUpdateError(`Case ${updated.id} was changed concurrently (expected version ${updated.version - 1}).`, { cause: error });
      }
      throw error;
    }
  }

  listEvents(tenantId: string, caseId: string): Promise<readonly AuditEvent[]> {
    return queryCasePartition(this.doc, this.tableName, tenantId, caseId, EVENT_PREFIX, StoredEventSchema);
  }

  async findIdempotency(tenantId: string, scope: string, key: string): Promise<IdempotencyRecord | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(tenantId, scope, key), ConsistentRead: true }));
    if (!Item) return null;
    const record = StoredIdempotencySchema.parse(Item);
    // DynamoDB TTL deletes lazily (and DynamoDB Local never does): an expired record is gone.
    return record.expiresAt * 1000 > Date.now() ? record : null;
  }

  async findBySubject(tenantId: string, subjectKey: string, limit: number): Promise<readonly EarlierRequest[]> {
    const index = TABLE_INDEXES.bySubject;
    const page = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': subjectPartition(tenantId, subjectKey) },
        ScanIndexForward: false,
        Limit: Math.min(limit, MAX_PAGE),
      }),
    );
    return (page.Items ?? []).map((item) => {
      const c = StoredCaseSchema.parse(item.data);
      return { id: c.id, receivedAt: c.receivedAt, status: c.status, rights: c.rights.map((r) => r.type) };
    });
  }

  listByStatus(tenantId: string, status: CaseStatus, options: ListOptions): Promise<Page<Case>> {
    return this.pageByDue(TABLE_INDEXES.byStatusDue, statusPartition(tenantId, status), options);
  }

  listOpen(tenantId: string, options: ListOptions): Promise<Page<Case>> {
    return this.pageByDue(TABLE_INDEXES.byQueueDue, queuePartition(tenantId, true), options);
  }

  /** A COUNT query on the open queue (GSI2, sorted by `<dueAt>#<id>`): no items are read out. */
  async countOpenDueBefore(tenantId: string, instant: string): Promise<number> {
    const index = TABLE_INDEXES.byQueueDue;
    const { count } = await countQuery(this.doc, {
      TableName: this.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk AND #sk < :due',
      ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
      ExpressionAttributeValues: { ':pk': queuePartition(tenantId, true), ':due': instant },
    });
    return count;
  }

  async findCaseIdByReference(tenantId: string, reference: string): Promise<string | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: referenceKey(tenantId, reference), ConsistentRead: true }));
    return Item ? z.object({ caseId: z.string() }).parse(Item).caseId : null;
  }

  async nextReferenceNumber(tenantId: string, year: number): Promise<number> {
    const key = `${tenantId}#${year}`;
    for (;;) {
      const block = this.referenceBlocks.get(key);
      if (block && block.next <= block.last) return block.next++;
      // One reservation at a time per counter; concurrent callers share it, then take numbers in turn.
      let reservation = this.reserving.get(key);
      if (!reservation) {
        reservation = this.reserveReferences(tenantId, year)
          .then((last) => void this.referenceBlocks.set(key, { next: last - this.referenceBlock + 1, last }))
          .finally(() => this.reserving.delete(key));
        this.reserving.set(key, reservation);
      }
      await reservation;
    }
  }

  /** Adds a block to the counter and answers its last number (the block is the `referenceBlock` numbers up to it). */
  private async reserveReferences(tenantId: string, year: number): Promise<number> {
    const step = this.referenceBlock === 1 ? ':one' : ':block';
    const { Attributes } = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: counterKey(tenantId, `REFERENCE#${year}`),
        UpdateExpression: `ADD #value ${step}`,
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { [step]: this.referenceBlock },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return z.object({ value: z.int() }).parse(Attributes).value;
  }

  private async pageByDue(index: { name: string; partitionKey: string; sortKey: string }, partition: string, options: ListOptions): Promise<Page<Case>> {
    const start = options.cursor ? decodeCursor(options.cursor, index.partitionKey, partition) : undefined;
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: index.name,
      KeyConditionExpression: options.dueBefore ? '#pk = :pk AND #sk <= :due' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey, ...(options.dueBefore ? { '#sk': index.sortKey } : {}) },
      // '~' sorts after every id character, so "<= dueBefore~" includes every case due at that instant.
      ExpressionAttributeValues: { ':pk': partition, ...(options.dueBefore ? { ':due': `${options.dueBefore}~` } : {}) },
      Limit: Math.min(Math.max(1, options.limit), MAX_PAGE),
      ExclusiveStartKey: start,
    };
    const page = await this.doc.send(new QueryCommand(input));
    return {
      items: (page.Items ?? []).map((item) => StoredCaseSchema.parse(item.data)),
      nextCursor: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : null,
    };
  }

  private caseItem(c: Case): Record<string, unknown> {
    return { ...caseKey(c.tenantId, c.id), ...caseIndexAttributes(c), type: 'case', version: c.version, data: c };
  }

  /**
   * Outbox items owed by this write. Unconditional: their keys derive from the case (one notice
   * of a kind per case; a webhook per new event), and the case's own condition guards the write.
   */
  private effectItems(c: Case, effects: CaseEffects | undefined): NonNullable<TransactWriteCommandInput['TransactItems']> {
    const now = new Date(c.updatedAt);
    return [
      ...(effects?.notices ?? []).map((kind) => ({ Put: { TableName: this.tableName, Item: outboxItem(c.tenantId, c.id, kind, effects?.noticesDueAt ?? now) } })),
      ...(effects?.webhooks ?? []).map((d) => ({ Put: { TableName: this.tableName, Item: deliveryItem(d) } })),
    ];
  }

  private eventItem(e: AuditEvent): Record<string, unknown> {
    return { ...eventKey(e.tenantId, e.caseId, e.seq), type: 'event', data: e };
  }

  private async transact(items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        const retryable = error instanceof TransactionCanceledException && isConflictOnly(error);
        if (!retryable || attempt >= TRANSACTION_ATTEMPTS) throw error;
        await sleep(Math.min(200, 10 * 2 ** attempt) * Math.random());
      }
    }
  }
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor is client input: decode defensively, and only accept one for the same partition. */
function decodeCursor(cursor: string, partitionAttribute: string, partition: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = CursorSchema.safeParse(parsed);
  if (!result.success || result.data[partitionAttribute] !== partition) {
    throw new ValidationError('The page cursor is not valid for this list.', [{ field: 'cursor', message: 'invalid' }]);
  }
  return result.data;
}
