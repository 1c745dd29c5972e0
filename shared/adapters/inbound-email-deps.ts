import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailConfig } from '#config/mail-config.ts';
import type { CaseRepository } from '#ports/cases.ts';
import { randomIds, systemClock } from '#adapters/system.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import type { ReceiveEmailDeps } from '#usecases/receive-email.ts';
import { DynamoCaseRepository } from './dynamodb/case-repository.ts';
import { buildMailAdapters, s3ClientFor, type MailAdapters } from './email-deps.ts';
import { PostalMimeParser } from './mail/postal-mime-parser.ts';
import { SesMailer } from './ses/mailer.ts';

// Kept apart from email-deps.ts so the API bundle never pulls in the MIME parser (and its charset tables).
/** The inbound e-mail handler's composition root (Lambda and the local SMTP listener alike). */
export function buildReceiveEmailDeps(config: MailConfig, tenants: TenantRegistry = tenantRegistry): ReceiveEmailDeps & MailAdapters {
  const dynamo = new DynamoDBClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) });
  const ses = new SESv2Client({ region: config.region, ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}) });
  const mailer = new SesMailer(ses, config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {});
  const repo: CaseRepository = new DynamoCaseRepository(dynamo, config.tableName);
  const adapters = buildMailAdapters(config, { dynamo, s3: s3ClientFor(config), mailer }, tenants);
  return { ...adapters, tenants, repo, mailer, clock: systemClock, ids: randomIds, parser: new PostalMimeParser() };
}
