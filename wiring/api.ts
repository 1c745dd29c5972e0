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
      ...withWorkflowAcknowledgements(buildWorkflowEngine(loadWorkflowEngineConfig())),
    },
  };
}

/** With workflows, the intake step sends e-mail acknowledgements (composeWorkflowDeps gives it the outbox). */
function withWorkflowAcknowledgements(engine: ReturnType<typeof buildWorkflowEngine>): ReturnType<typeof buildWorkflowEngine> & { acknowledgeInWorkflow?: boolean } {
  return engine.workflows ? { ...engine, acknowledgeInWorkflow: true } : engine;
}

/** The API function alone serves the webhook JWKS (the console's bundle stays free of KMS). */
export function apiFromEnv(): ApiDeps {
  const { deps, aws } = apiDepsFromEnv();
  return { ...deps, webhookJwks: webhookJwksFor(loadWebhookConfig(), aws) };
}

/** The KMS key's public half (fetched once per container, again after a failure), else the configured JWKS. */
function webhookJwksFor(webhooks: WebhookConfig, aws: AwsClients): ApiDeps['webhookJwks'] {
  const keyId = webhooks.kmsKeyId;
  if (!keyId) return webhooks.jwks;
  let cached: Promise<WebhookJwks> | undefined;
  return () => {
    // KMS is loaded on first use: one read per container, and the client costs every cold start.
    cached ??= import('@aws-sdk/client-kms')
      .then(({ KMSClient }) => kmsWebhookJwks(aws.get(KMSClient, 'kms'), keyId, kmsKid(keyId)))
      .catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
    return cached;
  };
}
