import { KMSClient } from '@aws-sdk/client-kms';
import { handle } from 'hono/aws-lambda';
import { kmsKid, kmsWebhookJwks } from '#adapters/webhooks/kms-jwks.ts';
import { loadWebhookConfig, type WebhookConfig } from '#config/webhook-config.ts';
import { createApp } from '#http/app.ts';
import type { ApiDeps, WebhookJwks } from '#http/deps.ts';
import { lambdaApiDeps } from './deps.ts';

/**
 * API Gateway (HTTP API, payload v2) → the partner API, the staff JSON API and the public
 * documents (including the webhook JWKS, which only this function serves). The console pages
 * are their own function (functions/console). Config and clients are built once per container.
 */
const { config, deps } = lambdaApiDeps();
export const handler = handle(createApp({ ...deps, webhookJwks: webhookJwksFor(loadWebhookConfig(), config.region) }));

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
