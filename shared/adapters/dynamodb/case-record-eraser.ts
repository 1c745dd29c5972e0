import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import type { Tombstone } from '#domain/retention.ts';
import type { CaseFootprint, CaseRecordEraser } from '#ports/accountability.ts';
import { caseKey, receiptIndexAttributes, referenceKey } from './keys.ts';
import { flaggedPartition, threadKey } from './message-store.ts';
import { printKey } from './print-queue.ts';
import { storedTombstoneSchema, tombstoneKey } from './tombstone-record.ts';
import { deliveryKey } from './webhook-outbox.ts';

type Key = { PK: string; SK: string };
const BATCH = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The purge's table side: deletes a case's items (its partition: events, messages, notice
 * outbox; and outside it: the reference, the thread index, webhook deliveries, print items) and
 * leaves the tombstone, which carries the receipt-index keys so the register still lists it.
 */
export class DynamoCaseRecordEraser implements CaseRecordEraser {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async putTombstone(tombstone: Tombstone): Promise<void> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: this.item(tombstone), ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (error) {
      // A purge that started before: its tombstone stays (it holds the facts of the trail).
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }

  async getTombstone(tenantId: string, caseId: string): Promise<Tombstone | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: tombstoneKey(tenantId, caseId), ConsistentRead: true }));
    return Item ? storedTombstoneSchema().parse(Item.data) : null;
  }

  async eraseAround(f: CaseFootprint): Promise<void> {
    const outside: Key[] = [
      referenceKey(f.tenantId, f.reference),
      ...[...new Set(f.threadIds)].map((id) => threadKey(f.tenantId, id)),
      ...f.eventSeqs.map((seq) => deliveryKey({ tenantId: f.tenantId, id: `${f.caseId}.${seq}` })),
      ...f.printIds.map((id) => printKey(f.tenantId, id)),
    ];
    // The inbound ledger's entry of each received e-mail (keyed by delivery, not by case), and
    // flagged-mail items of the same delivery.
    for (const d of f.inboundDeliveries ?? []) {
      outside.push({ PK: `INBOUND#${d.id}`, SK: 'INBOUND' });
      const flagged = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': flaggedPartition(f.tenantId), ':sk': `${d.at}#${d.id}#` },
          ProjectionExpression: 'PK, SK',
        }),
      );
      for (const item of flagged.Items ?? []) outside.push({ PK: String(item.PK), SK: String(item.SK) });
    }
    await this.deleteAll(outside);
    const partition: Key[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': caseKey(f.tenantId, f.caseId).PK },
          ProjectionExpression: 'PK, SK',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) if (item.SK !== 'CASE') partition.push({ PK: String(item.PK), SK: String(item.SK) });
      start = page.LastEvaluatedKey;
    } while (start);
    await this.deleteAll(partition);
  }

  async replaceWithTombstone(tombstone: Tombstone, expectedVersion: number): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: caseKey(tombstone.tenantId, tombstone.caseId),
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            { Put: { TableName: this.tableName, Item: this.item(tombstone) } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new ConcurrentUpdateError(`Case ${tombstone.caseId} was written during its purge (a legal hold?); it is kept.`, { cause: error });
      }
      throw error;
    }
  }

  private item(t: Tombstone): Record<string, unknown> {
    return { ...tombstoneKey(t.tenantId, t.caseId), ...receiptIndexAttributes(t.tenantId, t.caseId, t.receivedAt), type: 'tombstone', data: t };
  }

  /** BatchWriteItem deletes, 25 at a time; unprocessed ones are sent again (deleting a missing item succeeds). */
  private async deleteAll(keys: readonly Key[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH) {
      let requests = keys.slice(i, i + BATCH).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB left deletes unprocessed after 8 retries.');
        if (attempt > 0) await sleep(Math.min(1000, 50 * 2 ** attempt));
        const result = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }
}
