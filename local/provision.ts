import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { KEY_ATTRIBUTES, TABLE_INDEXES, TABLE_KEYS } from '#adapters/dynamodb/table.ts';

/**
 * Creates the local resources the handlers expect, idempotently, so `npm start` and the
 * integration tests can run against a fresh or a reused store alike. On AWS, CDK owns these.
 */

export type EnsureResult = 'created' | 'existed';

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<EnsureResult> {
  let result: EnsureResult = 'existed';
  if (!(await tableExists(client, tableName))) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          KeySchema: [
            { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: Object.values(TABLE_INDEXES).map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        }),
      );
      result = 'created';
    } catch (err) {
      // Someone else (a parallel start) created it between our check and our create.
      if (!(err instanceof ResourceInUseException)) throw err;
    }
    // DynamoDB Local creates tables synchronously; real DynamoDB doesn't, and UpdateTimeToLive
    // fails on a table that is still CREATING.
    await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1, maxDelay: 5 }, { TableName: tableName });
  } else {
    await ensureIndexes(client, tableName);
  }
  await ensureTtl(client, tableName);
  return result;
}

/**
 * A table kept from an older version (`.local/dynamodb` across upgrades) gets the indexes added
 * since (the receipt index of the register): one UpdateTable per missing index. Items written
 * before carry no attributes for it until their next write.
 */
async function ensureIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of Object.values(TABLE_INDEXES)) {
    if (present.has(index.name)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
  }
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return false;
    throw err;
  }
}

async function ensureTtl(client: DynamoDBClient, tableName: string): Promise<void> {
  const current = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = current.TimeToLiveDescription?.TimeToLiveStatus;
  const attribute = current.TimeToLiveDescription?.AttributeName;
  if ((status === 'ENABLED' || status === 'ENABLING') && attribute === TABLE_KEYS.ttlAttribute) return;
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
      }),
    );
  } catch (err) {
    // A concurrent provisioner won the race; DynamoDB answers ValidationException
    // "TimeToLive is already enabled". Anything else is a real failure.
    if (!(err instanceof Error && /already enabled/i.test(err.message))) throw err;
  }
}

export async function ensureBuckets(s3: S3Client, names: readonly string[]): Promise<Record<string, EnsureResult>> {
  const results: Record<string, EnsureResult> = {};
  for (const name of names) {
    results[name] = (await bucketExists(s3, name)) ? 'existed' : await createBucket(s3, name);
  }
  return results;
}

async function bucketExists(s3: S3Client, name: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: name }));
    return true;
  } catch (err) {
    // HEAD responses have no body, so the SDK reports a missing bucket as NotFound (404).
    if (err instanceof Error && (err.name === 'NotFound' || err.name === 'NoSuchBucket')) return false;
    throw err;
  }
}

async function createBucket(s3: S3Client, name: string): Promise<EnsureResult> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    return 'created';
  } catch (err) {
    // Real S3 says "owned by you"; s3rver says "already exists" for its single account.
    if (err instanceof Error && (err.name === 'BucketAlreadyOwnedByYou' || err.name === 'BucketAlreadyExists')) {
      return 'existed';
    }
    throw err;
  }
}
