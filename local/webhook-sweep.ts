import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoWebhookOutbox } from '#adapters/dynamodb/webhook-outbox.ts';
import { FetchWebhookTransport } from '#adapters/webhooks/fetch-transport.ts';
import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import { type TenantWebhookKey } from '#ports/channels.ts';
import type { Clock } from '#ports/cases.ts';
import { deliverDueWebhooks } from '#usecases/webhooks.ts';

/**
 * The local stand-in for the scheduled `webhooks` function: every `intervalMs` it runs one sweep
 * of the durable outbox (so a restart loses no retry: the due items are in DynamoDB). Sweeps never
 * overlap. Returns the stop function.
 */
export function startWebhookSweep(options: {
  dynamodbEndpoint: string;
  region: string;
  tableName: string;
  keys: Readonly<Record<string, TenantWebhookKey>>;
  clock: Clock;
  intervalMs?: number;
  log?: (line: string) => void;
}): () => Promise<void> {
  const dynamo = new DynamoDBClient({ region: options.region, endpoint: options.dynamodbEndpoint });
  const deps = {
    outbox: new DynamoWebhookOutbox(dynamo, options.tableName),
    signer: new JoseWebhookSigner(options.keys),
    transport: new FetchWebhookTransport(),
    repo: new DynamoCaseRepository(dynamo, options.tableName),
    clock: options.clock,
  };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = deliverDueWebhooks(deps, { limit: 25 })
      .then((r) => r.attempted > 0 && options.log?.(`Webhooks        ${r.delivered}/${r.attempted} delivered`))
      .catch((error: unknown) => options.log?.(`Webhooks        sweep failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = null));
  }, options.intervalMs ?? 1_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    dynamo.destroy();
  };
}
