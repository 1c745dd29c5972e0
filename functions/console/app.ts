import { handle } from 'hono/aws-lambda';
import { createConsoleApp } from '#http/console/app.ts';
import { consoleFromEnv } from '#wiring/console.ts';

/**
 * API Gateway routes `/console` and `/console/*` (but not `/console/api/*`) here: the staff
 * console's pages, signed in through Cognito. Wiring: wiring/console.ts. Loaded by the first request (handler.ts).
 */
const { deps, ui } = consoleFromEnv();
export const handler = handle(createConsoleApp(deps, ui));
