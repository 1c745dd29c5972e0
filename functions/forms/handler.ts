import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createFormsAppDeferred } from '#http/forms/forms-app.tsx';
import { formsFunctionFromEnv } from '#wiring/forms-function.ts';

/**
 * The public web form (API Gateway routes `/forms/*` here): its own function, unauthenticated,
 * with its own small bundle. Wiring: wiring/forms-function.ts (the deps beyond the form page are
 * made by the first request that needs them: wiring/forms.ts).
 */
const { page, loadDeps } = formsFunctionFromEnv();
const root = new Hono();
root.route('/forms', createFormsAppDeferred(page, loadDeps));

export const handler = handle(root);
