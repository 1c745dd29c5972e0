import { KMSClient } from '@aws-sdk/client-kms';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoWebhookOutbox } from '#adapters/dynamodb/webhook-outbox.ts';
import { FetchWebhookTransport } from '#adapters/webhooks/fetch-transport.ts';
import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import { kmsKid } from '#adapters/webhooks/kms-jwks.ts';
import { KmsWebhookSigner } from '#adapters/webhooks/kms-signer.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWebhookConfig } from '#config/webhook-config.ts';
import { systemClock } from '#adapters/system.ts';
import { deliverDueWebhooks } from '#usecases/webhooks.ts';

/**
 * The webhook retry sweep (EventBridge schedule, every minute; a DynamoDB stream on new delivery
 * items can invoke it too for near-immediate first attempts): signs and POSTs every due
 * delivery, records the outcome and schedules the next attempt.
 */
const mail = loadMailConfig();
const webhooks = loadWebhookConfig();
const dynamo = new DynamoDBClient({ region: mail.region, ...(mail.dynamodbEndpoint ? { endpoint: mail.dynamodbEndpoint } : {}) });
const deps = {
  outbox: new DynamoWebhookOutbox(dynamo, mail.tableName),
  signer: webhooks.kmsKeyId ? new KmsWebhookSigner(new KMSClient({ region: mail.region }), webhooks.kmsKeyId, kmsKid(webhooks.kmsKeyId)) : new JoseWebhookSigner(webhooks.signingKeys),
  transport: new FetchWebhookTransport(),
  repo: new DynamoCaseRepository(dynamo, mail.tableName),
  clock: systemClock,
};

export async function handler(): Promise<{ attempted: number; delivered: number }> {
  return deliverDueWebhooks(deps, { limit: webhooks.batch });
}
