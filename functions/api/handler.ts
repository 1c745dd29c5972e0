import { handle } from 'hono/aws-lambda';
import { createApp } from '#http/app.ts';
import { apiFromEnv } from '#wiring/api-function.ts';
import { accountabilityFromEnv } from '#wiring/api-accountability.ts';

/**
 * API Gateway (HTTP API, payload v2) → the partner API, the staff JSON API and the public
 * documents (including the webhook JWKS, which only this function serves). The console pages
 * are their own function (functions/console). Wiring: wiring/api-function.ts (and for the register and
 * evidence packs: wiring/api-accountability.ts).
 */
export const handler = handle(
  createApp(
    apiFromEnv((config, aws, loaded) => {
      const accountability = accountabilityFromEnv(config, aws, loaded);
      return accountability ? { accountability } : {};
    }),
  ),
);
