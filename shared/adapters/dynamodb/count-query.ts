import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Counts what a query matches, page by page, without reading items out (`Select: 'COUNT'`).
 * DynamoDB still reads — and bills — every item it counts, so callers that face unbounded sets
 * pass a `cap`; `capped` says the true count is higher.
 */
export async function countQuery(doc: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'Select' | 'Limit' | 'ExclusiveStartKey'>, cap = Number.POSITIVE_INFINITY): Promise<{ count: number; capped: boolean }> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, Select: 'COUNT', ...(Number.isFinite(cap) ? { Limit: cap - count } : {}), ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start && count < cap);
  return { count, capped: Boolean(start) && count >= cap };
}
