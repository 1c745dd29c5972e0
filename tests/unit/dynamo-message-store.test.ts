import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import type { CaseMessage } from '#domain/mail.ts';

const documentMock = mockClient(DynamoDBDocumentClient);

const message: CaseMessage = {
  id: 'm1',
  tenantId: 'softera',
  caseId: 'case-1',
  direction: 'inbound',
  channel: 'email',
  at: '2026-11-23T09:00:00.000Z',
  subject: 'Prašymas',
  messageId: '<a@example.lt>',
  inReplyTo: null,
  references: [],
  from: 'ona@example.lt',
  to: ['duomenuapsauga@softera.lt'],
  raw: 'From: ona@example.lt\r\n\r\nhi',
  rawKey: 'inbound/m1',
  attachments: [],
};

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

describe('DynamoMessageStore', () => {
  let store: DynamoMessageStore;
  beforeEach(() => {
    documentMock.reset();
    store = new DynamoMessageStore(new DynamoDBClient({ region: 'eu-central-1' }), 'table');
  });

  it('writes the thread index items and the message in one conditional transaction', async () => {
    // Prepare
    documentMock.on(TransactWriteCommand).resolves({});
    // Act
    const outcome = await store.addMessage(message, ['<ses-1@amazonses.com>']);
    // Assess
    expect(outcome).toBe('added');
    const items = documentMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((i) => i.Put?.Item?.PK)).toEqual(['TENANT#softera#MSGID#<a@example.lt>', 'TENANT#softera#MSGID#<ses-1@amazonses.com>', 'TENANT#softera#CASE#case-1']);
    expect(items[2]?.Put?.Item).toMatchObject({ SK: 'MESSAGE#2026-11-23T09:00:00.000Z#m1', type: 'message', data: message });
    expect(items.every((i) => i.Put?.ConditionExpression === 'attribute_not_exists(PK)')).toBe(true);
  });

  it("answers 'exists' when the Message-ID was already stored for the tenant (duplicate delivery)", async () => {
    documentMock.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));
    expect(await store.addMessage(message)).toBe('exists');
  });

  it('rethrows other failures so the delivery is retried', async () => {
    documentMock.on(TransactWriteCommand).rejects(new Error('throttled'));
    await expect(store.addMessage(message)).rejects.toThrow('throttled');
  });

  it("lists a case's messages from its partition, parsing each one", async () => {
    documentMock.on(QueryCommand).resolves({ Items: [{ data: message }] });
    expect(await store.listMessages('softera', 'case-1')).toEqual([message]);
    expect(documentMock.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': 'TENANT#softera#CASE#case-1', ':prefix': 'MESSAGE#' },
    });
  });

  it('refuses a stored message that does not parse', async () => {
    documentMock.on(QueryCommand).resolves({ Items: [{ data: { ...message, direction: 'sideways' } }] });
    await expect(store.listMessages('softera', 'case-1')).rejects.toThrow();
  });

  it('finds the case of the first known Message-ID in the order asked', async () => {
    documentMock.on(BatchGetCommand).resolves({
      Responses: { table: [{ PK: 'TENANT#softera#MSGID#<b@x>', caseId: 'case-b', messageId: '<b@x>' }, { PK: 'TENANT#softera#MSGID#<a@x>', caseId: 'case-a', messageId: '<a@x>' }] },
    });
    expect(await store.findCaseByMessageIds('softera', ['<a@x>', '<b@x>'])).toEqual({ caseId: 'case-a', messageId: '<a@x>' });
    expect(await store.findCaseByMessageIds('softera', [])).toBeNull();
  });

  it('flags inbound mail once, ignoring the repeat of a retried delivery', async () => {
    documentMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    await expect(store.flag({ id: 'd1#no_tenant', tenantId: null, at: '2026-11-23T09:00:00.000Z', flag: 'no_tenant', reason: 'r', rawKey: 'inbound/d1' })).resolves.toBeUndefined();
    expect(documentMock.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({ PK: 'UNROUTED#INBOX#FLAGGED', SK: '2026-11-23T09:00:00.000Z#d1#no_tenant' });
  });
});
