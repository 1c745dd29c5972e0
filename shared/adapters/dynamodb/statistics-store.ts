import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import type { StatisticsSnapshot, StatisticsStore } from '#ports/accountability.ts';

/** Parsed on read like every stored item; group keys stay strings (the views label what they know). Built on first read. */
const SnapshotSchema = z.lazy(() => {
  const n = z.number();
  const tally = z.object({ received: n, granted: n, partlyGranted: n, refused: n, late: n, medianDaysToAnswer: z.nullable(n), p90DaysToAnswer: z.nullable(n) });
  const groups = z.record(z.string(), tally);
  const counts = z.record(z.string(), n);
  const s = z.string();
  return z.object({ tenantId: s, from: s, to: s, generatedAt: s, statistics: z.object({ total: tally, byRight: groups, byChannel: groups, byOutcome: counts, byTimeliness: counts }) });
});

const key = (tenantId: string) => ({ PK: `TENANT#${tenantId}#STATISTICS`, SK: 'LAST90' });

/** The dashboard's read of the snapshot (the console function carries only this half). */
export class DynamoStatisticsReader implements Pick<StatisticsStore, 'get'> {
  protected readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, protected readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async get(tenantId: string): Promise<StatisticsSnapshot | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key(tenantId) }));
    return Item ? (SnapshotSchema.parse(Item.data) as StatisticsSnapshot) : null;
  }
}

/** The dashboard's statistics snapshot: one item per tenant, replaced by each sweep. */
export class DynamoStatisticsStore extends DynamoStatisticsReader implements StatisticsStore {
  async put(snapshot: StatisticsSnapshot): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...key(snapshot.tenantId), type: 'statistics', data: snapshot } }));
  }
}
