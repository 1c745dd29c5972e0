import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_INDEXES } from './table.ts';

/**
 * The items of one due-time partition (outboxes, the inbound ledger) due at or before `now`, oldest
 * first, at most 100 a call. The sort key is `<ISO instant>#…`.
 * Example: `await dueItems(doc, table, 'WEBHOOKS#PENDING', now, 25)` → the raw items.
 */
export async function dueItems(doc: DynamoDBDocumentClient, tableName: string, partition: string, now: Date, limit: number): Promise<readonly Record<string, unknown>[]> {
  const page = await doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: TABLE_INDEXES.byStatusDue.name,
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
      // `~` sorts after every character of an ISO instant: everything due at or before now.
      ExpressionAttributeValues: { ':pk': partition, ':now': `${now.toISOString()}~` },
      Limit: Math.min(Math.max(1, limit), 100),
    }),
  );
  return page.Items ?? [];
}
