import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { loadFormsConfig } from '#config/forms-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import { lazyHandler } from '#wiring/lazy-handler.ts';

/**
 * The public web form (API Gateway routes `/forms/*` here; functions/forms/app.ts). Init checks
 * the configuration (a missing or malformed setting fails the init, naming it); the form, its
 * adapters and the AWS SDK are loaded by the first request (issue 15).
 */
loadMailConfig();
loadFormsConfig();
if (!loadWorkflowEngineConfig()) throw new Error('The forms function needs CASE_WORKFLOW_ARN and DEADLINE_TIMER_ARN.');

export const handler = lazyHandler<LambdaEvent, LambdaContext, APIGatewayProxyResult>(() => import('./app.ts'));
