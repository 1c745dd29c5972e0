import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import type { Mailer } from '#ports/cases.ts';
import { randomIds, systemClock } from '#adapters/system.ts';
import { createApp } from '#http/app.ts';
import { partnerTokenVerifier, staffTokenVerifier } from '#http/auth.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../local/tokens.ts';

/**
 * The benchmark's server process: the real API (in-memory repository, a mailer that only counts)
 * and a bare Hono hello-world behind the same node server, so both are measured under the very
 * same HTTP stack. Prints `{ port, token }` on its first stdout line.
 */
const issuer = await ephemeralIssuer();
let sent = 0;
const countingMailer: Mailer = { send: async () => ({ messageId: `bench-${++sent}` }) };
const api = createApp({
  tenants: tenantRegistry,
  repo: new InMemoryCaseRepository(),
  mailer: countingMailer,
  clock: systemClock,
  ids: randomIds,
  verifyPartnerToken: partnerTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
  verifyStaffToken: staffTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: issuer.jwks }),
  limits: { maxBodyBytes: 64 * 1024 },
  logError: (id, error) => console.error(id, error),
});
const hello = new Hono()
  .get('/hello', (c) => c.text('Hello Hono!'))
  // The floor for any JSON POST on this HTTP stack: read the body, parse it, answer 201.
  .post('/echo', async (c) => c.json(await c.req.json(), 201));

const server = serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: (request) => (/^\/(hello|echo)$/.test(new URL(request.url).pathname) ? hello.fetch(request) : api.fetch(request)),
});
server.once('listening', async () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ port, token: await issuer.mintPartnerToken({ tenant: 'gautora', ttlSeconds: 3600 }) }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
