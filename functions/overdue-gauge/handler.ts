import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { publishOverdueGauge } from '#adapters/metrics/overdue-metric.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { systemClock } from '#adapters/system.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { measureOverdue, type OverdueGauge } from '#usecases/overdue-gauge.ts';

/**
 * The overdue gauge (EventBridge schedule, every 5 minutes): counts each tenant's open cases past
 * their due date and publishes the counts as the `CasesOverdue` metric the alarm watches.
 */
const config = loadMailConfig();
const dynamo = new DynamoDBClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) });
const deps = { tenants: tenantRegistry, repo: new DynamoCaseRepository(dynamo, config.tableName), clock: systemClock };

export async function handler(): Promise<OverdueGauge> {
  const gauge = await measureOverdue(deps);
  publishOverdueGauge(gauge);
  return gauge;
}
