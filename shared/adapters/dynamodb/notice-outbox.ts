import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import * as z from 'zod/mini';
import { NOTICE_KINDS, type NoticeKind } from '#domain/notices.ts';
import type { NoticeOutbox, OutboxClaim, OutboxEntry } from '#ports/cases.ts';
import { countQuery } from './count-query.ts';
import { dueKey, entryKey, PENDING } from './notice-outbox-item.ts';
import { dueItems } from './due-query.ts';
import { TABLE_INDEXES } from './table.ts';

/**
 * The notice outbox in the single table:
 * - an entry: the case's partition, SK `OUTBOX#<kind>` (one per case and kind: the acknowledgement);
 * - unsent entries are also in GSI1 under `OUTBOX#PENDING` / `<dueAt>#<tenant>#<case>#<kind>`:
 *   the sweeper's one Query for what is due (a claim's lease end is its due time, so an abandoned
 *   claim comes back by itself). Sent entries leave the index.
 * The pending entry of a new case is written by DynamoCaseRepository in the case's transaction
 * (`outboxItem` in notice-outbox-item.ts, apart so the repository does not pull this class in).
 */
// Built on its first read (z.lazy): not every invocation of the functions that load this module reads one.
const StoredEntrySchema = z.lazy(() => z.object({
  tenantId: z.string(),
  caseId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  status: z.enum(['pending', 'claimed', 'sent']),
  attempts: z.int(),
  dueAt: z.string(),
  messageId: z.optional(z.string()),
  sentAt: z.optional(z.string()),
  lastError: z.optional(z.string()),
}));
type Assignable<T, U extends T> = U;
export type OutboxEntryCheck = Assignable<OutboxEntry, z.infer<typeof StoredEntrySchema>>;

const conditionFailed = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

export class DynamoNoticeOutbox implements NoticeOutbox {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async claim(tenantId: string, caseId: string, kind: NoticeKind, now: Date, until: Date): Promise<OutboxClaim> {
    const lease = until.toISOString();
    try {
      const { Attributes } = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(tenantId, caseId, kind),
          UpdateExpression: 'SET #status = :claimed, dueAt = :lease, GSI1PK = :pk, GSI1SK = :sk, tenantId = :tenant, caseId = :case, #kind = :kind, #type = :type ADD attempts :one',
          ConditionExpression: 'attribute_not_exists(PK) OR #status = :pending OR (#status = :claimed AND dueAt <= :now)',
          ExpressionAttributeNames: { '#status': 'status', '#type': 'type', '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':claimed': 'claimed',
            ':pending': 'pending',
            ':lease': lease,
            ':now': now.toISOString(),
            ':pk': PENDING,
            ':sk': dueKey(tenantId, caseId, kind, lease),
            ':tenant': tenantId,
            ':case': caseId,
            ':kind': kind,
            ':type': 'outbox',
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { state: 'claimed', attempts: z.object({ attempts: z.int() }).parse(Attributes).attempts };
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
    const current = await this.get(tenantId, caseId, kind);
    if (current?.status === 'sent') return { state: 'sent', ...(current.messageId ? { messageId: current.messageId } : {}) };
    return { state: 'held' };
  }

  async markSent(tenantId: string, caseId: string, kind: NoticeKind, messageId: string | undefined, at: Date): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: entryKey(tenantId, caseId, kind),
        UpdateExpression: `SET #status = :sent, sentAt = :at${messageId ? ', messageId = :id' : ''} REMOVE GSI1PK, GSI1SK, lastError`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at.toISOString(), ...(messageId ? { ':id': messageId } : {}) },
      }),
    );
  }

  async release(tenantId: string, caseId: string, kind: NoticeKind, retryAt: Date, error: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(tenantId, caseId, kind),
          UpdateExpression: 'SET #status = :pending, dueAt = :due, GSI1PK = :pk, GSI1SK = :sk, lastError = :error',
          ConditionExpression: '#status = :claimed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':claimed': 'claimed', ':due': retryAt.toISOString(), ':pk': PENDING, ':sk': dueKey(tenantId, caseId, kind, retryAt.toISOString()), ':error': error.slice(0, 1000) },
        }),
      );
    } catch (e) {
      // Sent meanwhile by another run: that stands.
      if (!conditionFailed(e)) throw e;
    }
  }

  async listDue(now: Date, limit: number): Promise<readonly OutboxEntry[]> {
    return (await dueItems(this.doc, this.tableName, PENDING, now, limit)).map((i) => StoredEntrySchema.parse(i));
  }

  async countUnsent(): Promise<number> {
    const { count } = await countQuery(this.doc, { TableName: this.tableName, IndexName: TABLE_INDEXES.byStatusDue.name, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': PENDING } });
    return count;
  }

  private async get(tenantId: string, caseId: string, kind: NoticeKind): Promise<OutboxEntry | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: entryKey(tenantId, caseId, kind), ConsistentRead: true }));
    return Item ? StoredEntrySchema.parse(Item) : null;
  }
}
