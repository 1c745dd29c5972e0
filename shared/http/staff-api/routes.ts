import { Hono } from 'hono';
import { ForbiddenError } from '#domain/errors.ts';
import { bearerToken, type StaffRole } from '../auth.ts';
import { consoleCaseRoutes } from './case-routes.ts';
import { consoleIdentityRoutes } from './identity-routes.ts';
import { consoleInboundRoutes } from './inbound-routes.ts';
import { consoleInboxRoutes } from './inbox-routes.ts';
import { consoleIntakeRoutes } from './intake-routes.ts';
import { consolePrintBatchRoutes } from './print-batch-routes.ts';
import { consoleRegisterRoutes } from './register-routes.ts';
import { consoleRightsRoutes } from './rights-routes.ts';
import { consoleValidationReportRoutes } from './validation-report-routes.ts';
import { consoleHandlingRoutes } from './handling-routes.ts';
import { consoleWorkflowRoutes } from './workflow-routes.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';

/** Fails unless the signed-in staff member has one of the roles. */
export function requireRole(role: StaffRole, allowed: readonly StaffRole[]): void {
  if (!allowed.includes(role)) throw new ForbiddenError(`This action needs one of the roles: ${allowed.join(', ')}.`);
}

/**
 * The staff API under `/console/api` (same JSON and problem conventions as the partner API).
 * Every route sees only the signed-in staff member's tenant: `c.get('staff').tenantId`.
 * Feature routers (case search and messages, workflow decisions, …) are mounted here.
 */
export function consoleRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    c.set('staff', await deps.verifyStaffToken(bearerToken(c.req.header('authorization'))));
    await next();
  });
  api.get('/me', (c) => c.json(c.get('staff')));
  api.route('/', consoleHandlingRoutes(deps));
  api.route('/', consoleCaseRoutes(deps));
  api.route('/', consoleWorkflowRoutes(deps));
  api.route('/', consoleIdentityRoutes(deps));
  api.route('/', consoleIntakeRoutes(deps));
  api.route('/', consolePrintBatchRoutes(deps));
  api.route('/', consoleRightsRoutes(deps));
  api.route('/', consoleInboundRoutes(deps));
  api.route('/', consoleValidationReportRoutes(deps));
  api.route('/', consoleInboxRoutes(deps));
  api.route('/', consoleRegisterRoutes(deps));
  return api;
}
