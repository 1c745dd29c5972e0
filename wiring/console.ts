import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoConsoleReadModel } from '#adapters/dynamodb/console-read-model.ts';
import { DynamoConsoleSessions } from '#adapters/dynamodb/console-sessions.ts';
import { DynamoStatisticsReader } from '#adapters/dynamodb/statistics-store.ts';
import { loadConsoleConfig, type ConsoleConfig } from '#config/console-config.ts';
import type { ApiDeps } from '#http/deps.ts';
import type { ConsoleUiDeps } from '#http/console/deps.ts';
import { apiClients, loadApiConfigs } from './api-configs.ts';
import type { AwsClients } from './clients.ts';

/**
 * The console pages' composition root: the API's deps plus sessions and the DynamoDB read model
 * behind the inbox counts and the dashboard. On AWS staff sign in through Cognito; the local stack
 * passes its development identity provider instead.
 */
export function buildConsoleUi(config: ConsoleConfig, aws: AwsClients, tableName: string, devIdp?: ConsoleUiDeps['devIdp']): ConsoleUiDeps {
  const dynamo = aws.get(DynamoDBClient, 'dynamodb');
  return {
    config,
    sessions: new DynamoConsoleSessions(dynamo, tableName),
    readModel: new DynamoConsoleReadModel(dynamo, tableName),
    statistics: new DynamoStatisticsReader(dynamo, tableName),
    ...(devIdp ? { devIdp } : {}),
  };
}

/**
 * The console function's composition: configuration validated and the session store made at init;
 * the API's deps (use cases' adapters, tenants, templates: api.ts) made by the first request that
 * needs them, from a chunk of their own (issue 15: the sign-in pages and the session check need none).
 */
export function consoleFromEnv(): { base: Pick<ApiDeps, 'limits'>; loadDeps: () => Promise<ApiDeps>; ui: ConsoleUiDeps } {
  const configs = loadApiConfigs();
  const aws = apiClients(configs);
  return {
    base: { limits: { maxBodyBytes: configs.api.maxBodyBytes } },
    loadDeps: () => import('./api.ts').then((m) => m.apiDepsWith(configs, aws)),
    ui: buildConsoleUi(loadConsoleConfig(), aws, configs.api.tableName),
  };
}
