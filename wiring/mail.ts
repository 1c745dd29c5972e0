import { loadOnce } from '#domain/load-once.ts';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ClientSource } from '#adapters/client-source.ts';
import type { MailConfig } from '#config/mail-config.ts';
import type { AnswerDownloads, LetterRenderer, PrintQueue } from '#ports/channels.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';
import type { Clock, Mailer, NoticeOutbox, SubjectNotifier } from '#ports/cases.ts';
import { systemClock } from '#adapters/system.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { DynamoNoticeOutbox } from '#adapters/dynamodb/notice-outbox.ts';
import { DynamoPrintQueue } from '#adapters/dynamodb/print-queue.ts';
import { DynamoValidationReportStore } from '#adapters/dynamodb/validation-report-store.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';

export interface MailAdapters {
  readonly messages: MessageStore;
  readonly inboundMail: BlobStore;
  readonly evidence: BlobStore;
  /** ETSI validation reports of the signed files judged at intake, kept with each case. */
  readonly validationReports: ValidationReportStore;
  readonly printQueue: PrintQueue;
  readonly notifier: SubjectNotifier;
  /** Claim → send → record for acknowledgements (one per case, whoever sends it). */
  readonly outbox: NoticeOutbox;
}

/**
 * The channels' adapters over given clients, shared by the API, the inbound handler and the
 * workflow steps: the message store, the buckets, the print queue, and the notifier that routes
 * each notice by the case's channel (e-mail; letters for post and in person when a renderer is
 * given). Answers publish large attachments as links when `downloads` is given.
 */
export function buildMailAdapters(
  config: MailConfig,
  /** S3 may be given as its maker, so the API and console load the SDK package on first use (client-source.ts). */
  clients: { dynamo: DynamoDBClient; s3: ClientSource<S3Client>; mailer: Mailer },
  tenants: TenantRegistry = tenantRegistry,
  /** Workflow steps pass `downloads` (the API never sends answers, so the presigner stays out of its bundle); `renderer` makes letters. */
  extras: { readonly downloads?: AnswerDownloads; readonly renderer?: LetterRenderer; readonly clock?: Clock } = {},
): MailAdapters {
  const clock = extras.clock ?? systemClock;
  const messages = new DynamoMessageStore(clients.dynamo, config.tableName);
  const evidence = new S3BlobStore(clients.s3, config.evidenceBucket);
  const printQueue = new DynamoPrintQueue(clients.dynamo, config.tableName);
  // The notifier (notice templates, MIME composition, channel routing) is loaded with the first notice
  // sent, not at init: most of the API's and the console's requests send none (issue 15).
  const notifierNow = loadOnce<SubjectNotifier>(() =>
    Promise.all([import('#usecases/notify-subject.ts'), import('#usecases/channel-notifier.ts'), import('#adapters/mail/mime-email-sender.ts')]).then(
      ([{ createSubjectNotifier }, { createChannelNotifier }, { MimeEmailSender }]) =>
        createChannelNotifier({
          email: createSubjectNotifier({
            tenants,
            messages,
            email: new MimeEmailSender(clients.mailer),
            evidence,
            clock,
            ...(extras.downloads ? { downloads: extras.downloads } : {}),
            attachmentLimitBytes: config.attachmentLimitBytes,
          }),
          ...(extras.renderer ? { letters: { tenants, renderer: extras.renderer, printQueue, evidence, messages, clock } } : {}),
        }),
    ),
  );
  return {
    messages,
    outbox: new DynamoNoticeOutbox(clients.dynamo, config.tableName),
    inboundMail: new S3BlobStore(clients.s3, config.inboundBucket),
    evidence,
    validationReports: new DynamoValidationReportStore(clients.dynamo, config.tableName),
    printQueue,
    notifier: { notify: async (c, notice) => (await notifierNow()).notify(c, notice) },
  };
}
