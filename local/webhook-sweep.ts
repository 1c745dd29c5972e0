import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import { type TenantWebhookKey, type WebhookTransport } from '#ports/channels.ts';
import type { Clock } from '#ports/cases.ts';
import { deliverDueWebhooks } from '#usecases/webhooks.ts';
import { awsClients } from '#wiring/clients.ts';
import { buildWebhookSweepDeps } from '#wiring/webhooks.ts';
import { asFunction } from './iam/enforce.ts';

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
  /** Tests: a transport that trusts their local HTTPS partner's certificate; default: the runtime's fetch. */
  transport?: WebhookTransport;
  log?: (line: string) => void;
}): () => Promise<void> {
  const aws = awsClients({ region: options.region, dynamodbEndpoint: options.dynamodbEndpoint });
  const deps = buildWebhookSweepDeps({ aws, tableName: options.tableName, signer: new JoseWebhookSigner(options.keys), clock: options.clock, ...(options.transport ? { transport: options.transport } : {}) });
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    // Under the `webhooks` function's role, as the scheduled function on AWS.
    running = asFunction('webhooks', () => deliverDueWebhooks(deps, { limit: 25 }))
      .then((r) => r.attempted > 0 && options.log?.(`Webhooks        ${r.delivered}/${r.attempted} delivered`))
      .catch((error: unknown) => options.log?.(`Webhooks        sweep failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = null));
  }, options.intervalMs ?? 1_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    aws.destroy();
  };
}
