import { handle } from 'hono/aws-lambda';
import { createFulfilmentApp } from '#http/fulfilment-app.ts';
import { fulfilmentFromEnv } from '#wiring/fulfilment.ts';

/**
 * API Gateway routes fulfilment here (docs/fulfilment.md): the staff API's task, notice and
 * answer-assembly routes, the HTTP connector's signed callbacks, the console's task pages and the
 * register download. It alone carries the connectors (pg, signed requests) and sits in the
 * controller's network when one is configured. Wiring: wiring/fulfilment.ts.
 */
const { deps, ui } = fulfilmentFromEnv();
export const handler = handle(createFulfilmentApp(deps, ui));
