import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { randomIds, systemClock } from '#adapters/system.ts';
import type { ApiConfig } from '#config/api-config.ts';
import type { MailConfig } from '#config/mail-config.ts';
import type { LetterRenderer } from '#ports/channels.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import type { ApiDeps } from '#http/deps.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import { withWebhookOutbox } from '#usecases/webhooks.ts';
import { DynamoCaseRepository } from './dynamodb/case-repository.ts';
import { DynamoWebhookOutbox } from './dynamodb/webhook-outbox.ts';
import { JosePartnerAssertions } from './identity/jose-partner-assertions.ts';
import { buildMailAdapters, s3ClientFor } from './email-deps.ts';
import { S3AnswerFileStore } from './s3/answer-file-store.ts';
import { S3BlobEraser } from './s3/blob-eraser.ts';
import { SesMailer } from './ses/mailer.ts';

/**
 * The composition root shared by the Lambda handler and the local server: real adapters, with
 * endpoints pointed at the stand-ins when the config names them.
 */
export function buildApiDeps(
  config: ApiConfig,
  tenants: TenantRegistry = tenantRegistry,
  mail?: MailConfig,
  /** Letters for post / in-person cases (the `letters` function on AWS, pdf-lib in-process locally). */
  extras: { readonly renderer?: LetterRenderer } = {},
): ApiDeps {
  const dynamo = new DynamoDBClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) });
  const ses = new SESv2Client({ region: config.region, ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}) });
  const mailer = new SesMailer(ses, config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {});
  // With the e-mail configuration, acknowledgements go through the threaded notifier with evidence.
  const mailAdapters = mail ? buildMailAdapters(mail, { dynamo, s3: s3ClientFor(mail), mailer }, tenants, extras) : {};
  return {
    ...mailAdapters,
    tenants,
    // Public steps of `api` cases owe the partner a signed webhook: recorded in the same table, sent by the sweep.
    repo: withWebhookOutbox(new DynamoCaseRepository(dynamo, config.tableName), new DynamoWebhookOutbox(dynamo, config.tableName), systemClock),
    mailer,
    clock: systemClock,
    ids: randomIds,
    verifyPartnerToken: partnerTokenVerifier(config.auth),
    verifyStaffToken: staffTokenVerifier(config.auth),
    limits: { maxBodyBytes: config.maxBodyBytes },
    partnerAssertions: new JosePartnerAssertions(config.partnerAssertionKeys),
    // Identity-document scans are deleted from the evidence bucket once identity is decided.
    ...(mail ? { evidenceEraser: new S3BlobEraser(s3ClientFor(mail), mail.evidenceBucket), answerFiles: new S3AnswerFileStore(s3ClientFor(mail), mail.answersBucket, systemClock) } : {}),
  };
}
