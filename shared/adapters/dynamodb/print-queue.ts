import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import { PRINT_STATUSES, type PrintItem, type PrintQueue } from '#ports/channels.ts';
import { TABLE_INDEXES } from './table.ts';

/**
 * The print queue in the single table:
 * - an item: PK `TENANT#<t>#PRINT#<id>`, SK `PRINT`;
 * - the queue: GSI1 `TENANT#<t>#PRINTQUEUE#<status>` / `<createdAt>#<id>` (the status index the
 *   cases use, with its own partition prefix), so "what is left to print" is one Query.
 */
// Built on its first read (z.lazy): not every invocation of the functions that load this module reads one.
const StoredPrintItemSchema = z.lazy(() => z.object({
  id: z.string(),
  tenantId: z.string(),
  caseId: z.string(),
  reference: z.string(),
  delivery: z.enum(['post', 'in_person']),
  notice: z.string(),
  title: z.string(),
  recipient: z.array(z.string()),
  pdfKey: z.string(),
  pdfSize: z.number(),
  enclosures: z.array(z.object({ filename: z.string(), key: z.string(), size: z.number() })),
  status: z.enum(PRINT_STATUSES),
  createdAt: z.string(),
  dispatch: z.optional(
    z.object({ at: z.string(), trackingNumber: z.optional(z.string()), by: z.string(), recordedAt: z.string(), handedTo: z.optional(z.string()), batchKey: z.optional(z.string()) }),
  ),
}));

type Assignable<T, U extends T> = U;
export type PrintItemCheck = Assignable<PrintItem, z.infer<typeof StoredPrintItemSchema>>;

export const printKey = (tenantId: string, id: string) => ({ PK: `TENANT#${tenantId}#PRINT#${id}`, SK: 'PRINT' });
const queuePartition = (tenantId: string, status: string) => `TENANT#${tenantId}#PRINTQUEUE#${status}`;

export class DynamoPrintQueue implements PrintQueue {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async add(item: PrintItem): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...printKey(item.tenantId, item.id), type: 'print', GSI1PK: queuePartition(item.tenantId, item.status), GSI1SK: `${item.createdAt}#${item.id}`, data: item },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async get(tenantId: string, id: string): Promise<PrintItem | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: printKey(tenantId, id), ConsistentRead: true }));
    return Item ? StoredPrintItemSchema.parse(Item.data) : null;
  }

  async listQueued(tenantId: string, limit: number): Promise<readonly PrintItem[]> {
    const page = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: TABLE_INDEXES.byStatusDue.name,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': queuePartition(tenantId, 'queued') },
        Limit: Math.min(Math.max(1, limit), 200),
      }),
    );
    return (page.Items ?? []).map((i) => StoredPrintItemSchema.parse(i.data));
  }

  async markDispatched(item: PrintItem, dispatch: NonNullable<PrintItem['dispatch']>): Promise<boolean> {
    const updated: PrintItem = { ...item, status: 'dispatched', dispatch };
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: printKey(item.tenantId, item.id),
          UpdateExpression: 'SET #data = :data, GSI1PK = :pk',
          ConditionExpression: '#data.#status = :queued',
          ExpressionAttributeNames: { '#data': 'data', '#status': 'status' },
          ExpressionAttributeValues: { ':data': updated, ':pk': queuePartition(item.tenantId, 'dispatched'), ':queued': 'queued' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
