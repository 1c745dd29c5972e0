import { handle } from 'hono/aws-lambda';
import { createApp } from '#http/app.ts';
import { lambdaApiDeps } from './deps.ts';

/**
 * API Gateway (HTTP API, payload v2) → the partner API, the staff JSON API and the public
 * documents. The console pages are their own function (functions/console). Config and clients
 * are built once per container.
 */
export const handler = handle(createApp(lambdaApiDeps().deps));
