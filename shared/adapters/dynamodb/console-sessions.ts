import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import type { ConsoleSessions } from '#ports/console.ts';

/**
 * Console session records: PK `CONSOLE_SESSION#<id>`, SK `SESSION`, with the tenant, the user,
 * `endedAt` once signed out, and the table's TTL attribute (`expiresAt`, epoch seconds) so
 * DynamoDB removes them after the session's own lifetime. A consistent read on every request: a
 * sign-out is seen by the next request, also on another Lambda instance.
 * Example: `new DynamoConsoleSessions(client, 'rightsdesk')`.
 */
export class DynamoConsoleSessions implements ConsoleSessions {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  private key(id: string) {
    return { PK: `CONSOLE_SESSION#${id}`, SK: 'SESSION' };
  }

  async start(session: { id: string; tenantId: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.key(session.id), type: 'console-session', tenantId: session.tenantId, userId: session.userId, expiresAt: Math.floor(session.expiresAt.getTime() / 1000) },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async isActive(id: string, now: Date): Promise<boolean> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: this.key(id), ConsistentRead: true }));
    if (!Item || Item.endedAt) return false;
    return typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 > now.getTime();
  }

  async end(id: string, at: Date): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(id),
          UpdateExpression: 'SET endedAt = :at',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      );
    } catch (error) {
      // An unknown (expired and removed) session is already ended.
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }
}
