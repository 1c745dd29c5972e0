import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const made = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();

/**
 * The one document client of a DynamoDB client, shared by every adapter given that client.
 *
 * Why one: `DynamoDBDocumentClient.from` stores its marshalling options on the wrapped client's
 * own `config` (lib-dynamodb 3.x: `this.config = client.config; this.config.translateConfig = …`),
 * so every document client of one DynamoDB client already marshalled with the options of the last
 * one made: adapters asking for different options got whichever adapter was built last. One
 * document client with one set of options makes that explicit and independent of wiring order.
 * It also makes each composition root cheaper to start: every `from` walks and names the
 * client's whole middleware stack (`identify()`), ~0.3–2 ms of CPU each at a cold start, and a
 * workflow step's wiring made seven (issue 15).
 *
 * The options: `removeUndefinedValues`, which every writing adapter asked for (an optional field
 * left undefined is not stored, as DynamoDB has no `undefined`).
 * Example: `this.doc = documentClient(client)` in an adapter's constructor.
 */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  let doc = made.get(client);
  if (!doc) {
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    made.set(client, doc);
  }
  return doc;
}
