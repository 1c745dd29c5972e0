import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { MailConfig } from '#config/mail-config.ts';
import type { BlobStore, MessageStore } from '#domain/mail.ts';
import { systemClock, type Mailer, type SubjectNotifier } from '#domain/ports.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import { createSubjectNotifier } from '#usecases/notify-subject.ts';
import { DynamoMessageStore } from './dynamodb/message-store.ts';
import { MimeEmailSender } from './mail/mime-email-sender.ts';
import { S3BlobStore } from './s3/blob-store.ts';

export interface MailAdapters {
  readonly messages: MessageStore;
  readonly inboundMail: BlobStore;
  readonly evidence: BlobStore;
  readonly notifier: SubjectNotifier;
}

/** S3 clients for the stand-in need path-style addressing and no streaming checksums (see local/services/s3-local.ts). */
export function s3ClientFor(config: Pick<MailConfig, 'region' | 's3Endpoint'>): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
}

/** The e-mail channel's adapters over given clients: shared by the API and the inbound handler. */
export function buildMailAdapters(
  config: MailConfig,
  clients: { dynamo: DynamoDBClient; s3: S3Client; mailer: Mailer },
  tenants: TenantRegistry = tenantRegistry,
): MailAdapters {
  const messages = new DynamoMessageStore(clients.dynamo, config.tableName);
  const evidence = new S3BlobStore(clients.s3, config.evidenceBucket);
  return {
    messages,
    inboundMail: new S3BlobStore(clients.s3, config.inboundBucket),
    evidence,
    notifier: createSubjectNotifier({ tenants, messages, email: new MimeEmailSender(clients.mailer), evidence, clock: systemClock }),
  };
}
