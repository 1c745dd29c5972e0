import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CompactSign, compactVerify, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryCaseRepository } from '#adapters/memory/case-repository.ts';
import { FetchSignedRequests, JwksCallbackVerifier } from '#adapters/webhooks/signed-requests.ts';
import { JoseWebhookSigner } from '#adapters/webhooks/jose-signer.ts';
import { ValidationError } from '#domain/errors.ts';
import { FulfilmentRegisterSchema } from '#domain/fulfilment/register.ts';
import { planTasks } from '#domain/fulfilment/tasks.ts';
import { DEFAULT_WORKFLOW_SETTINGS, timerPoints } from '#domain/workflow.ts';
import { openCase } from '#domain/open-case.ts';
import { registerLookup } from '#tenants/fulfilment/registry.ts';
import { softeraRegister } from '#tenants/fulfilment/softera.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { receiveCallback } from '#usecases/fulfilment/http-connector.ts';
import { runTask } from '#usecases/fulfilment/tasks.ts';

/**
 * The HTTP connector against a real loopback service: the request is a compact JWS signed with
 * the tenant's webhook key (the service verifies it with the public half), carries the verified
 * identifiers only, is answered 202; the task waits, still open for the deadline timer; the
 * service's own signed callback finishes it, and a callback signed with another key is refused.
 */
const NOW = new Date('2027-03-02T10:00:00Z');
let server: Server;
let url = '';
const received: Array<Record<string, unknown>> = [];
let webhookPublic: Awaited<ReturnType<typeof generateKeyPair>>['publicKey'];
let signer: JoseWebhookSigner;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  webhookPublic = pair.publicKey;
  signer = new JoseWebhookSigner({ softera: { privateJwk: await exportJWK(pair.privateKey), publicJwk: { ...(await exportJWK(pair.publicKey)), kid: 'softera-webhook' } } });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      compactVerify(body, webhookPublic)
        .then(({ payload, protectedHeader }) => {
          received.push({ ...(JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>), contentType: req.headers['content-type'], kid: protectedHeader.kid });
          res.writeHead(202).end();
        })
        .catch(() => res.writeHead(401).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rightsdesk`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HTTP connector', () => {
  it('sends a signed request with verified identifiers, waits for the signed callback, and refuses a forged one', async () => {
    const register = FulfilmentRegisterSchema.parse({ ...softeraRegister, systems: softeraRegister.systems.map((s) => ({ ...s, connector: { kind: 'http', url, callbackTimeoutSeconds: 60 } })) });
    const opened = openCase({ tenant: tenantRegistry.get('softera'), id: 'c1', referenceNumber: 1, channel: 'email', receivedAt: new Date('2027-03-01T08:00:00Z'), request: { rights: [{ type: 'access' }], subject: { name: 'Ona Petraitienė', email: 'ona@example.lt' } }, actor: { kind: 'subject', id: 'ona' }, earlierRequests: [], now: NOW });
    const identifiers = [{ kind: 'email' as const, value: 'ona@example.lt', method: 'email_control' as const, provedAt: NOW.toISOString() }];
    const repo = new InMemoryCaseRepository();
    await repo.createCase({ ...opened.case, status: 'in_progress', fulfilment: { identifiers, plannedAt: NOW.toISOString(), tasks: planTasks(opened.case, register, NOW) } }, opened.events);
    const files = new Map<string, Uint8Array>();
    const data = { put: async (k: string, v: Uint8Array) => void files.set(k, v), read: async (k: string) => files.get(k)! };
    const deps = { repo, clock: { now: () => NOW }, registers: registerLookup([register]), data, http: new FetchSignedRequests(signer, 5000) };

    const waiting = await runTask(deps, { tenantId: 'softera', caseId: 'c1', taskId: 'access:crm', mode: 'run', actor: { kind: 'staff', id: 'agent' }, role: 'agent' });
    expect(received).toEqual([expect.objectContaining({ type: 'rightsdesk.fulfilment.request', caseReference: opened.case.reference, taskId: 'access:crm', right: 'access', identifiers: [{ kind: 'email', value: 'ona@example.lt' }], contentType: 'application/jose', kid: 'softera-webhook' })]);
    expect(JSON.stringify(received)).not.toContain('Petraitien'); // never the claimed name
    const task = waiting.fulfilment!.tasks.find((t) => t.id === 'access:crm')!;
    expect(task).toMatchObject({ status: 'awaiting_callback', pendingSince: NOW.toISOString() });
    // Waiting is not lost: the deadline timer still escalates it at its due date.
    expect(timerPoints(waiting, DEFAULT_WORKFLOW_SETTINGS).some((p) => p.key === `task_overdue:access:crm:${task.dueAt}`)).toBe(true);

    const service = await generateKeyPair('ES256', { extractable: true });
    const verifier = new JwksCallbackVerifier({ softera: { keys: [{ ...(await exportJWK(service.publicKey)), kid: 'crm' }] } });
    const body = (key: CryptoKey) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify({ caseId: 'c1', taskId: 'access:crm', outcome: 'data_file', summary: 'CRM contact card', data: [{ category: 'CRM contact', records: [{ email: 'ona@example.lt', segment: 'B2C' }] }] })))
        .setProtectedHeader({ alg: 'ES256', kid: 'crm' })
        .sign(key);
    const forger = await generateKeyPair('ES256');
    await expect(receiveCallback({ ...deps, verifier }, { tenantId: 'softera', jws: await body(forger.privateKey) })).rejects.toBeInstanceOf(ValidationError);
    const done = await receiveCallback({ ...deps, verifier }, { tenantId: 'softera', jws: await body(service.privateKey) });
    const finished = done.fulfilment!.tasks.find((t) => t.id === 'access:crm')!;
    expect(finished).toMatchObject({ status: 'done', result: { outcome: 'data_file', summary: 'CRM contact card' } });
    expect(JSON.parse(new TextDecoder().decode(files.get(finished.result!.dataKey!)))).toEqual([{ category: 'CRM contact', records: [{ email: 'ona@example.lt', segment: 'B2C' }] }]);
    // A repeated callback changes nothing.
    const again = await receiveCallback({ ...deps, verifier }, { tenantId: 'softera', jws: await body(service.privateKey) });
    expect(again.version).toBe(done.version);
  });
});
