import { readFile } from 'node:fs/promises';
import { ephemeralIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../local/tokens.ts';
import { signSession } from '#http/console/session.ts';
import { identityFixtures } from '../tests/support/identity-fixtures.ts';
import { BENCH_WAITING_CASE } from './cold-seed.ts';
import type { JSONWebKeySet } from 'jose';

/**
 * The first invocation `npm run bench:cold` gives each bundle after its init: the request the
 * function most often serves, with the inputs it gets on AWS, against the AWS stub (cold-stub.ts).
 * Where the real request needs a stored case (workflow steps, the fulfilment task page), it
 * works on the case seeded into the stub before the runs (cold-seed.ts: a partner's intake as
 * the API stores it), so it does the real work, not just a not-found answer.
 */
export interface FirstRequest {
  /** The bundle's export to invoke. */
  readonly handler: string;
  readonly event: unknown;
  /** What the answer is expected to say, checked so a broken request cannot pass for a fast one. */
  readonly expect: string;
}

export const CONSOLE_SESSION_SECRET = 'YmVuY2gtc2Vzc2lvbi1zZWNyZXQtYmVuY2gtc2Vzc2lvbi1zZWNyZXQtMDE';

function httpEvent(method: string, path: string, headers: Record<string, string>, body?: string): Record<string, unknown> {
  const [rawPath = '/', rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: 'privacy.example.lt', 'user-agent': 'bench', ...headers },
    ...(headers.cookie ? { cookies: headers.cookie.split('; ') } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'rightsdesk',
      domainName: 'privacy.example.lt',
      domainPrefix: 'privacy',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'bench' },
      requestId: 'bench-request',
      routeKey: '$default',
      stage: '$default',
      time: '05/Dec/2026:10:15:00 +0000',
      timeEpoch: Date.now(),
    },
    ...(body === undefined ? {} : { body, isBase64Encoded: false }),
  };
}

const scheduled = { version: '0', id: 'bench', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '123456789012', time: new Date().toISOString(), region: 'eu-central-1', resources: [], detail: {} };

/** The issuer's keys (served by the stub at /.well-known/jwks.json) and each bundle's first request. */
export async function firstRequests(): Promise<{ jwks: JSONWebKeySet; env: Record<string, string>; served: Map<string, Uint8Array>; byBundle: Map<string, FirstRequest> }> {
  const issuer = await ephemeralIssuer();
  const partnerToken = await issuer.mintPartnerToken({ tenant: 'softera' });
  const session = await signSession({ userId: 'agent@softera.lt', tenantId: 'softera', role: 'agent', email: 'agent@softera.lt' }, Buffer.from(CONSOLE_SESSION_SECRET, 'base64url'), 3600);
  const cookie = `rd_session=${session}`;
  const intake = JSON.parse(await readFile('events/api/create-request.json', 'utf8')) as { body: string };
  const byBundle = new Map<string, FirstRequest>([
    // A partner's intake: token check (JWKS fetched), validation, the repeat check, the case's transaction, both workflow starts.
    ['api', { handler: 'handler', event: httpEvent('POST', '/v1/requests', { authorization: `Bearer ${partnerToken}`, 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': 'bench-1' }, intake.body), expect: '"statusCode":201' }],
    // A signed-in handler opens the inbox: session record read, the inbox queries, the page rendered.
    ['console', { handler: 'handler', event: httpEvent('GET', '/console', { cookie, accept: 'text/html' }), expect: '"statusCode":200' }],
    // A handler opens the seeded case's task page (cold-seed.ts).
    ['fulfilment', { handler: 'handler', event: httpEvent('GET', '/console/cases/55d75007-64d9-483a-9132-044681c81cbe/tasks', { cookie, accept: 'text/html' }), expect: '"statusCode":200' }],
    // A subject opens the web form.
    ['forms', { handler: 'handler', event: httpEvent('GET', '/forms/softera', { accept: 'text/html', 'accept-language': 'lt' }), expect: '"statusCode":200' }],
    ['inbound-email', { handler: 'handler', event: JSON.parse(await readFile('events/ses/inbound-email.json', 'utf8')), expect: '' }],
    [
      'ses-notifications',
      {
        handler: 'handler',
        event: { Records: [{ Sns: { Timestamp: new Date().toISOString(), Message: JSON.stringify({ notificationType: 'Bounce', mail: { messageId: 'bench-message', source: 'duomenuapsauga@softera.lt', timestamp: new Date().toISOString() }, bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'ona@example.lt' }] } }) } }] },
        expect: '"flagged"',
      },
    ],
    ['letters', { handler: 'handler', event: { letter: { letterhead: ['UAB Softera', 'Vilnius'], recipient: ['Ona Petraitienė', 'Gedimino pr. 1', 'Vilnius'], dateLine: '2026-12-05', referenceLine: 'SOF-2026-000001', title: 'Atsakymas į jūsų prašymą', body: 'Laba diena,\n\npateikiame jūsų prašytus duomenis.', language: 'lt' } }, expect: 'pdfBase64' }],
    ['webhooks', { handler: 'handler', event: scheduled, expect: '"attempted":0' }],
    ['overdue-gauge', { handler: 'handler', event: scheduled, expect: '' }],
    ['accountability-sweep', { handler: 'handler', event: scheduled, expect: '"examined":0' }],
    ['task-digest', { handler: 'handler', event: scheduled, expect: '"mails":0' }],
    // A signed LOTL (the identity fixtures' test LOTL, served by the stub) verified with its pinned
    // signer, the cache index read from S3, the index written back: the XML-signature stack, the
    // certificates and the S3 client all run. Its one pointer (http://127.0.0.1/TL-LT.xml, no port)
    // is not served, so the LT list is reported failed.
    ['trusted-list-refresh', { handler: 'handler', event: scheduled, expect: '"failed":{"LT"' }],
    ['workflow-intake', { handler: 'intake', event: JSON.parse(await readFile('events/workflow/intake.json', 'utf8')), expect: '"route":' }],
    // The intake step plans the seeded new case; the other steps' bundle asks the subject of the
    // seeded case waiting for identity to confirm it (notice rendered and sent, case saved, task token kept).
    ['workflow steps', { handler: 'awaitSubject', event: { ...BENCH_WAITING_CASE, taskToken: 'bench-task-token', notice: 'identity_request' }, expect: '{}' }],
    ['bare', { handler: 'handler', event: httpEvent('GET', '/', {}), expect: '"statusCode":200' }],
  ]);
  const fx = await identityFixtures();
  const env = { AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE, CONSOLE_SESSION_SECRET, TL_LOTL_SIGNERS_FILE: fx.lotlSigner };
  return { jwks: issuer.jwks, env, served: new Map([['/lotl.xml', new Uint8Array(await readFile(fx.lotl))]]), byBundle };
}
