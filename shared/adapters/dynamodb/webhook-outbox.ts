import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import { CASE_STATUSES } from '#domain/case.ts';
import type { WebhookOutbox } from '#ports/channels.ts';
import type { WebhookDelivery } from '#domain/webhooks.ts';
import { dueItems } from './due-query.ts';

/**
 * Webhook deliveries in the single table:
 * - a delivery: PK `TENANT#<t>#WEBHOOK#<id>`, SK `WEBHOOK` (id = `<caseId>.<event seq>`, so the
 *   same event is never queued twice);
 * - pending ones are also in GSI1 under `WEBHOOKS#PENDING` / `<dueAt>#<tenant>#<id>`: the retry
 *   sweep's one Query for "what is due". Delivered and given-up items leave the index.
 */
const PENDING = 'WEBHOOKS#PENDING';

// Built on its first read (z.lazy): not every invocation of the functions that load this module reads one.
const StoredDeliverySchema = z.lazy(() => z.object({
  id: z.string(),
  tenantId: z.string(),
  caseId: z.string(),
  url: z.string(),
  event: z.object({
    id: z.string(),
    type: z.string(),
    caseId: z.string(),
    reference: z.string(),
    status: z.enum(CASE_STATUSES),
    at: z.string(),
    data: z.record(z.string(), z.unknown()),
  }),
  attempts: z.int(),
  dueAt: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  createdAt: z.string(),
}));

type Assignable<T, U extends T> = U;
export type DeliveryCheck = Assignable<WebhookDelivery, z.infer<typeof StoredDeliverySchema>>;

export const deliveryKey = (d: Pick<WebhookDelivery, 'tenantId' | 'id'>) => ({ PK: `TENANT#${d.tenantId}#WEBHOOK#${d.id}`, SK: 'WEBHOOK' });
const dueSortKey = (d: WebhookDelivery) => `${d.dueAt}#${d.tenantId}#${d.id}`;

/** The item of a pending delivery (also written in a case's transaction by DynamoCaseRepository). */
export function deliveryItem(d: WebhookDelivery): Record<string, unknown> {
  return { ...deliveryKey(d), type: 'webhook', GSI1PK: PENDING, GSI1SK: dueSortKey(d), data: d };
}

export class DynamoWebhookOutbox implements WebhookOutbox {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async enqueue(d: WebhookDelivery): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: deliveryItem(d),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // The same event queued again (a retried write): already owed, nothing to add.
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }

  async listDue(now: Date, limit: number): Promise<readonly WebhookDelivery[]> {
    return (await dueItems(this.doc, this.tableName, PENDING, now, limit)).map((i) => StoredDeliverySchema.parse(i.data));
  }

  async update(d: WebhookDelivery, previousAttempts: number): Promise<boolean> {
    const pending = d.status === 'pending';
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: deliveryKey(d),
          UpdateExpression: pending ? 'SET #data = :data, GSI1PK = :pk, GSI1SK = :sk' : 'SET #data = :data REMOVE GSI1PK, GSI1SK',
          ConditionExpression: '#data.attempts = :prev',
          ExpressionAttributeNames: { '#data': 'data' },
          ExpressionAttributeValues: { ':data': d, ':prev': previousAttempts, ...(pending ? { ':pk': PENDING, ':sk': dueSortKey(d) } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
