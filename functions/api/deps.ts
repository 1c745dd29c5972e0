import { KMSClient } from '@aws-sdk/client-kms';
import { buildApiDeps } from '#adapters/api-deps.ts';
import { kmsKid, kmsWebhookJwks } from '#adapters/webhooks/kms-signer.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { buildWorkflowEngine } from '#adapters/sfn/build-engine.ts';
import { loadApiConfig, type ApiConfig } from '#config/api-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWebhookConfig, type WebhookConfig } from '#config/webhook-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { ApiDeps, WebhookJwks } from '#http/deps.ts';

/**
 * The composition root of the two HTTP functions (the API, and the console pages): the same
 * adapters, so a console action and its JSON twin run the very same use case.
 */
export function lambdaApiDeps(): { config: ApiConfig; deps: ApiDeps } {
  const config = loadApiConfig();
  const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  return {
    config,
    deps: {
      ...buildApiDeps(config, undefined, loadMailConfig(), renderer ? { renderer } : {}),
      ...buildWorkflowEngine(loadWorkflowEngineConfig()),
      webhookJwks: webhookJwksFor(loadWebhookConfig(), config.region),
    },
  };
}

/** The KMS key's public half (fetched once per container, again after a failure), else the configured JWKS. */
function webhookJwksFor(webhooks: WebhookConfig, region: string): ApiDeps['webhookJwks'] {
  const keyId = webhooks.kmsKeyId;
  if (!keyId) return webhooks.jwks;
  let cached: Promise<WebhookJwks> | undefined;
  return () => {
    cached ??= kmsWebhookJwks(new KMSClient({ region }), keyId, kmsKid(keyId)).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}
