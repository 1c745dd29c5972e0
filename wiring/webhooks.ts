import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoWebhookOutbox } from '#adapters/dynamodb/webhook-outbox.ts';
import { systemClock } from '#adapters/system.ts';
import { FetchWebhookTransport } from '#adapters/webhooks/fetch-transport.ts';
import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import { kmsKid } from '#adapters/webhooks/kms-kid.ts';
import { KmsWebhookSigner } from '#adapters/webhooks/kms-signer.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWebhookConfig } from '#config/webhook-config.ts';
import type { Clock } from '#ports/cases.ts';
import type { WebhookSigner, WebhookTransport } from '#ports/channels.ts';
import type { deliverDueWebhooks } from '#usecases/webhooks.ts';
import { awsClients, type AwsClients } from './clients.ts';

type SweepDeps = Parameters<typeof deliverDueWebhooks>[0];

/** The webhook sweep's composition (the scheduled function, and the local stack's interval). */
export function buildWebhookSweepDeps(input: { readonly aws: AwsClients; readonly tableName: string; readonly signer: WebhookSigner; readonly clock: Clock; readonly transport?: WebhookTransport }): SweepDeps {
  const dynamo = input.aws.get(DynamoDBClient, 'dynamodb');
  return {
    outbox: new DynamoWebhookOutbox(dynamo, input.tableName),
    signer: input.signer,
    transport: input.transport ?? new FetchWebhookTransport(),
    repo: new DynamoCaseRepository(dynamo, input.tableName),
    clock: input.clock,
  };
}

/** On AWS: signed by the KMS key by default, else by the operator-held keys. */
export function webhooksFromEnv(): { deps: SweepDeps; batch: number } {
  const mail = loadMailConfig();
  const webhooks = loadWebhookConfig();
  const aws = awsClients(mail);
  const signer = webhooks.kmsKeyId ? new KmsWebhookSigner(() => import('@aws-sdk/client-kms').then(({ KMSClient }) => aws.get(KMSClient, 'kms')), webhooks.kmsKeyId, kmsKid(webhooks.kmsKeyId)) : new JoseWebhookSigner(webhooks.signingKeys);
  return { deps: buildWebhookSweepDeps({ aws, tableName: mail.tableName, signer, clock: systemClock }), batch: webhooks.batch };
}
