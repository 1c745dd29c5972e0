import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { lazyAdapter } from '#adapters/lazy-adapter.ts';
import type { ReceiptIndex } from '#ports/accountability.ts';

/**
 * The register's receipt index, made with its first query (lazyAdapter): only the register
 * download and the evidence packs read it, never the API's or fulfilment's usual first request
 * (issue 15). One definition for both functions' composition roots.
 */
export function lazyReceiptIndex(dynamo: DynamoDBClient, table: string): ReceiptIndex {
  return lazyAdapter<ReceiptIndex>(() => import('./deferred-stores.ts').then((m) => new m.DynamoReceiptIndex(dynamo, table)), { receivedBetween: true });
}
