import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ClientSource } from '#adapters/client-source.ts';
import { lazyAdapter } from '#adapters/lazy-adapter.ts';
import type { MailConfig } from '#config/mail-config.ts';
import type { Mailer, NoticeOutbox } from '#ports/cases.ts';
import type { PrintQueue } from '#ports/channels.ts';
import type { MessageStore } from '#ports/mail.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';
import type { TenantRegistry } from '#tenants/registry.ts';
import { S3BlobStore } from '#adapters/s3/blob-store.ts';
import { withNotifier, type MailAdapters, type MailExtras } from './mail-adapters.ts';

/**
 * The channels' adapters for the HTTP functions (the API, the console, fulfilment, the local
 * server): the same as mail.ts `buildMailAdapters`, with the DynamoDB stores made on their first
 * call (lazyAdapter). Their usual first requests (a partner's intake, whose acknowledgement the
 * workflow sends; a console page; a task page) call none of them, and the four modules were ~7 KB
 * of each init (issue 15). The buckets' adapters are a few hundred bytes over a lazy S3 client.
 */
export function lazyMailAdapters(config: MailConfig, clients: { dynamo: DynamoDBClient; s3: ClientSource<S3Client>; mailer: Mailer }, tenants?: TenantRegistry, extras: MailExtras = {}): MailAdapters {
  const { dynamo, s3 } = clients;
  const table = config.tableName;
  const stores = {
    messages: lazyAdapter<MessageStore>(() => import('./deferred-stores.ts').then((m) => new m.DynamoMessageStore(dynamo, table)), { addMessage: true, listMessages: true, findCaseByMessageIds: true, replaceMessage: true, flag: true, listFlagged: true }),
    outbox: lazyAdapter<NoticeOutbox>(() => import('./deferred-stores.ts').then((m) => new m.DynamoNoticeOutbox(dynamo, table)), { claim: true, markSent: true, release: true, listDue: true, countUnsent: true }),
    inboundMail: new S3BlobStore(s3, config.inboundBucket),
    evidence: new S3BlobStore(s3, config.evidenceBucket),
    validationReports: lazyAdapter<ValidationReportStore>(() => import('./deferred-stores.ts').then((m) => new m.DynamoValidationReportStore(dynamo, table)), { save: true, list: true, xml: true }),
    printQueue: lazyAdapter<PrintQueue>(() => import('./deferred-stores.ts').then((m) => new m.DynamoPrintQueue(dynamo, table)), { add: true, get: true, listQueued: true, markDispatched: true }),
  };
  return withNotifier(config, stores, clients.mailer, tenants, extras);
}
