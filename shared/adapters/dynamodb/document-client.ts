import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const documents = new WeakMap<DynamoDBClient, DynamoDBDocumentClient>();

/**
 * The one document client over a DynamoDB client, shared by every adapter made on it, with
 * `undefined` members left out of what is written.
 *
 * Why one: `DynamoDBDocumentClient.from` stores its translation options on the client's *shared*
 * config, so with one document client per adapter the last adapter made chose the options of all
 * (the API's receipt index, made last and without options, turned `removeUndefinedValues` off for
 * the case repository); and each `from` cost a middleware-stack walk at every cold start (issue 15).
 *
 * Example: `this.doc = documentClient(client);` in an adapter's constructor.
 */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  let doc = documents.get(client);
  if (!doc) {
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    documents.set(client, doc);
  }
  return doc;
}
