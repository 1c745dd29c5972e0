import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { MimeEmailSender } from '#adapters/mail/mime-email-sender.ts';
import { PgDatabaseConnector } from '#adapters/postgres/pg-database-connector.ts';
import { S3AnswerFileStore } from '#adapters/s3/answer-file-store.ts';
import { systemClock } from '#adapters/system.ts';
import { kmsKid } from '#adapters/webhooks/kms-jwks.ts';
import { KmsWebhookSigner } from '#adapters/webhooks/kms-signer.ts';
import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import { FetchSignedRequests, JwksCallbackVerifier } from '#adapters/webhooks/signed-requests.ts';
import { loadConsoleConfig } from '#config/console-config.ts';
import { loadFulfilmentConfig, type FulfilmentConfig } from '#config/fulfilment-config.ts';
import { loadWebhookConfig } from '#config/webhook-config.ts';
import type { ConsoleUiDeps } from '#http/console/deps.ts';
import type { ApiDeps } from '#http/deps.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { apiDepsWith } from './api.ts';
import { apiClients, loadApiConfigs } from './api-configs.ts';
import { buildConsoleUi } from './console.ts';
import type { AwsClients } from './clients.ts';

/**
 * Fulfilment's connectors on AWS (docs/fulfilment.md): the registers, task data in the answers
 * bucket, PostgreSQL through `pg` (URLs from a Secrets Manager secret, the function in the
 * controller's network), the HTTP connector and Art. 19 API notices signed with the webhook key
 * (KMS, or operator-held keys), signed callbacks verified with each tenant's configured keys.
 */
export function buildFulfilment(deps: ApiDeps, config: FulfilmentConfig, aws: AwsClients, answersBucket: string): NonNullable<ApiDeps['fulfilment']> {
  const webhooks = loadWebhookConfig();
  const signer = webhooks.kmsKeyId ? new KmsWebhookSigner(() => import('@aws-sdk/client-kms').then(({ KMSClient }) => aws.get(KMSClient, 'kms')), webhooks.kmsKeyId, kmsKid(webhooks.kmsKeyId)) : Object.keys(webhooks.signingKeys).length > 0 ? new JoseWebhookSigner(webhooks.signingKeys) : null;
  return {
    registers: fulfilmentRegisters,
    data: new S3AnswerFileStore(() => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3')), answersBucket, systemClock),
    ...(Object.keys(config.databaseUrls).length > 0 ? { database: new PgDatabaseConnector(config.databaseUrls) } : {}),
    email: new MimeEmailSender(deps.mailer),
    ...(signer ? { http: new FetchSignedRequests(signer) } : {}),
    ...(Object.keys(config.callbackJwks).length > 0 ? { callbacks: new JwksCallbackVerifier(config.callbackJwks) } : {}),
  };
}

/** The fulfilment function: the API's deps with the connectors, and the console's session and register page deps. */
export function fulfilmentFromEnv(): { deps: ApiDeps; ui: ConsoleUiDeps } {
  // The API's configurations, parsed once and shared (the mail and letter ones were parsed twice).
  const configs = loadApiConfigs();
  const aws = apiClients(configs);
  const deps = apiDepsWith(configs, aws);
  const config = configs.api;
  const withFulfilment: ApiDeps = { ...deps, fulfilment: buildFulfilment(deps, loadFulfilmentConfig(), aws, configs.mail.answersBucket) };
  const letters = lambdaLetterRenderer(configs.letters.functionName, config.region);
  const ui: ConsoleUiDeps = {
    ...buildConsoleUi(loadConsoleConfig(), aws, config.tableName),
    register: { receipts: new DynamoReceiptIndex(aws.get(DynamoDBClient, 'dynamodb'), config.tableName), ...(letters ? { letters } : {}) },
  };
  return { deps: withFulfilment, ui };
}
