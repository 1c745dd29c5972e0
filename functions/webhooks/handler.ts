import { deliverDueWebhooks } from '#usecases/webhooks.ts';
import { webhooksFromEnv } from '#wiring/webhooks.ts';

/**
 * The webhook retry sweep (EventBridge schedule, every minute; a DynamoDB stream on new delivery
 * items can invoke it too for near-immediate first attempts): signs and POSTs every due
 * delivery, records the outcome and schedules the next attempt. Wiring: wiring/webhooks.ts.
 */
const { deps, batch } = webhooksFromEnv();

export async function handler(): Promise<{ attempted: number; delivered: number }> {
  return deliverDueWebhooks(deps, { limit: batch });
}
