import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { SesMailer } from '#adapters/ses/mailer.ts';
import { systemClock } from '#adapters/system.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadFulfilmentConfig } from '#config/fulfilment-config.ts';
import type { CaseRepository, Clock, Mailer } from '#ports/cases.ts';
import { tenantRegistry, type TenantRegistry } from '#tenants/registry.ts';
import { awsClients } from './clients.ts';

export interface TaskDigestDeps {
  readonly repo: CaseRepository;
  readonly tenants: TenantRegistry;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly consoleUrl?: string;
}

/** The daily digest's composition root (EventBridge, daily): open cases by index, mail through SES. */
export function taskDigestFromEnv(): TaskDigestDeps {
  const config = loadMailConfig();
  const aws = awsClients(config);
  const fulfilment = loadFulfilmentConfig();
  return {
    repo: new DynamoCaseRepository(aws.get(DynamoDBClient, 'dynamodb'), config.tableName),
    tenants: tenantRegistry,
    mailer: new SesMailer(() => import('@aws-sdk/client-sesv2').then(({ SESv2Client }) => aws.get(SESv2Client, 'ses')), config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {}),
    clock: systemClock,
    ...(fulfilment.consoleUrl ? { consoleUrl: fulfilment.consoleUrl } : {}),
  };
}
