import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './document-client.ts';
import type { RateLimiter } from '#ports/cases.ts';
import { rateWindow, type RateLimit } from '#domain/rate-limit.ts';

/**
 * Fixed-window counters in the table, shared by every Lambda instance: PK `RATE#<key>`, SK
 * `W#<window start>`, one conditional `ADD` per action (refused once the count reached the limit),
 * expired by TTL an hour after the window. Callers pass a key without personal data (a digest).
 */
export class DynamoRateLimiter implements RateLimiter {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.doc = documentClient(client);
  }

  async take(key: string, limit: RateLimit, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const { start, retryAfterSeconds } = rateWindow(limit, now);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: `RATE#${key}`, SK: `W#${start}` },
          UpdateExpression: 'ADD hits :one SET #type = :type, expiresAt = :ttl',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :max',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':one': 1, ':max': limit.max, ':type': 'rate-window', ':ttl': start + limit.windowSeconds + 3600 },
        }),
      );
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return { allowed: false, retryAfterSeconds };
      throw error;
    }
  }
}
