import { Hono } from 'hono';
import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import { correctRights } from '#usecases/correct-rights.ts';
import { confirmRights } from '#usecases/confirm-rights.ts';
import { readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { RightRequestSchema } from '../schemas.ts';

const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;

export const CorrectionSchema = z.lazy(() => z.strictObject({
  rights: z
    .array(RightRequestSchema)
    .check(z.minLength(1), z.maxLength(10), z.refine((rights) => new Set(rights.map((r) => r.type)).size === rights.length, { message: 'Each right may appear once.' })),
  reasons: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))).check(z.minLength(1), z.maxLength(20)),
}));

const ConfirmationSchema = z.lazy(() => z.strictObject({
  rights: z.optional(
    z
      .array(RightRequestSchema)
      .check(z.minLength(1), z.maxLength(10), z.refine((rights) => new Set(rights.map((r) => r.type)).size === rights.length, { message: 'Each right may appear once.' })),
  ),
  reasons: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))).check(z.maxLength(20))),
}));

/**
 * Staff correct a case's classified rights (mounted under `/console/api`):
 * `PATCH /cases/{id}/rights` `{ "rights": [{ "type", "details"? }], "reasons": ["…"] }` →
 * `200 { id, reference, status, rights: [{ type, status, details? }], identity: { status, acceptedMethods } }`;
 * 409 when the case is closed or already has exactly these rights; the correction is the public
 * audit event `rights.corrected` with the reasons.
 *
 * `POST /cases/{id}/rights/confirm` `{ "rights"?: [{ "type", "details"? }], "reasons"?: ["…"] }` →
 * `200 { id, reference, status, rights, identity, rightsConfirmation }`: confirms the rights of a
 * case whose e-mail was read with too little confidence (without `rights`, as read), and resumes
 * its workflow, which was waiting for this; 409 when the case needs no confirmation or is closed.
 */
export function consoleRightsRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.patch('/cases/:id/rights', async (c) => {
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const staff = c.get('staff');
    const body = await readJson(c, CorrectionSchema);
    const updated = await correctRights(deps, { tenantId: staff.tenantId, caseId: id, rights: body.rights, reasons: body.reasons, actor: { kind: 'staff', id: staff.userId } });
    return c.json({
      id: updated.id,
      reference: updated.reference,
      status: updated.status,
      rights: updated.rights.map((r) => ({ type: r.type, status: r.status, ...(r.details ? { details: r.details } : {}) })),
      identity: { status: updated.identity.status, acceptedMethods: updated.identity.acceptedMethods },
    });
  });
  api.post('/cases/:id/rights/confirm', async (c) => {
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const staff = c.get('staff');
    const body = await readJson(c, ConfirmationSchema);
    const updated = await confirmRights(deps, {
      tenantId: staff.tenantId,
      caseId: id,
      ...(body.rights ? { rights: body.rights } : {}),
      ...(body.reasons ? { reasons: body.reasons } : {}),
      actor: { kind: 'staff', id: staff.userId },
    });
    return c.json({
      id: updated.id,
      reference: updated.reference,
      status: updated.status,
      rights: updated.rights.map((r) => ({ type: r.type, status: r.status, ...(r.details ? { details: r.details } : {}) })),
      identity: { status: updated.identity.status, acceptedMethods: updated.identity.acceptedMethods },
      rightsConfirmation: updated.rightsConfirmation ?? null,
    });
  });
  return api;
}
