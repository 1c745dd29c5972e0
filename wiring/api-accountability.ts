import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { lazyAdapter } from '#adapters/lazy-adapter.ts';
import type { PackSealer } from '#ports/accountability.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { kmsKid } from '#adapters/webhooks/kms-kid.ts';
import type { ApiConfig } from '#config/api-config.ts';
import { loadLetterConfig, type LetterConfig } from '#config/letter-config.ts';
import { loadWebhookConfig, type WebhookConfig } from '#config/webhook-config.ts';
import type { AccountabilityDeps } from '#http/staff-api/accountability-deps.ts';
import type { AwsClients } from './clients.ts';
import { lazyReceiptIndex } from './lazy-receipt-index.ts';

/**
 * The register, evidence packs and legal holds for the API function only (a module of its own,
 * so the console's bundle carries none of it): packs are sealed with the webhook key (KMS, or
 * operator-held keys), which `/.well-known/jwks.json` already publishes; the register's PDF is
 * rendered by the letters function. Null when no signing key is configured. `loaded`: the
 * configurations the caller has already read (apiFromEnv), not parsed twice at init.
 */
export function accountabilityFromEnv(config: ApiConfig, aws: AwsClients, loaded: { readonly webhooks?: WebhookConfig; readonly letters?: LetterConfig } = {}): AccountabilityDeps | null {
  const webhooks = loaded.webhooks ?? loadWebhookConfig();
  const kmsKeyId = webhooks.kmsKeyId;
  if (!kmsKeyId && Object.keys(webhooks.signingKeys).length === 0) return null;
  // The sealer and the receipt index are made on their first call (lazyAdapter): only the register
  // and evidence packs use them, never a partner's intake, the API's usual first request (issue 15).
  const sealer = lazyAdapter<PackSealer>(
    () =>
      import('#adapters/evidence/pack-sealer.ts').then((m) =>
        kmsKeyId ? new m.KmsPackSealer(() => import('@aws-sdk/client-kms').then(({ KMSClient }) => aws.get(KMSClient, 'kms')), kmsKeyId, kmsKid(kmsKeyId)) : new m.JosePackSealer(webhooks.signingKeys),
      ),
    { seal: true },
  );
  const receipts = lazyReceiptIndex(aws.get(DynamoDBClient, 'dynamodb'), config.tableName);
  const letters = lambdaLetterRenderer((loaded.letters ?? loadLetterConfig()).functionName, config.region);
  return { receipts, sealer, ...(letters ? { letters } : {}) };
}
