import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createFormsApp } from '#http/forms/forms-app.tsx';
import { formsFromEnv } from '#wiring/forms.ts';

/**
 * The public web form (API Gateway routes `/forms/*` here): its own function, unauthenticated,
 * with its own small bundle. Wiring: wiring/forms.ts. Loaded by the first request (handler.ts).
 */
const root = new Hono();
root.route('/forms', createFormsApp(formsFromEnv()));

export const handler = handle(root);
