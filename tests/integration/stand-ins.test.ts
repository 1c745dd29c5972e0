import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { TABLE_INDEXES, TABLE_KEYS } from '#adapters/dynamodb/table.ts';
import { ensureBuckets, ensureTable } from '../../local/provision.ts';
import { dynamoClientFor, readOutbox, s3ClientFor, sesClientFor } from './helpers.ts';

// These tests prove the stand-ins behave like the services where our code depends on it, so a
// green integration suite means something about AWS too.

const tableName = inject('tableName');
const dynamo = dynamoClientFor(inject('dynamodbEndpoint'));
const run = randomUUID();

afterAll(() => {
  dynamo.destroy();
});

describe('DynamoDB Local', () => {
  it('has the single table with PK/SK, the three GSIs (projection ALL) and TTL', async () => {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
      name: index.IndexName,
      keys: index.KeySchema?.map((key) => key.AttributeName),
      projection: index.Projection?.ProjectionType,
    }));
    expect(indexes.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      Object.values(TABLE_INDEXES).map((index) => ({
        name: index.name,
        keys: [index.partitionKey, index.sortKey],
        projection: 'ALL',
      })),
    );
    const ttl = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: TABLE_KEYS.ttlAttribute,
    });
  });

  it('ensureTable is idempotent', async () => {
    await expect(ensureTable(dynamo, tableName)).resolves.toBe('existed');
  });

  it('rejects a second conditional put with attribute_not_exists', async () => {
    const put = new PutItemCommand({
      TableName: tableName,
      Item: { PK: { S: `IDEMPOTENCY#${run}` }, SK: { S: 'KEY#1' }, body: { S: 'first' } },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    await dynamo.send(put);
    await expect(dynamo.send(put)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  });

  it('commits a TransactWriteItems atomically, and cancels it when a condition fails', async () => {
    const caseKey = { PK: { S: `CASE#${run}` }, SK: { S: 'CASE' } };
    const eventKey = { PK: { S: `CASE#${run}` }, SK: { S: 'EVENT#0001' } };
    await dynamo.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { ...caseKey, status: { S: 'received' } }, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: tableName, Item: { ...eventKey, type: { S: 'received' } } } },
        ],
      }),
    );
    const stored = await dynamo.send(new GetItemCommand({ TableName: tableName, Key: eventKey, ConsistentRead: true }));
    expect(stored.Item?.type?.S).toBe('received');

    const secondEvent = { PK: { S: `CASE#${run}` }, SK: { S: 'EVENT#0002' } };
    await expect(
      dynamo.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...secondEvent, type: { S: 'verified' } } } },
            { Put: { TableName: tableName, Item: { ...caseKey, status: { S: 'again' } }, ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(TransactionCanceledException);
    const notWritten = await dynamo.send(new GetItemCommand({ TableName: tableName, Key: secondEvent, ConsistentRead: true }));
    expect(notWritten.Item).toBeUndefined();
  });

  it('answers a query on a GSI', async () => {
    const index = TABLE_INDEXES.byStatusDue;
    await dynamo.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          PK: { S: `CASE#${run}-gsi` },
          SK: { S: 'CASE' },
          [index.partitionKey]: { S: `TENANT#gautora#STATUS#${run}` },
          [index.sortKey]: { S: '2028-02-29T21:59:59Z' },
        },
      }),
    );
    const result = await dynamo.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :due',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: { ':pk': { S: `TENANT#gautora#STATUS#${run}` }, ':due': { S: '2028-03-01' } },
      }),
    );
    expect(result.Items?.map((item) => item.PK?.S)).toEqual([`CASE#${run}-gsi`]);
  });
});

describe('SES stand-in', () => {
  it('keeps an SES v2 Simple send with subject, both bodies and threading headers in the outbox', async () => {
    const ses = sesClientFor(inject('sesEndpoint'));
    try {
      const subject = `Re: Your access request ${run}`;
      const sent = await ses.send(
        new SendEmailCommand({
          // A verified identity (a tenant mailbox): the stand-in refuses unverified senders as SES does (issue 12).
          FromEmailAddress: 'sales@gautora.lt',
          Destination: { ToAddresses: ['subject@example.com'] },
          Content: {
            Simple: {
              Subject: { Data: subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: 'Gavome jūsų prašymą.', Charset: 'UTF-8' },
                Html: { Data: '<p>Gavome jūsų prašymą.</p>', Charset: 'UTF-8' },
              },
              Headers: [
                { Name: 'In-Reply-To', Value: '<original@mail.example.com>' },
                { Name: 'References', Value: '<original@mail.example.com>' },
              ],
            },
          },
        }),
      );
      expect(sent.MessageId).toBeTruthy();

      const mail = (await readOutbox(inject('sesOutboxUrl'))).find((email) => email.messageId === sent.MessageId);
      expect(mail).toMatchObject({
        from: 'sales@gautora.lt',
        destination: { to: ['subject@example.com'] },
        subject,
        body: { text: 'Gavome jūsų prašymą.', html: '<p>Gavome jūsų prašymą.</p>' },
      });
      expect(mail?.headers).toEqual(
        expect.arrayContaining([
          { name: 'In-Reply-To', value: '<original@mail.example.com>' },
          { name: 'References', value: '<original@mail.example.com>' },
        ]),
      );
    } finally {
      ses.destroy();
    }
  });
});

describe('S3 stand-in', () => {
  it('creates buckets idempotently, stores an object and returns it', async () => {
    const s3 = s3ClientFor(inject('s3Endpoint'));
    try {
      expect(await ensureBuckets(s3, ['rightsdesk-evidence'])).toEqual({ 'rightsdesk-evidence': 'created' });
      expect(await ensureBuckets(s3, ['rightsdesk-evidence'])).toEqual({ 'rightsdesk-evidence': 'existed' });
      const key = `answers/${run}.json`;
      const body = JSON.stringify({ case: run, text: 'Prieigos atsakymas' });
      await s3.send(new PutObjectCommand({ Bucket: 'rightsdesk-evidence', Key: key, Body: body, ContentType: 'application/json' }));
      const object = await s3.send(new GetObjectCommand({ Bucket: 'rightsdesk-evidence', Key: key }));
      expect(object.ContentType).toBe('application/json');
      expect(await object.Body?.transformToString()).toBe(body);
    } finally {
      s3.destroy();
    }
  });
});
