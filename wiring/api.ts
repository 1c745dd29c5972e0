import { KMSClient } from '@aws-sdk/client-kms';
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
 * The API function alone serves the webhook JWKS (the console's bundle stays free of KMS);
 * `extend` adds what only the API carries, on the same config and clients.
 */
export function apiFromEnv(extend?: (config: ApiConfig, aws: AwsClients) => Partial<ApiDeps>): ApiDeps {
  const { config, deps, aws } = apiDepsFromEnv();
  return { ...deps, webhookJwks: webhookJwksFor(loadWebhookConfig(), aws), ...(extend?.(config, aws) ?? {}) };
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
