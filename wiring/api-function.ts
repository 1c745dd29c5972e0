import { loadOnce } from '#domain/load-once.ts';
import { kmsKid } from '#adapters/webhooks/kms-kid.ts';
import { sesReadiness } from '#adapters/ses/readiness.ts';
import { sfnReadiness } from '#adapters/sfn/readiness.ts';
import { loadWebhookConfig, type WebhookConfig } from '#config/webhook-config.ts';
import { lazySfnClient } from './workflow-engine.ts';
import type { ApiConfig } from '#config/api-config.ts';
import type { LetterConfig } from '#config/letter-config.ts';
import type { ApiDeps, WebhookJwks } from '#http/deps.ts';
import { apiDepsFromEnv } from './api.ts';
import type { AwsClients } from './clients.ts';

// A module of its own so the console's bundle (wiring/console.ts uses api.ts) carries neither the
// KMS JWKS nor the /readyz checks, and its role needs none of their grants.

/**
 * The API function alone serves the webhook JWKS (the console's bundle stays free of KMS) and
 * `/readyz` (API Gateway routes only `/console/*` pages to the console function); `extend` adds
 * what only the API carries (the register and evidence packs), on the same config and clients.
 * Each configuration is read and validated once, here at init.
 */
export function apiFromEnv(extend?: (config: ApiConfig, aws: AwsClients, loaded: { readonly webhooks: WebhookConfig; readonly letters: LetterConfig }) => Partial<ApiDeps>): ApiDeps {
  const { config, configs, deps, aws } = apiDepsFromEnv();
  const workflows = configs.workflows;
  const sfn = workflows ? lazySfnClient(workflows) : undefined;
  const webhooks = loadWebhookConfig();
  return {
    ...deps,
    webhookJwks: webhookJwksFor(webhooks, aws),
    readiness: {
      // SES loads on the first /readyz, not at init (client-source.ts).
      mailSender: sesReadiness(() => import('@aws-sdk/client-sesv2').then(({ SESv2Client }) => aws.get(SESv2Client, 'ses'))),
      ...(workflows && sfn ? { workflows: sfnReadiness(sfn, workflows.arns.caseWorkflow) } : {}),
    },
    ...(extend?.(config, aws, { webhooks, letters: configs.letters }) ?? {}),
  };
}

/** The KMS key's public half (fetched once per container, again after a failure), else the configured JWKS. */
function webhookJwksFor(webhooks: WebhookConfig, aws: AwsClients): ApiDeps['webhookJwks'] {
  const keyId = webhooks.kmsKeyId;
  if (!keyId) return webhooks.jwks;
  // KMS and the key's PEM import load on first use: one read per container, and the client costs every cold start.
  return loadOnce<WebhookJwks>(() =>
    Promise.all([import('@aws-sdk/client-kms'), import('#adapters/webhooks/kms-jwks.ts')]).then(([{ KMSClient }, { kmsWebhookJwks }]) =>
      kmsWebhookJwks(aws.get(KMSClient, 'kms'), keyId, kmsKid(keyId)),
    ),
  );
}
