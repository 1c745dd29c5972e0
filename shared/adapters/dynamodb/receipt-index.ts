import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import type { Case } from '#domain/case.ts';
import type { Tombstone } from '#domain/retention.ts';
import type { ReceiptIndex } from '#ports/accountability.ts';
import { StoredCaseSchema } from './case-record.ts';
import { receiptPartition } from './keys.ts';
import { TABLE_INDEXES } from './table.ts';
import { storedTombstoneSchema } from './tombstone-record.ts';

/** The UTC months (`2026-11`) an instant range [from, to) touches. */
export function monthsBetween(fromIso: string, toIso: string): string[] {
  const months: string[] = [];
  const cursor = new Date(`${fromIso.slice(0, 7)}-01T00:00:00Z`);
  const last = new Date(new Date(toIso).getTime() - 1).toISOString().slice(0, 7);
  while (cursor.toISOString().slice(0, 7) <= last) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/**
 * The register's reads: GSI4 (`TENANT#<t>#RECEIVED#<month>`, sorted by `<receivedAt>#<id>`),
 * one key-range query per month of the period, cases and tombstones alike.
 */
export class DynamoReceiptIndex implements ReceiptIndex {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async receivedBetween(tenantId: string, fromIso: string, toIso: string): Promise<{ cases: Case[]; tombstones: Tombstone[] }> {
    const from = new Date(fromIso).toISOString();
    const to = new Date(toIso).toISOString();
    const index = TABLE_INDEXES.byReceipt;
    const cases: Case[] = [];
    const tombstones: Tombstone[] = [];
    for (const month of monthsBetween(from, to)) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: index.name,
            // [from, to): '#' sorts before every digit, so `<to>#` excludes cases received at `to`.
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
            ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
            ExpressionAttributeValues: { ':pk': receiptPartition(tenantId, month), ':from': from, ':to': `${to}#` },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          if (item.type === 'tombstone') tombstones.push(storedTombstoneSchema().parse(item.data));
          else if (item.type === 'case') {
            const c = StoredCaseSchema.parse(item.data);
            if (c.receivedAt >= from && c.receivedAt < to) cases.push(c);
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return { cases, tombstones: tombstones.filter((t) => t.receivedAt >= from && t.receivedAt < to) };
  }
}
