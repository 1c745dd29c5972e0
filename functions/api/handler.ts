import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { loadApiConfig } from '#config/api-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWebhookConfig } from '#config/webhook-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import { lazyHandler } from '#wiring/lazy-handler.ts';

/**
 * API Gateway (HTTP API, payload v2) → the partner API, the staff JSON API and the public
 * documents (functions/api/app.ts). Init checks the configuration (a missing or malformed
 * setting fails the init, naming it) and nothing else: the app, its adapters and the AWS SDK are
 * loaded by the first request, and each route group by its own first request (issue 15).
 */
loadApiConfig();
loadMailConfig();
loadLetterConfig();
loadWebhookConfig();
loadWorkflowEngineConfig();

export const handler = lazyHandler<LambdaEvent, LambdaContext, APIGatewayProxyResult>(() => import('./app.ts'));
