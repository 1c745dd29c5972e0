import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { loadApiConfig } from '#config/api-config.ts';
import { loadConsoleConfig } from '#config/console-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import { lazyHandler } from '#wiring/lazy-handler.ts';

/**
 * API Gateway routes `/console` and `/console/*` (but not `/console/api/*`) here: the staff
 * console's pages (functions/console/app.ts). Init checks the configuration (a missing or
 * malformed setting fails the init, naming it); the pages, their adapters and the AWS SDK are
 * loaded by the first request (issue 15).
 */
loadApiConfig();
loadMailConfig();
loadLetterConfig();
loadWorkflowEngineConfig();
loadConsoleConfig();

export const handler = lazyHandler<LambdaEvent, LambdaContext, APIGatewayProxyResult>(() => import('./app.ts'));
