import { Hono } from 'hono';
import * as z from 'zod/mini';
import { ForbiddenError, ValidationError } from '#domain/errors.ts';
import { registerCsv } from '#domain/register.ts';
import { registerSummaryLetter } from '#templates/register-summary.ts';
import { buildEvidencePack } from '#usecases/accountability/evidence-pack.ts';
import { buildRegister } from '#usecases/accountability/register.ts';
import { liftLegalHold, placeLegalHold } from '#usecases/accountability/retention.ts';
import { retentionRuleFor } from '#tenants/retention.ts';
import { parseWith, readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import type { StaffRole } from '../auth.ts';
import { notConfigured } from './not-configured.ts';

const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;
const registerQuery = () =>
  z.object({
  from: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  format: z.optional(z.enum(['json', 'csv', 'pdf'])),
  lang: z.optional(z.enum(['lt', 'en'])),
});
const holdBody = () => z.object({ reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(1000)) });

/** Same check as routes.ts `requireRole` (imported from there it would be a cycle). */
function requireRole(role: StaffRole, allowed: readonly StaffRole[]): void {
  if (!allowed.includes(role)) throw new ForbiddenError(`This action needs one of the roles: ${allowed.join(', ')}.`);
}

function caseId(id: string): string {
  if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
  return id;
}

/**
 * Accountability in the staff API (docs/accountability.md): the register (admin), legal holds
 * (admin), the tenant's retention rule, and a case's sealed evidence pack (admin, approver).
 */
export function consoleRegisterRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const acc = () => {
    if (!deps.accountability) throw notConfigured('Accountability (register, evidence packs, legal holds)');
    return deps.accountability;
  };

  api.get('/register', async (c) => {
    const staff = c.get('staff');
    requireRole(staff.role, ['admin']);
    const q = parseWith(registerQuery(), c.req.query(), 'query');
    const register = await buildRegister({ ...deps, receipts: acc().receipts }, { tenantId: staff.tenantId, from: q.from, to: q.to });
    const name = `register-${staff.tenantId}-${q.from}-${q.to}`;
    if (q.format === 'csv') {
      return c.body(registerCsv(register.rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
    }
    if (q.format === 'pdf') {
      const letters = acc().letters;
      if (!letters) throw notConfigured('The register as PDF (letter renderer)');
      const pdf = await letters.render(registerSummaryLetter(deps.tenants.get(staff.tenantId), register, q.lang ?? 'lt'));
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}-${q.lang ?? 'lt'}.pdf"` });
    }
    return c.json(register);
  });

  api.get('/retention', (c) => c.json({ tenantId: c.get('staff').tenantId, rule: retentionRuleFor(c.get('staff').tenantId) }));

  api.post('/cases/:id/legal-hold', async (c) => {
    const staff = c.get('staff');
    requireRole(staff.role, ['admin']);
    const { reason } = await readJson(c, holdBody());
    const hold = await placeLegalHold(deps, { tenantId: staff.tenantId, caseId: caseId(c.req.param('id')), reason, actor: { kind: 'staff', id: staff.userId } });
    return c.json({ legalHold: hold }, 201);
  });

  api.post('/cases/:id/legal-hold/lift', async (c) => {
    const staff = c.get('staff');
    requireRole(staff.role, ['admin']);
    const { reason } = await readJson(c, holdBody());
    await liftLegalHold(deps, { tenantId: staff.tenantId, caseId: caseId(c.req.param('id')), reason, actor: { kind: 'staff', id: staff.userId } });
    return c.json({ legalHold: null });
  });

  api.get('/cases/:id/evidence-pack', async (c) => {
    const staff = c.get('staff');
    requireRole(staff.role, ['admin', 'approver']);
    if (!deps.messages) throw notConfigured('The message store');
    const a = acc();
    const pack = await buildEvidencePack(
      {
        ...deps,
        messages: deps.messages,
        sealer: a.sealer,
        ...(a.packSections ? { sections: a.packSections } : {}),
        ...(a.packDataFiles ? { dataFiles: a.packDataFiles } : {}),
      },
      { tenantId: staff.tenantId, caseId: caseId(c.req.param('id')), actor: { kind: 'staff', id: staff.userId } },
    );
    return c.body(pack.zip as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${pack.filename}"`, 'cache-control': 'no-store' });
  });

  return api;
}
