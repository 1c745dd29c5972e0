import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { openCase } from '#domain/open-case.ts';
import { ConcurrentUpdateError, ValidationError } from '#domain/errors.ts';
import { tenantRegistry } from '#tenants/registry.ts';

const documentMock = mockClient(DynamoDBDocumentClient);

function sampleCase() {
  return openCase({
    tenant: tenantRegistry.get('gautora'),
    id: 'case-1',
    referenceNumber: 7,
    channel: 'api',
    receivedAt: new Date('2026-11-23T09:00:00Z'),
    request: { rights: [{ type: 'access' }], subject: { name: 'Ona', email: 'Ona@Example.lt' } },
    actor: { kind: 'partner', id: 'shop' },
    earlierRequests: [],
    now: new Date('2026-11-23T09:00:00Z'),
  });
}

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

describe('DynamoCaseRepository', () => {
  let repo: DynamoCaseRepository;
  beforeEach(() => {
    documentMock.reset();
    repo = new DynamoCaseRepository(new DynamoDBClient({ region: 'eu-central-1' }), 'table');
  });

  it('writes the case, its events and the idempotency record in one conditional transaction', async () => {
    // Prepare
    const { case: c, events } = sampleCase();
    documentMock.on(TransactWriteCommand).resolves({});
    // Act
    const outcome = await repo.createCase(c, events, { tenantId: 'gautora', scope: 'shop', key: 'k1', fingerprint: 'f', caseId: c.id, createdAt: c.createdAt, expiresAt: 1 });
    // Assess
    expect(outcome).toEqual({ kind: 'created' });
    const items = documentMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.Put?.ConditionExpression === 'attribute_not_exists(PK)')).toBe(true);
    expect(items[0]?.Put?.Item).toMatchObject({ PK: 'TENANT#gautora#IDEMPOTENCY#shop#k1', SK: 'IDEMPOTENCY' });
    expect(items[1]?.Put?.Item).toMatchObject({
      PK: 'TENANT#gautora#CASE#case-1',
      SK: 'CASE',
      GSI1PK: 'TENANT#gautora#STATUS#received',
      GSI1SK: `${c.dueAt}#case-1`,
      GSI2PK: 'TENANT#gautora#QUEUE#OPEN',
      GSI3PK: 'TENANT#gautora#SUBJECT#email:ona@example.lt',
    });
    expect(items[2]?.Put?.Item).toMatchObject({ SK: 'EVENT#0000000001' });
    // The reference item lets staff search and threading find the case by its reference.
    expect(items[3]?.Put?.Item).toMatchObject({ PK: `TENANT#gautora#REFERENCE#${c.reference}`, SK: 'REFERENCE', caseId: 'case-1' });
  });

  it('returns the winning record when the idempotency condition fails', async () => {
    const { case: c, events } = sampleCase();
    const record = { tenantId: 'gautora', scope: 'shop', key: 'k1', fingerprint: 'f', caseId: 'other', createdAt: c.createdAt, expiresAt: 4_000_000_000 };
    documentMock.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None', 'None']));
    documentMock.on(GetCommand).resolves({ Item: { PK: 'x', SK: 'IDEMPOTENCY', ...record } });
    expect(await repo.createCase(c, events, { ...record, caseId: c.id })).toEqual({ kind: 'idempotency_conflict', record });
  });

  it('retries a transaction that only conflicted with another one', async () => {
    const { case: c, events } = sampleCase();
    documentMock.on(TransactWriteCommand).rejectsOnce(cancelled(['TransactionConflict', 'None'])).resolves({});
    expect(await repo.createCase(c, events)).toEqual({ kind: 'created' });
    expect(documentMock.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('saves only over the version it read, and reports a concurrent update', async () => {
    const { case: c } = sampleCase();
    documentMock.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed']));
    await expect(repo.saveCase({ ...c, version: 2 }, [])).rejects.toBeInstanceOf(ConcurrentUpdateError);
    const put = documentMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put;
    expect(put?.ConditionExpression).toBe('attribute_exists(PK) AND #version = :expected');
    expect(put?.ExpressionAttributeValues).toEqual({ ':expected': 1 });
  });

  it('parses what it reads and refuses a corrupt item', async () => {
    const { case: c } = sampleCase();
    documentMock.on(GetCommand).resolvesOnce({ Item: { data: c } }).resolvesOnce({ Item: { data: { ...c, status: 'teleported' } } });
    expect(await repo.getCase('gautora', 'case-1')).toEqual(c);
    await expect(repo.getCase('gautora', 'case-1')).rejects.toThrow();
  });

  it('lists open cases through the queue index by due date, with a cursor bound to the partition', async () => {
    const { case: c } = sampleCase();
    const lastKey = { PK: 'p', SK: 'CASE', GSI2PK: 'TENANT#gautora#QUEUE#OPEN', GSI2SK: 'x' };
    documentMock.on(QueryCommand).resolves({ Items: [{ data: c }], LastEvaluatedKey: lastKey });
    const page = await repo.listOpen('gautora', { limit: 1, dueBefore: '2027-01-01T00:00:00.000Z' });
    const input = documentMock.commandCalls(QueryCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ IndexName: 'GSI2', ExpressionAttributeValues: { ':pk': 'TENANT#gautora#QUEUE#OPEN', ':due': '2027-01-01T00:00:00.000Z~' } });
    expect(page.items).toHaveLength(1);
    await repo.listOpen('gautora', { limit: 1, cursor: page.nextCursor });
    expect(documentMock.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual(lastKey);
    // The same cursor on another tenant's list is refused rather than leaking a position.
    await expect(repo.listOpen('lytagra', { limit: 1, cursor: page.nextCursor })).rejects.toBeInstanceOf(ValidationError);
  });

  it('increments the per-tenant, per-year reference counter atomically', async () => {
    documentMock.on(UpdateCommand).resolves({ Attributes: { value: 42 } });
    expect(await repo.nextReferenceNumber('gautora', 2026)).toBe(42);
    expect(documentMock.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      Key: { PK: 'TENANT#gautora#COUNTER#REFERENCE#2026', SK: 'COUNTER' },
      UpdateExpression: 'ADD #value :one',
    });
  });

  it('reserves reference numbers in blocks: one counter update per block, shared by concurrent callers, never a number twice', async () => {
    let counter = 0;
    documentMock.on(UpdateCommand).callsFake((input: { ExpressionAttributeValues: Record<string, number> }) => {
      counter += input.ExpressionAttributeValues[':block'] ?? 0;
      return { Attributes: { value: counter } };
    });
    const blocks = new DynamoCaseRepository(new DynamoDBClient({ region: 'eu-central-1' }), 'table', { referenceBlock: 5 });
    const numbers = await Promise.all(Array.from({ length: 12 }, () => blocks.nextReferenceNumber('gautora', 2026)));
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(documentMock.commandCalls(UpdateCommand)).toHaveLength(3);
    expect(documentMock.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({ Key: { PK: 'TENANT#gautora#COUNTER#REFERENCE#2026', SK: 'COUNTER' }, UpdateExpression: 'ADD #value :block' });
    // Another year is another counter; a second repository (another container) takes its own block.
    expect(await blocks.nextReferenceNumber('gautora', 2027)).toBe(16);
    const other = new DynamoCaseRepository(new DynamoDBClient({ region: 'eu-central-1' }), 'table', { referenceBlock: 5 });
    expect(await other.nextReferenceNumber('gautora', 2026)).toBe(21);
  });

  it('treats an expired idempotency record as absent (DynamoDB TTL deletes lazily)', async () => {
    documentMock.on(GetCommand).resolves({ Item: { tenantId: 'gautora', scope: 's', key: 'k', fingerprint: 'f', caseId: 'c', createdAt: 'x', expiresAt: 1 } });
    expect(await repo.findIdempotency('gautora', 's', 'k')).toBeNull();
  });
});
