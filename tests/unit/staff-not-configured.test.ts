import { describe, expect, it } from 'vitest';
import { harness } from '../support/harness.ts';

/**
 * A deployment that does not wire a feature (the paper channel, accountability, the answers
 * bucket, the inbound ledger, workflows) answers its staff routes with a problem, never a 500
 * (issue 11 §5: the fuzz of the staff API found 500s here).
 */
describe('staff routes of features this deployment lacks', async () => {
  const h = await harness();
  const staff = `Bearer ${await h.issuer.mintStaffToken({ tenant: 'softera', role: 'admin' })}`;
  const call = (method: string, path: string, body?: unknown) =>
    h.app.request(`/console/api${path}`, { method, headers: { authorization: staff, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

  it.each([
    ['GET', '/print-queue', undefined, 404],
    ['POST', '/print-queue/p1/dispatch', { at: '2026-11-23' }, 404],
    ['GET', '/print-batch/letters.pdf?ids=p1,p2', undefined, 404],
    ['POST', '/print-batch/dispatch', { at: '2026-11-23', items: [{ id: 'p1' }] }, 404],
    ['POST', '/cases', { channel: 'post', receivedAt: '2026-11-20', subject: { name: 'Jonas Jonaitis', postalAddress: 'Gedimino pr. 1, Vilnius' }, rights: [{ type: 'access' }] }, 404],
    ['GET', '/register?from=2026-11-01&to=2026-11-30', undefined, 404],
    ['GET', '/cases/c1/evidence-pack', undefined, 404],
    ['POST', '/cases/c1/legal-hold', { reason: 'Court order 2026-17' }, 404],
    ['POST', '/cases/c1/answer-files', { filename: 'a.pdf', contentType: 'application/pdf', size: 10 }, 404],
    ['GET', '/inbound/unprocessed', undefined, 404],
    ['POST', '/cases/c1/decisions', { step: 'answer_draft', decision: 'extend', reasons: ['x'] }, 409],
    ['POST', '/cases/c1/replies', { note: 'Account 7' }, 409],
  ] as const)('%s %s → %i problem+json', async (method, path, body, status) => {
    const res = await call(method, path, body);
    expect(res.status, await res.clone().text()).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(h.errors).toEqual([]);
  });
});
