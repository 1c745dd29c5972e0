import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import type { UsedTokens } from '#ports/forms.ts';

/**
 * One-time links: PK `TENANT#<t>#TOKEN#<jti>`, SK `USED`, written once (`attribute_not_exists`),
 * so a second click — or a replayed link — finds it used. TTL (`expiresAt`) removes it after the
 * link's own expiry (DynamoDB Local keeps it; harmless).
 */
export class DynamoUsedTokens implements UsedTokens {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async markUsed(tenantId: string, jti: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: `TENANT#${tenantId}#TOKEN#${jti}`, SK: 'USED', type: 'used-token', usedAt: new Date().toISOString(), expiresAt: Math.floor(expiresAt.getTime() / 1000) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
