import { Hono } from 'hono';
import { ForbiddenError, ValidationError, WorkflowNotWaitingError } from '#domain/errors.ts';
import { deadlinesFor } from '#usecases/compute-deadlines.ts';
import { getRequest } from '#usecases/get-request.ts';
import { submitRequest } from '#usecases/submit-request.ts';
import { bearerToken } from './auth.ts';
import { parseWith, readJson } from './body.ts';
import { fingerprint } from './canonical-json.ts';
import { toCaseView, toDeadlinesView } from './case-view.ts';
import type { ApiDeps, AppEnv } from './deps.ts';
import { CASE_ID_PATTERN, DeadlinesQuerySchema, IDEMPOTENCY_KEY_PATTERN, NewRequestSchema, SubjectReplySchema } from './schemas.ts';

const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);
const CASE_ID = new RegExp(CASE_ID_PATTERN);

function requireScope(scopes: readonly string[], scope: string): void {
  if (!scopes.includes(scope)) throw new ForbiddenError(`This token lacks the "${scope}" scope.`);
}

/** The partner API v1 (docs/design.md §4.2). Handlers parse, call one use case, and format. */
export function partnerRoutes(deps: ApiDeps): Hono<AppEnv> {
  const v1 = new Hono<AppEnv>();

  v1.use('*', async (c, next) => {
    const principal = await deps.verifyPartnerToken(bearerToken(c.req.header('authorization')));
    c.set('partner', principal);
    await next();
  });

  v1.post('/requests', async (c) => {
    const partner = c.get('partner');
    requireScope(partner.scopes, 'requests:write');
    const idempotencyKey = c.req.header('idempotency-key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ValidationError('Idempotency-Key must be 1–255 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'invalid' }]);
    }
    const body = await readJson(c, NewRequestSchema);
    const result = await submitRequest(deps, {
      tenantId: partner.tenantId,
      channel: 'api',
      actor: { kind: 'partner', id: partner.partnerId },
      partnerId: partner.partnerId,
      request: {
        rights: body.rights,
        subject: body.subject,
        ...(body.language ? { language: body.language } : {}),
        ...(body.callbackUrl ? { callbackUrl: body.callbackUrl } : {}),
        ...(body.representative ? { representative: body.representative } : {}),
        ...(body.identity?.assertion ? { identityAssertion: body.identity.assertion } : {}),
      },
      ...(idempotencyKey ? { idempotency: { scope: partner.partnerId, key: idempotencyKey, fingerprint: fingerprint(body) } } : {}),
    });
    const view = toCaseView(result.case, { acknowledgementText: result.acknowledgementText });
    c.header('Location', `/v1/requests/${result.case.id}`);
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(view, 201);
  });

  v1.get('/requests/:id', async (c) => {
    const partner = c.get('partner');
    requireScope(partner.scopes, 'requests:read');
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const found = await getRequest(deps, { tenantId: partner.tenantId, caseId: id, partnerId: partner.partnerId });
    return c.json(toCaseView(found.case, { events: found.events }));
  });

  // The subject answered the details asked for through the partner: the case resumes (and, where
  // the policy says so, its period restarts from this receipt).
  v1.post('/requests/:id/replies', async (c) => {
    const partner = c.get('partner');
    requireScope(partner.scopes, 'requests:write');
    const id = c.req.param('id');
    if (!CASE_ID.test(id)) throw new ValidationError('The case id is not well formed.', [{ field: 'id', message: 'invalid' }]);
    const body = await readJson(c, SubjectReplySchema);
    // Only the partner's own cases: another partner's (or tenant's) case is a 404, as on GET.
    await getRequest(deps, { tenantId: partner.tenantId, caseId: id, partnerId: partner.partnerId });
    // Only a workflow asks for details, so without one no case can be waiting for them.
    if (!deps.workflows) throw new WorkflowNotWaitingError('The case is not waiting for details from the subject (no workflows run here).');
    // Loaded with the first reply (a rare request; its use case brings the paper-request rules), not at init (issue 15).
    const { registerSubjectReply } = await import('#usecases/workflow/register-reply.ts');
    const result = await registerSubjectReply(
      { ...deps, workflows: deps.workflows },
      { tenantId: partner.tenantId, caseId: id, note: body.message, via: 'api', ...(body.receivedAt ? { receivedAt: body.receivedAt } : {}), actor: { kind: 'partner', id: partner.partnerId } },
    );
    return c.json(toCaseView(result.case), 202);
  });

  v1.get('/deadlines', (c) => {
    const partner = c.get('partner');
    requireScope(partner.scopes, 'requests:read');
    const query = parseWith(DeadlinesQuerySchema, c.req.query(), 'query');
    return c.json(toDeadlinesView(deadlinesFor(deps.tenants, partner.tenantId, new Date(query.receivedAt))));
  });

  return v1;
}
