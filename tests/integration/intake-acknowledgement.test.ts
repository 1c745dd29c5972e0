import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { readOutbox } from './helpers.ts';

/**
 * Issue 15: the partner API no longer sends the acknowledgement on the request path; the case
 * workflow's intake step does, through the notice outbox. On the whole local stack (workflows on,
 * local IAM checking the workflow-intake role): the response does not wait for the e-mail, the
 * e-mail goes out once, and concurrent idempotent retries still make one case and one e-mail.
 */
let stack: LocalStack;
let stateDir: string;

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'rightsdesk-ack-'));
  stack = await startLocalStack({ stateDir, persist: false, ports: { api: 0, dynamodb: 0, ses: 0, s3: 0, smtp: 0, sfn: 0 } });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.dev.apiUrl}/v1/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.dev.tenants.gautora!.partnerToken}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const mailsTo = async (address: string) => (await readOutbox(stack.dev.sesOutboxUrl)).filter((m) => m.destination.to.includes(address));

describe('acknowledgement sent by the workflow, off the request path', () => {
  it('answers before the e-mail, then the intake step sends it once and records it on the case', async () => {
    const email = `ack.${Date.now().toString(36)}@example.lt`;
    const res = await post({ rights: [{ type: 'access' }], subject: { name: 'Ona Ack', email }, language: 'en' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; reference: string; acknowledgement: { status: string; text?: string } };
    expect(created.acknowledgement.status).toBe('pending');
    expect(created.acknowledgement.text).toContain(created.reference);

    const view = await until('the acknowledgement recorded on the case', async () => {
      const r = await fetch(`${stack.dev.apiUrl}/v1/requests/${created.id}`, { headers: { authorization: `Bearer ${stack.dev.tenants.gautora!.partnerToken}` } });
      const v = (await r.json()) as { acknowledgement: { status: string }; events: Array<{ type: string }> };
      return v.acknowledgement.status === 'sent' ? v : undefined;
    });
    expect(view.events.filter((e) => e.type === 'acknowledgement.sent')).toHaveLength(1);
    const acks = (await mailsTo(email)).filter((m) => m.subject.includes(created.reference) && /received|gautas/i.test(m.subject));
    expect(acks).toHaveLength(1);
    expect(acks[0]?.from).toBe(stack.dev.tenants.gautora!.mailbox);
  }, 120_000);

  it('makes one case and one acknowledgement from 8 concurrent requests with one Idempotency-Key', async () => {
    const email = `ack-burst.${Date.now().toString(36)}@example.lt`;
    const body = { rights: [{ type: 'erasure' }], subject: { name: 'Burst Ack', email } };
    const results = await Promise.all(Array.from({ length: 8 }, () => post(body, { 'idempotency-key': `ack-${email}` })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const ids = new Set(await Promise.all(results.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    await until('the acknowledgement recorded on the case', async () => {
      const r = await fetch(`${stack.dev.apiUrl}/v1/requests/${id}`, { headers: { authorization: `Bearer ${stack.dev.tenants.gautora!.partnerToken}` } });
      return ((await r.json()) as { acknowledgement: { status: string } }).acknowledgement.status === 'sent' ? true : undefined;
    });
    // Give any second sender (a replay, the sweeper) time to act before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const acks = (await mailsTo(email)).filter((m) => /received|gautas/i.test(m.subject));
    expect(acks).toHaveLength(1);
  }, 120_000);
});
