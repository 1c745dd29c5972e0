import { createHash } from 'node:crypto';
import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import type { CaseMessage, FlaggedInbound } from '#domain/mail.ts';
import type { MessageStore } from '#ports/mail.ts';
import { caseKey } from './keys.ts';
import { StoredFlaggedSchema, StoredMessageSchema, ThreadIndexSchema } from './message-record.ts';
import { queryCasePartition } from './case-partition.ts';

/**
 * Message keys in the single table (README "Data model"):
 * - a message: the case's partition, SK `MESSAGE#<at>#<id>` (a case's messages in time order);
 * - the thread index: PK `TENANT#<t>#MSGID#<Message-ID>`, SK `MSGID` → case id. It is written
 *   with `attribute_not_exists`, so it is also the duplicate-delivery guard per tenant;
 * - flagged inbound mail: PK `TENANT#<t>#INBOX#FLAGGED` (`UNROUTED#INBOX#FLAGGED` when no
 *   tenant matched), SK `<at>#<id>`.
 */
export const MESSAGE_PREFIX = 'MESSAGE#';

/** Message-IDs are client data of any length; very long ones are hashed to fit a key. */
function idPart(messageId: string): string {
  return messageId.length <= 500 ? messageId : `sha256:${createHash('sha256').update(messageId).digest('hex')}`;
}

export const messageKey = (m: Pick<CaseMessage, 'tenantId' | 'caseId' | 'at' | 'id'>) => ({
  PK: caseKey(m.tenantId, m.caseId).PK,
  SK: `${MESSAGE_PREFIX}${m.at}#${m.id}`,
});
export const threadKey = (tenantId: string, messageId: string) => ({ PK: `TENANT#${tenantId}#MSGID#${idPart(messageId)}`, SK: 'MSGID' });
export const flaggedPartition = (tenantId: string | null) => (tenantId ? `TENANT#${tenantId}#INBOX#FLAGGED` : 'UNROUTED#INBOX#FLAGGED');

export class DynamoMessageStore implements MessageStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async addMessage(message: CaseMessage, alsoKnownAs: readonly string[] = []): Promise<'added' | 'exists'> {
    const ids = [...new Set([message.messageId, ...alsoKnownAs])];
    const put = (Item: Record<string, unknown>) => ({ Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } });
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...ids.map((id) => put({ ...threadKey(message.tenantId, id), type: 'thread', caseId: message.caseId, messageId: message.messageId })),
            put({ ...messageKey(message), type: 'message', data: message }),
          ],
        }),
      );
      return 'added';
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return 'exists';
      throw error;
    }
  }

  async replaceMessage(message: CaseMessage): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...messageKey(message), type: 'message', data: message }, ConditionExpression: 'attribute_exists(PK)' }));
  }

  listMessages(tenantId: string, caseId: string): Promise<readonly CaseMessage[]> {
    return queryCasePartition(this.doc, this.tableName, tenantId, caseId, MESSAGE_PREFIX, StoredMessageSchema);
  }

  async findCaseByMessageIds(tenantId: string, messageIds: readonly string[]): Promise<{ caseId: string; messageId: string } | null> {
    const wanted = [...new Set(messageIds)].slice(0, 100);
    if (wanted.length === 0) return null;
    const keys = wanted.map((id) => threadKey(tenantId, id));
    const { Responses } = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }));
    const found = new Map((Responses?.[this.tableName] ?? []).map((item) => [String(item.PK), ThreadIndexSchema.parse(item)]));
    for (const key of keys) {
      const hit = found.get(key.PK);
      if (hit) return hit;
    }
    return null;
  }

  async flag(item: FlaggedInbound): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: flaggedPartition(item.tenantId), SK: `${item.at}#${item.id}`, type: 'flagged-inbound', data: item },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // Flagging the same delivery again (a retry) is not news.
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }

  async listFlagged(tenantId: string | null, limit: number): Promise<readonly FlaggedInbound[]> {
    const page = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': flaggedPartition(tenantId) },
        ScanIndexForward: false,
        Limit: Math.min(Math.max(1, limit), 100),
      }),
    );
    return (page.Items ?? []).map((item) => StoredFlaggedSchema.parse(item.data));
  }
}
