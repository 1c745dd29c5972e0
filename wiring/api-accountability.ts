import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
import { JosePackSealer, KmsPackSealer } from '#adapters/evidence/pack-sealer.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { kmsKid } from '#adapters/webhooks/kms-jwks.ts';
import type { ApiConfig } from '#config/api-config.ts';
import { loadLetterConfig, type LetterConfig } from '#config/letter-config.ts';
import { loadWebhookConfig, type WebhookConfig } from '#config/webhook-config.ts';
import type { AccountabilityDeps } from '#http/staff-api/accountability-deps.ts';
import type { AwsClients } from './clients.ts';

/**
 * The register, evidence packs and legal holds for the API function only (a module of its own,
 * so the console's bundle carries none of it): packs are sealed with the webhook key (KMS, or
 * operator-held keys), which `/.well-known/jwks.json` already publishes; the register's PDF is
 * rendered by the letters function. Null when no signing key is configured. `loaded`: the
 * configurations the caller has already read (apiFromEnv), not parsed twice at init.
 */
export function accountabilityFromEnv(config: ApiConfig, aws: AwsClients, loaded: { readonly webhooks?: WebhookConfig; readonly letters?: LetterConfig } = {}): AccountabilityDeps | null {
  const webhooks = loaded.webhooks ?? loadWebhookConfig();
  const sealer = webhooks.kmsKeyId
    ? new KmsPackSealer(() => import('@aws-sdk/client-kms').then(({ KMSClient }) => aws.get(KMSClient, 'kms')), webhooks.kmsKeyId, kmsKid(webhooks.kmsKeyId))
    : Object.keys(webhooks.signingKeys).length > 0 ? new JosePackSealer(webhooks.signingKeys) : null;
  if (!sealer) return null;
  const letters = lambdaLetterRenderer((loaded.letters ?? loadLetterConfig()).functionName, config.region);
  return { receipts: new DynamoReceiptIndex(aws.get(DynamoDBClient, 'dynamodb'), config.tableName), sealer, ...(letters ? { letters } : {}) };
}
