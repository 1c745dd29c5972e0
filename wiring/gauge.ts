import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { systemClock } from '#adapters/system.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import type { OverdueGaugeDeps } from '#usecases/overdue-gauge.ts';
import { awsClients } from './clients.ts';

/** The overdue gauge: the case store's open-queue index, per tenant. */
export function gaugeFromEnv(): OverdueGaugeDeps {
  const config = loadMailConfig();
  return { tenants: tenantRegistry, repo: new DynamoCaseRepository(awsClients(config).get(DynamoDBClient, 'dynamodb'), config.tableName), clock: systemClock };
}
