import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomIds, systemClock } from '#adapters/system.ts';
import type { ApiConfig } from '#config/api-config.ts';
import type { MailConfig } from '#config/mail-config.ts';
import type { LetterRenderer, PdfCombiner } from '#ports/channels.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import type { ApiDeps } from '#http/deps.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import { withWebhookOutbox } from '#usecases/webhooks.ts';
import { DynamoCaseRepository, REFERENCE_BLOCK } from '#adapters/dynamodb/case-repository.ts';
import { DynamoWebhookOutbox } from '#adapters/dynamodb/webhook-outbox.ts';
import { lazyAdapter } from '#adapters/lazy-adapter.ts';
import type { InboundLedger } from '#domain/inbound-ledger.ts';
import type { AnswerFileStore } from '#ports/channels.ts';
import type { BlobEraser, PartnerAssertionVerifier } from '#ports/identity.ts';
import { awsClients, type AwsClients } from './clients.ts';
import { lazyMailAdapters } from './http-mail.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';

/**
 * The HTTP functions' shared composition (the API, the console pages, the local server): real
 * adapters over one set of clients, pointed at the stand-ins when the config names them.
 */
export function buildApiDeps(
  config: ApiConfig,
  tenants: TenantRegistry = tenantRegistry,
  mail?: MailConfig,
  /** Letters for post / in-person cases (the `letters` function on AWS, pdf-lib in-process locally). */
  extras: { readonly renderer?: LetterRenderer; readonly combiner?: PdfCombiner } = {},
  aws: AwsClients = awsClients({ ...config, ...(mail?.s3Endpoint ? { s3Endpoint: mail.s3Endpoint } : {}) }),
): ApiDeps {
  const dynamo = aws.get(DynamoDBClient, 'dynamodb');
  // S3 and SES serve rare paths here (evidence, erasure, answer files, mail the workflows mostly
  // send): their SDK packages load on the first request that needs them, not at every cold start.
  const ses = () => import('@aws-sdk/client-sesv2').then(({ SESv2Client }) => aws.get(SESv2Client, 'ses'));
  const s3 = () => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3'));
  const mailer = new SesMailer(ses, config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {});
  // With the e-mail configuration, acknowledgements go through the threaded notifier with evidence.
  const mailAdapters = mail ? lazyMailAdapters(mail, { dynamo, s3, mailer }, tenants, extras) : {};
  // Made on their first call (lazyAdapter): the staff routes' ledger, partners' identity assertions
  // (few requests carry one), ID-scan erasure and answer files. No function's usual first request
  // calls them, and their modules were ~8 KB of the API's and fulfilment's init (issue 15).
  const table = config.tableName;
  const eraser = (bucket: string) => lazyAdapter<BlobEraser>(() => import('./deferred-stores.ts').then((m) => new m.S3BlobEraser(s3, bucket)), { delete: true, deleteOlderVersions: true });
  return {
    ...mailAdapters,
    ...(extras.combiner ? { pdfCombiner: extras.combiner } : {}),
    tenants,
    // Public steps of `api` cases owe the partner a signed webhook: recorded in the same table, sent by the sweep.
    repo: withWebhookOutbox(new DynamoCaseRepository(dynamo, config.tableName, { referenceBlock: REFERENCE_BLOCK }), new DynamoWebhookOutbox(dynamo, config.tableName), systemClock),
    mailer,
    clock: systemClock,
    ids: randomIds,
    verifyPartnerToken: partnerTokenVerifier(config.auth),
    verifyStaffToken: staffTokenVerifier(config.auth),
    limits: { maxBodyBytes: config.maxBodyBytes },
    ledger: lazyAdapter<InboundLedger>(() => import('./deferred-stores.ts').then((m) => new m.DynamoInboundLedger(dynamo, table)), {
      record: true, get: true, claim: true, complete: true, fail: true, retry: true, listDue: true, listFailed: true, countPending: true,
    }),
    partnerAssertions: lazyAdapter<PartnerAssertionVerifier>(() => import('#adapters/identity/jose-partner-assertions.ts').then((m) => new m.JosePartnerAssertions(config.partnerAssertionKeys)), { verify: true }),
    // Identity-document scans are deleted from the evidence bucket once identity is decided.
    ...(mail
      ? {
          evidenceEraser: eraser(mail.evidenceBucket),
          inboundEraser: eraser(mail.inboundBucket),
          answerFiles: lazyAdapter<AnswerFileStore>(() => import('./deferred-stores.ts').then((m) => new m.S3AnswerFileStore(s3, mail.answersBucket, systemClock)), { uploadUrl: true, put: true, head: true, read: true }),
        }
      : {}),
  };
}
