import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { lazyAdapter } from '#adapters/lazy-adapter.ts';
import { systemClock } from '#adapters/system.ts';
// Only the kid (a static import keeps the JWKS reader, and its kms:GetPublicKey, out of this bundle).
import { kmsKid } from '#adapters/webhooks/kms-kid.ts';
import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import type { WebhookSigner } from '#ports/channels.ts';
import type { CallbackVerifier, DatabaseConnector, SignedRequests, TaskDataStore } from '#ports/fulfilment.ts';
import type { EmailSender } from '#ports/mail.ts';
import { loadConsoleConfig } from '#config/console-config.ts';
import { loadFulfilmentConfig, type FulfilmentConfig } from '#config/fulfilment-config.ts';
import { loadWebhookConfig } from '#config/webhook-config.ts';
import type { ConsoleUiDeps } from '#http/console/deps.ts';
import type { ApiDeps } from '#http/deps.ts';
import { fulfilmentRegisters } from '#tenants/fulfilment/registry.ts';
import { apiDepsFromEnv } from './api.ts';
import { buildConsoleUi } from './console.ts';
import { lazyReceiptIndex } from './lazy-receipt-index.ts';
import type { AwsClients } from './clients.ts';

/**
 * Fulfilment's connectors on AWS (docs/fulfilment.md): the registers, task data in the answers
 * bucket, PostgreSQL through `pg` (URLs from a Secrets Manager secret, the function in the
 * controller's network), the HTTP connector and Art. 19 API notices signed with the webhook key
 * (KMS, or operator-held keys), signed callbacks verified with each tenant's configured keys.
 */
export function buildFulfilment(deps: ApiDeps, config: FulfilmentConfig, aws: AwsClients, answersBucket: string): NonNullable<ApiDeps['fulfilment']> {
  const webhooks = loadWebhookConfig();
  const kmsKeyId = webhooks.kmsKeyId;
  const signer: (() => Promise<WebhookSigner>) | null = kmsKeyId
    ? () => import('#adapters/webhooks/kms-signer.ts').then((m) => new m.KmsWebhookSigner(() => import('@aws-sdk/client-kms').then(({ KMSClient }) => aws.get(KMSClient, 'kms')), kmsKeyId, kmsKid(kmsKeyId)))
    : Object.keys(webhooks.signingKeys).length > 0
      ? // Imported statically: a dynamic import would keep the module's key generation, and the jose code it uses, in the bundle's init.
        async () => new JoseWebhookSigner(webhooks.signingKeys)
      : null;
  // Every connector is made on its first call (lazyAdapter): the function's usual first request, a
  // handler opening a task page, calls none, and their modules (pg's connector, MIME composition,
  // the signers, the answers bucket's store, the register's index) were ~10 KB of each init (issue 15). Which connectors exist is
  // still decided here, from the configuration, as the pages and routes ask.
  return {
    registers: fulfilmentRegisters,
    data: lazyAdapter<TaskDataStore>(() => import('./deferred-stores.ts').then((m) => new m.S3AnswerFileStore(() => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3')), answersBucket, systemClock)), { put: true, read: true }),
    ...(Object.keys(config.databaseUrls).length > 0
      ? { database: lazyAdapter<DatabaseConnector>(() => import('#adapters/postgres/pg-database-connector.ts').then((m) => new m.PgDatabaseConnector(config.databaseUrls)), { read: true, erase: true }) }
      : {}),
    email: lazyAdapter<EmailSender>(() => import('#adapters/mail/mime-email-sender.ts').then((m) => new m.MimeEmailSender(deps.mailer)), { send: true }),
    ...(signer
      ? { http: lazyAdapter<SignedRequests>(() => Promise.all([import('#adapters/webhooks/signed-requests.ts'), signer()]).then(([m, s]) => new m.FetchSignedRequests(s)), { post: true }) }
      : {}),
    ...(Object.keys(config.callbackJwks).length > 0
      ? { callbacks: lazyAdapter<CallbackVerifier>(() => import('#adapters/webhooks/signed-requests.ts').then((m) => new m.JwksCallbackVerifier(config.callbackJwks)), { verify: true }) }
      : {}),
  };
}

/** The fulfilment function: the API's deps with the connectors, and the console's session and register page deps. */
export function fulfilmentFromEnv(): { deps: ApiDeps; ui: ConsoleUiDeps } {
  // The API's configurations, parsed once and shared (the mail and letter ones were parsed twice).
  const { config, configs, deps, aws } = apiDepsFromEnv();
  const withFulfilment: ApiDeps = { ...deps, fulfilment: buildFulfilment(deps, loadFulfilmentConfig(), aws, configs.mail.answersBucket) };
  const letters = lambdaLetterRenderer(configs.letters.functionName, config.region);
  const ui: ConsoleUiDeps = {
    ...buildConsoleUi(loadConsoleConfig(), aws, config.tableName),
    // The register download's index is made with the first download (lazyAdapter), not for each task page (issue 15).
    register: { receipts: lazyReceiptIndex(aws.get(DynamoDBClient, 'dynamodb'), config.tableName), ...(letters ? { letters } : {}) },
  };
  return { deps: withFulfilment, ui };
}
