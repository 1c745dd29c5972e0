import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { caseKey } from './keys.ts';

/**
 * Every item of one kind in a case's partition (its audit events, its messages), in sort-key
 * order, each parsed with the kind's schema. Reads are consistent: a case page shows what was
 * just written.
 */
export async function queryCasePartition<S extends z.ZodMiniType>(
  doc: DynamoDBDocumentClient,
  tableName: string,
  tenantId: string,
  caseId: string,
  skPrefix: string,
  schema: S,
): Promise<Array<z.infer<S>>> {
  const items: Array<z.infer<S>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': caseKey(tenantId, caseId).PK, ':prefix': skPrefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) items.push(schema.parse(item.data) as z.infer<S>);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
