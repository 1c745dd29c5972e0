import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ClientSource } from '#adapters/client-source.ts';
import type { MailConfig } from '#config/mail-config.ts';
import type { Mailer } from '#ports/cases.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { DynamoNoticeOutbox } from '#adapters/dynamodb/notice-outbox.ts';
import { DynamoPrintQueue } from '#adapters/dynamodb/print-queue.ts';
import { DynamoValidationReportStore } from '#adapters/dynamodb/validation-report-store.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';
import { withNotifier, type MailAdapters, type MailExtras } from './mail-adapters.ts';

export type { MailAdapters } from './mail-adapters.ts';

/**
 * The channels' adapters over given clients, made now, for the inbound handler and the workflow
 * steps (whose requests mostly use them; the HTTP functions make theirs on first use: http-mail.ts):
 * the message store, the buckets, the print queue, and the notifier that routes each notice by the
 * case's channel (e-mail; letters for post and in person when a renderer is given). Answers publish
 * large attachments as links when `downloads` is given.
 */
export function buildMailAdapters(
  config: MailConfig,
  /** S3 may be given as its maker, so the SDK package loads on first use (client-source.ts). */
  clients: { dynamo: DynamoDBClient; s3: ClientSource<S3Client>; mailer: Mailer },
  tenants?: TenantRegistry,
  /** Workflow steps pass `downloads` (the API never sends answers, so the presigner stays out of its bundle); `renderer` makes letters. */
  extras: MailExtras = {},
): MailAdapters {
  const stores = {
    messages: new DynamoMessageStore(clients.dynamo, config.tableName),
    outbox: new DynamoNoticeOutbox(clients.dynamo, config.tableName),
    inboundMail: new S3BlobStore(clients.s3, config.inboundBucket),
    evidence: new S3BlobStore(clients.s3, config.evidenceBucket),
    validationReports: new DynamoValidationReportStore(clients.dynamo, config.tableName),
    printQueue: new DynamoPrintQueue(clients.dynamo, config.tableName),
  };
  return withNotifier(config, stores, clients.mailer, tenants, extras);
}
