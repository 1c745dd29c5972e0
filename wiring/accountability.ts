import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ClientSource } from '#adapters/client-source.ts';
import { DynamoCaseRecordEraser } from '#adapters/dynamodb/case-record-eraser.ts';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { DynamoReceiptIndex } from '#adapters/dynamodb/receipt-index.ts';
import { DynamoStatisticsStore } from '#adapters/dynamodb/statistics-store.ts';
import { S3BlobPurger } from '#adapters/s3/blob-purger.ts';
import { systemClock } from '#adapters/system.ts';
import { loadMailConfig, type MailConfig } from '#config/mail-config.ts';
import type { Clock } from '#ports/cases.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import type { AccountabilitySweepDeps } from '#usecases/accountability/sweep.ts';
import { awsClients, type AwsClients } from './clients.ts';

/**
 * The accountability sweep's composition root (EventBridge on AWS; the local stack's sweep and
 * the CLI): the case store, the receipt index, the erasers of the table and of each bucket.
 */
export function buildAccountabilitySweep(config: MailConfig, aws: AwsClients, clock: Clock = systemClock): AccountabilitySweepDeps {
  const dynamo = aws.get(DynamoDBClient, 'dynamodb');
  // S3 is made on the first purge (client-source.ts): most sweeps find nothing past its retention.
  const s3: ClientSource<S3Client> = () => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3'));
  return {
    tenants: tenantRegistry,
    clock,
    repo: new DynamoCaseRepository(dynamo, config.tableName),
    messages: new DynamoMessageStore(dynamo, config.tableName),
    receipts: new DynamoReceiptIndex(dynamo, config.tableName),
    statistics: new DynamoStatisticsStore(dynamo, config.tableName),
    records: new DynamoCaseRecordEraser(dynamo, config.tableName),
    blobs: { evidence: new S3BlobPurger(s3, config.evidenceBucket), answers: new S3BlobPurger(s3, config.answersBucket), inbound: new S3BlobPurger(s3, config.inboundBucket) },
  };
}

export function accountabilitySweepFromEnv(): AccountabilitySweepDeps {
  const config = loadMailConfig();
  return buildAccountabilitySweep(config, awsClients(config));
}
