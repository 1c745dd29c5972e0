import { handle } from 'hono/aws-lambda';
import { buildApiDeps } from '#adapters/api-deps.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { buildWorkflowEngine } from '#adapters/sfn/build-engine.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWebhookConfig } from '#config/webhook-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import { createApp } from '#http/app.ts';
import { loadOptionalConsoleConfig } from '#config/console-config.ts';
import { DynamoConsoleReadModel } from '#console/dynamodb-read-model.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** API Gateway (HTTP API, payload v2) → the Hono app. Config and clients are built once per container. */
const apiConfig = loadApiConfig();
const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, apiConfig.region);
const consoleConfig = loadOptionalConsoleConfig();
const consoleUi = consoleConfig && {
  config: consoleConfig,
  readModel: new DynamoConsoleReadModel(new DynamoDBClient({ region: apiConfig.region, ...(apiConfig.dynamodbEndpoint ? { endpoint: apiConfig.dynamodbEndpoint } : {}) }), apiConfig.tableName),
};
const app = createApp({
  ...buildApiDeps(apiConfig, undefined, loadMailConfig(), renderer ? { renderer } : {}),
  ...buildWorkflowEngine(loadWorkflowEngineConfig()),
  webhookJwks: loadWebhookConfig().jwks,
  ...(consoleUi ? { console: consoleUi } : {}),
});

export const handler = handle(app);
