import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handle } from 'hono/aws-lambda';
import { loadConsoleConfig } from '#config/console-config.ts';
import { DynamoConsoleReadModel } from '#adapters/dynamodb/console-read-model.ts';
import { createConsoleApp } from '#http/console/app.ts';
import { lambdaApiDeps } from '../api/deps.ts';

/**
 * API Gateway routes `/console` and `/console/*` (but not `/console/api/*`) here: the staff
 * console's pages, signed in through Cognito. Config and clients are built once per container.
 */
const { config, deps } = lambdaApiDeps();
const dynamo = new DynamoDBClient({ region: config.region, ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}) });

export const handler = handle(createConsoleApp(deps, { config: loadConsoleConfig(), readModel: new DynamoConsoleReadModel(dynamo, config.tableName) }));
