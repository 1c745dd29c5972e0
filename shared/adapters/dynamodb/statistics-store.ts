import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { StatisticsSnapshot, StatisticsStore } from '#ports/accountability.ts';

const TallySchema = z.object({
  received: z.number(),
  granted: z.number(),
  partlyGranted: z.number(),
  refused: z.number(),
  late: z.number(),
  medianDaysToAnswer: z.nullable(z.number()),
  p90DaysToAnswer: z.nullable(z.number()),
});
const Counts = z.record(z.string(), z.number());

/** Parsed on read like every stored item; group keys stay strings (the views label what they know). */
const SnapshotSchema = z.object({
  tenantId: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  statistics: z.object({ total: TallySchema, byRight: z.record(z.string(), TallySchema), byChannel: z.record(z.string(), TallySchema), byOutcome: Counts, byTimeliness: Counts }),
});

const key = (tenantId: string) => ({ PK: `TENANT#${tenantId}#STATISTICS`, SK: 'LAST90' });

/** The dashboard's statistics snapshot: one item per tenant, replaced by each sweep. */
export class DynamoStatisticsStore implements StatisticsStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async put(snapshot: StatisticsSnapshot): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...key(snapshot.tenantId), type: 'statistics', data: snapshot } }));
  }

  async get(tenantId: string): Promise<StatisticsSnapshot | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key(tenantId) }));
    return Item ? (SnapshotSchema.parse(Item.data) as StatisticsSnapshot) : null;
  }
}
