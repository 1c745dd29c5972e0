import { describe, expect, it } from 'vitest';
import { accessRequest, harness } from '../support/harness.ts';

describe('PATCH /console/api/cases/{id}/rights', () => {
  it('corrects the classified rights with reasons, keeps the kept rights’ status and records a public audit event', async () => {
    const h = await harness();
    const created = await h.post('/v1/requests', accessRequest(), { token: await h.token('softera') });
    const { id } = (await created.json()) as { id: string };
    const staff = await h.issuer.mintStaffToken({ tenant: 'softera', role: 'agent' });
    const patch = (body: unknown, tenant = staff) =>
      h.app.request(`/console/api/cases/${id}/rights`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant}` }, body: JSON.stringify(body) });

    const response = await patch({ rights: [{ type: 'access' }, { type: 'erasure', details: 'Loyalty account' }], reasons: ['The e-mail also asks to delete the loyalty account.'] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rights: [{ type: 'access', status: 'pending' }, { type: 'erasure', status: 'pending', details: 'Loyalty account' }] });
    const events = await h.repo.listEvents('softera', id);
    expect(events.at(-1)).toMatchObject({ type: 'rights.corrected', visibility: 'public', actor: { kind: 'staff' }, details: { from: ['access'], to: ['access', 'erasure'], reasons: ['The e-mail also asks to delete the loyalty account.'] } });

    expect((await patch({ rights: [{ type: 'information' }], reasons: [] })).status).toBe(422);
    expect((await patch({ rights: [{ type: 'access' }, { type: 'erasure', details: 'Loyalty account' }], reasons: ['again'] })).status).toBe(409);
    // Information alone needs no identity: the requirement follows the corrected rights.
    const info = (await (await patch({ rights: [{ type: 'information' }], reasons: ['Only asks how data are used.'] })).json()) as { identity: { status: string } };
    expect(info.identity.status).toBe('not_required');
    const otherTenant = await h.issuer.mintStaffToken({ tenant: 'gautora', role: 'agent' });
    expect((await patch({ rights: [{ type: 'access' }], reasons: ['x'] }, otherTenant)).status).toBe(404);
  });
});
