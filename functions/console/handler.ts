import { handle } from 'hono/aws-lambda';
import { createConsoleApp } from '#http/console/app.ts';
import { consoleFromEnv } from '#wiring/console.ts';

/**
 * API Gateway routes `/console` and `/console/*` (but not `/console/api/*`) here: the staff
 * console's pages, signed in through Cognito. Wiring: wiring/console.ts (the API's deps are made
 * by the first request that needs them).
 */
const { base, loadDeps, ui } = consoleFromEnv();
export const handler = handle(createConsoleApp(base, loadDeps, ui));
