import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseStatus } from '#domain/case.ts';
import { StoredCaseSchema } from '#adapters/dynamodb/case-record.ts';
import { queuePartition, statusPartition } from '#adapters/dynamodb/keys.ts';
import { TABLE_INDEXES } from '#adapters/dynamodb/table.ts';
import type { CappedCount, ConsoleReadModel } from './ports.ts';

/**
 * The console's aggregates on DynamoDB. Counts are `Select: COUNT` queries on GSI1 (no item
 * data is returned, but DynamoDB still reads — and bills — the items it counts, so they are
 * capped); due-date windows are key-range queries on GSI2's open or closed queue.
 */
export class DynamoConsoleReadModel implements ConsoleReadModel {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = DynamoDBDocumentClient.from(client);
  }

  async countByStatus(tenantId: string, status: CaseStatus, cap: number): Promise<CappedCount> {
    const index = TABLE_INDEXES.byStatusDue;
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.partitionKey },
          ExpressionAttributeValues: { ':pk': statusPartition(tenantId, status) },
          Select: 'COUNT',
          Limit: cap - count,
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start && count < cap);
    return { count, capped: Boolean(start) && count >= cap };
  }

  async dueBetween(tenantId: string, queue: 'open' | 'closed', fromIso: string, toIso: string, cap: number): Promise<{ items: Case[]; capped: boolean }> {
    const index = TABLE_INDEXES.byQueueDue;
    const items: Case[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey, '#data': 'data' },
          // '~' sorts after every id character: the whole last instant is included.
          ExpressionAttributeValues: { ':pk': queuePartition(tenantId, queue === 'open'), ':from': fromIso, ':to': `${toIso}~` },
          ProjectionExpression: '#data',
          Limit: Math.min(100, cap - items.length),
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) items.push(StoredCaseSchema.parse(item.data));
      start = page.LastEvaluatedKey;
    } while (start && items.length < cap);
    return { items, capped: Boolean(start) };
  }
}
