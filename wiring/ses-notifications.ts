import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { DynamoMessageStore } from '#adapters/dynamodb/message-store.ts';
import { systemClock } from '#adapters/system.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import type { recordDeliveryProblem } from '#usecases/record-delivery-problem.ts';
import { awsClients } from './clients.ts';

/** SES's bounce, complaint and delivery notifications: the case store and its messages. */
export function sesNotificationsFromEnv(): Parameters<typeof recordDeliveryProblem>[0] {
  const config = loadMailConfig();
  const dynamo = awsClients(config).get(DynamoDBClient, 'dynamodb');
  return { tenants: tenantRegistry, repo: new DynamoCaseRepository(dynamo, config.tableName), messages: new DynamoMessageStore(dynamo, config.tableName), clock: systemClock };
}
