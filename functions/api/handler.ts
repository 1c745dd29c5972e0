import { handle } from 'hono/aws-lambda';
import { buildApiDeps } from '#adapters/api-deps.ts';
import { loadApiConfig } from '#config/api-config.ts';
import { buildWorkflowEngine } from '#adapters/sfn/build-engine.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import { createApp } from '#http/app.ts';

/** API Gateway (HTTP API, payload v2) → the Hono app. Config and clients are built once per container. */
const app = createApp({ ...buildApiDeps(loadApiConfig(), undefined, loadMailConfig()), ...buildWorkflowEngine(loadWorkflowEngineConfig()) });

export const handler = handle(app);
