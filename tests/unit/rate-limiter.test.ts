import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { InMemoryRateLimiter } from '#adapters/memory/rate-limiter.ts';
import { rateWindow } from '#domain/rate-limit.ts';

const limit = { max: 2, windowSeconds: 600 };
const at = (iso: string) => new Date(iso);

describe('rate windows', () => {
  it('are fixed 10-minute windows: the retry is due when the window ends', () => {
    expect(rateWindow(limit, at('2026-11-21T10:00:00Z'))).toEqual({ start: Date.parse('2026-11-21T10:00:00Z') / 1000, retryAfterSeconds: 600 });
    expect(rateWindow(limit, at('2026-11-21T10:09:59Z'))).toMatchObject({ retryAfterSeconds: 1 });
    expect(rateWindow(limit, at('2026-11-21T10:10:00Z')).start).toBe(Date.parse('2026-11-21T10:10:00Z') / 1000);
  });
});

describe('InMemoryRateLimiter', () => {
  it('lets max actions through per key and window, then refuses until the next window', async () => {
    const limiter = new InMemoryRateLimiter();
    expect((await limiter.take('a', limit, at('2026-11-21T10:01:00Z'))).allowed).toBe(true);
    expect((await limiter.take('a', limit, at('2026-11-21T10:02:00Z'))).allowed).toBe(true);
    expect(await limiter.take('a', limit, at('2026-11-21T10:03:00Z'))).toEqual({ allowed: false, retryAfterSeconds: 420 });
    expect((await limiter.take('b', limit, at('2026-11-21T10:03:00Z'))).allowed).toBe(true);
    expect((await limiter.take('a', limit, at('2026-11-21T10:10:00Z'))).allowed).toBe(true);
  });
});

describe('DynamoRateLimiter', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  afterEach(() => ddb.reset());

  it('counts with one conditional ADD on the window item, expiring by TTL', async () => {
    ddb.on(UpdateCommand).resolves({});
    const result = await new DynamoRateLimiter(new DynamoDBClient({}), 'rd').take('FORM#softera#abc', limit, at('2026-11-21T10:01:00Z'));
    expect(result).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    const start = Date.parse('2026-11-21T10:00:00Z') / 1000;
    expect(input).toMatchObject({
      TableName: 'rd',
      Key: { PK: 'RATE#FORM#softera#abc', SK: `W#${start}` },
      UpdateExpression: 'ADD hits :one SET #type = :type, expiresAt = :ttl',
      ConditionExpression: 'attribute_not_exists(hits) OR hits < :max',
      ExpressionAttributeValues: { ':one': 1, ':max': 2, ':ttl': start + 600 + 3600 },
    });
  });

  it('refuses when the condition fails, with the seconds left in the window, and passes other errors on', async () => {
    ddb.on(UpdateCommand).rejectsOnce(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} })).rejectsOnce(new Error('throttled'));
    const limiter = new DynamoRateLimiter(new DynamoDBClient({}), 'rd');
    expect(await limiter.take('k', limit, at('2026-11-21T10:05:30Z'))).toEqual({ allowed: false, retryAfterSeconds: 270 });
    await expect(limiter.take('k', limit, at('2026-11-21T10:05:30Z'))).rejects.toThrow('throttled');
  });
});
