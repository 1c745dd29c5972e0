import * as z from 'zod/mini';
import { recordDelivery, recordDeliveryProblem } from '#usecases/record-delivery-problem.ts';
import { sesNotificationsFromEnv } from '#wiring/ses-notifications.ts';

/**
 * SES bounce, complaint and delivery notifications (configuration set event destination → SNS →
 * this Lambda): bounces and complaints flag the case, deliveries go on its audit trail. Other
 * notification types (Send, …) are ignored.
 */
const SesNotification = z.object({
  notificationType: z.optional(z.string()),
  eventType: z.optional(z.string()),
  mail: z.object({ messageId: z.string(), source: z.string(), timestamp: z.string() }),
  bounce: z.optional(z.object({ bounceType: z.string(), bounceSubType: z.optional(z.string()), bouncedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
  complaint: z.optional(z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })), complaintFeedbackType: z.optional(z.string()) })),
  delivery: z.optional(z.object({ timestamp: z.string(), recipients: z.array(z.string()) })),
});
const SnsEvent = z.object({ Records: z.array(z.object({ Sns: z.object({ Message: z.string(), Timestamp: z.string() }) })) });

type Deps = Parameters<typeof recordDeliveryProblem>[0];

export function createSesNotificationHandler(deps: Deps) {
  return async (event: unknown): Promise<{ flagged: number; delivered: number }> => {
    let flagged = 0;
    let delivered = 0;
    for (const record of SnsEvent.parse(event).Records) {
      const n = SesNotification.parse(JSON.parse(record.Sns.Message));
      const type = n.notificationType ?? n.eventType;
      if (type === 'Bounce' && n.bounce) {
        await recordDeliveryProblem(deps, {
          kind: 'bounce',
          providerMessageId: n.mail.messageId,
          source: n.mail.source,
          recipients: n.bounce.bouncedRecipients.map((r) => r.emailAddress),
          at: new Date(record.Sns.Timestamp),
          detail: [n.bounce.bounceType, n.bounce.bounceSubType].filter(Boolean).join('/'),
        });
        flagged++;
      } else if (type === 'Complaint' && n.complaint) {
        await recordDeliveryProblem(deps, {
          kind: 'complaint',
          providerMessageId: n.mail.messageId,
          source: n.mail.source,
          recipients: n.complaint.complainedRecipients.map((r) => r.emailAddress),
          at: new Date(record.Sns.Timestamp),
          detail: n.complaint.complaintFeedbackType ?? 'complaint',
        });
        flagged++;
      } else if (type === 'Delivery' && n.delivery) {
        const at = new Date(n.delivery.timestamp);
        await recordDelivery(deps, { providerMessageId: n.mail.messageId, source: n.mail.source, recipients: n.delivery.recipients, at: Number.isNaN(at.getTime()) ? new Date(record.Sns.Timestamp) : at });
        delivered++;
      }
    }
    return { flagged, delivered };
  };
}

let lambdaHandler: ReturnType<typeof createSesNotificationHandler> | undefined;

/** The Lambda entry point; configuration is validated on the first event of a container. */
export const handler = (event: unknown) => {
  if (!lambdaHandler) {
    lambdaHandler = createSesNotificationHandler(sesNotificationsFromEnv());
  }
  return lambdaHandler(event);
};
