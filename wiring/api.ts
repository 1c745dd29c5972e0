import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
import { JosePackSealer, KmsPackSealer } from '#adapters/evidence/pack-sealer.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { kmsKid, kmsWebhookJwks } from '#adapters/webhooks/kms-jwks.ts';
import { loadApiConfig, type ApiConfig } from '#config/api-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWebhookConfig, type WebhookConfig } from '#config/webhook-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { ApiDeps, WebhookJwks } from '#http/deps.ts';
import { awsClients, type AwsClients } from './clients.ts';
import { buildApiDeps } from './http-deps.ts';
import { buildWorkflowEngine } from './workflow-engine.ts';

/**
 * The API function's composition root (partner API, staff JSON API, public documents) and the
 * console's, which shares it: the same adapters, so a console action and its JSON twin run the
 * very same use case. Config and clients are built once per container.
 */
export function apiDepsFromEnv(): { config: ApiConfig; deps: ApiDeps; aws: AwsClients } {
  const config = loadApiConfig();
  const mail = loadMailConfig();
  const aws = awsClients({ ...config, ...(mail.s3Endpoint ? { s3Endpoint: mail.s3Endpoint } : {}) });
  const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  return {
    config,
    aws,
    deps: {
      ...buildApiDeps(config, undefined, mail, renderer ? { renderer } : {}, aws),
      ...buildWorkflowEngine(loadWorkflowEngineConfig()),
    },
  };
}

/**
 * The API function alone serves the webhook JWKS and seals evidence packs with the same key (the
 * console's bundle stays free of KMS); the register's PDF summary is rendered by the letters function.
 */
export function apiFromEnv(): ApiDeps {
  const { config, deps, aws } = apiDepsFromEnv();
  const webhooks = loadWebhookConfig();
  const sealer = webhooks.kmsKeyId
    ? new KmsPackSealer(aws.get(KMSClient, 'kms'), webhooks.kmsKeyId, kmsKid(webhooks.kmsKeyId))
    : Object.keys(webhooks.signingKeys).length > 0 ? new JosePackSealer(webhooks.signingKeys) : null;
  const letters = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  return {
    ...deps,
    webhookJwks: webhookJwksFor(webhooks, aws),
    ...(sealer
      ? { accountability: { receipts: new DynamoReceiptIndex(aws.get(DynamoDBClient, 'dynamodb'), config.tableName), sealer, ...(letters ? { letters } : {}) } }
      : {}),
  };
}

/** The KMS key's public half (fetched once per container, again after a failure), else the configured JWKS. */
function webhookJwksFor(webhooks: WebhookConfig, aws: AwsClients): ApiDeps['webhookJwks'] {
  const keyId = webhooks.kmsKeyId;
  if (!keyId) return webhooks.jwks;
  let cached: Promise<WebhookJwks> | undefined;
  return () => {
    cached ??= kmsWebhookJwks(aws.get(KMSClient, 'kms'), keyId, kmsKid(keyId)).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}
