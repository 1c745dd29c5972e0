import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import type { CaseStatus } from '#domain/case.ts';
import { queuePartition, statusPartition } from '#adapters/dynamodb/keys.ts';
import { countQuery } from '#adapters/dynamodb/count-query.ts';
import { TABLE_INDEXES } from '#adapters/dynamodb/table.ts';
import type { CappedCount, ConsoleReadModel, DueRow } from '#ports/console.ts';

const DueItemSchema = z.object({
  data: z.object({ dueAt: z.string(), receivedAt: z.string(), draft: z.optional(z.object({ approvedAt: z.optional(z.string()) })) }),
});

/**
 * The console's aggregates on DynamoDB. Counts are `Select: COUNT` queries on GSI1 (no item
 * data is returned, but DynamoDB still reads — and bills — the items it counts, so they are
 * capped); due-date windows are key-range queries on GSI2's open or closed queue, counted or
 * read with a projection of the three instants the dashboard needs.
 */
export class DynamoConsoleReadModel implements ConsoleReadModel {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async countByStatus(tenantId: string, status: CaseStatus, cap: number): Promise<CappedCount> {
    const index = TABLE_INDEXES.byStatusDue;
    return countQuery(
      this.doc,
      { TableName: this.tableName, IndexName: index.name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': index.partitionKey }, ExpressionAttributeValues: { ':pk': statusPartition(tenantId, status) } },
      cap,
    );
  }


  async dueBetween(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, cap: number): Promise<{ items: DueRow[]; capped: boolean }> {
    const items: DueRow[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          ...this.window(tenantId, queue, fromIso, toIso, { '#data': 'data', '#dueAt': 'dueAt', '#receivedAt': 'receivedAt', '#draft': 'draft', '#approvedAt': 'approvedAt' }),
          // Three nested attributes instead of the whole case: a fraction of the bytes to move and parse.
          ProjectionExpression: '#data.#dueAt, #data.#receivedAt, #data.#draft.#approvedAt',
          Limit: cap - items.length,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const d = DueItemSchema.parse(item).data;
        items.push({ dueAt: d.dueAt, receivedAt: d.receivedAt, answeredAt: d.draft?.approvedAt ?? null });
      }
      start = page.LastEvaluatedKey;
    } while (start && items.length < cap);
    return { items, capped: Boolean(start) };
  }

  async countDueBetween(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, cap: number): Promise<CappedCount> {
    return countQuery(this.doc, this.window(tenantId, queue, fromIso, toIso), cap);
  }


  /** The GSI2 key range of a queue's cases due in [fromIso, toIso]. */
  private window(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, names: Record<string, string> = {}) {
    const index = TABLE_INDEXES.byQueueDue;
    return {
      TableName: this.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey, ...names },
      // '~' sorts after every id character: the whole last instant is included.
      ExpressionAttributeValues: { ':pk': queuePartition(tenantId, queue === 'open'), ':from': fromIso, ':to': `${toIso}~` },
    };
  }
}
