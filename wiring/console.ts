import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoConsoleReadModel } from '#adapters/dynamodb/console-read-model.ts';
import { DynamoConsoleSessions } from '#adapters/dynamodb/console-sessions.ts';
import { DynamoStatisticsReader } from '#adapters/dynamodb/statistics-store.ts';
import { loadConsoleConfig, type ConsoleConfig } from '#config/console-config.ts';
import type { ApiDeps } from '#http/deps.ts';
import type { ConsoleUiDeps } from '#http/console/deps.ts';
import { apiDepsFromEnv } from './api.ts';
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

export function consoleFromEnv(): { deps: ApiDeps; ui: ConsoleUiDeps } {
  const { config, deps, aws } = apiDepsFromEnv();
  return { deps, ui: buildConsoleUi(loadConsoleConfig(), aws, config.tableName) };
}
