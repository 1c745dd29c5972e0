import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
import { DynamoUsedTokens } from '#adapters/dynamodb/used-tokens.ts';

/** One document client per DynamoDB client (issue 15), with `undefined` members left out whatever the adapters' order. */
describe('documentClient', () => {
  const translate = (client: DynamoDBClient) => (client.config as unknown as { translateConfig?: { marshallOptions?: { removeUndefinedValues?: boolean } } }).translateConfig;

  it('is made once per client and shared by the adapters made on it', () => {
    const client = new DynamoDBClient({ region: 'eu-central-1' });
    const other = new DynamoDBClient({ region: 'eu-central-1' });
    expect(documentClient(client)).toBe(documentClient(client));
    expect(documentClient(other)).not.toBe(documentClient(client));
    // lib-dynamodb keeps the options and the middleware on the wrapped client: one set, whatever the wiring order.
    expect(documentClient(client).middlewareStack).toBe(client.middlewareStack);
    client.destroy();
    other.destroy();
  });

  it('keeps removeUndefinedValues on when an adapter that asked for nothing is made last (as the API made its receipt index)', () => {
    const client = new DynamoDBClient({ region: 'eu-central-1' });
    new DynamoCaseRepository(client, 'table');
    new DynamoReceiptIndex(client, 'table');
    new DynamoUsedTokens(client, 'table');
    expect(translate(client)?.marshallOptions?.removeUndefinedValues).toBe(true);
    client.destroy();
  });
});
