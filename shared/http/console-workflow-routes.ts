import { Hono } from 'hono';
import * as z from 'zod/mini';
import { AnswerContentSchema } from '#domain/answer-schema.ts';
import { IDENTITY_METHODS } from '#domain/identity.ts';
import { DECISIONS, WAIT_STEPS } from '#domain/workflow.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { readJson } from './body.ts';
import type { ApiDeps, AppEnv } from './deps.ts';

const DecisionSchema = z.object({
  step: z.enum(WAIT_STEPS),
  decision: z.enum(DECISIONS),
  reasons: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(2000))).check(z.maxLength(20))),
  body: z.optional(z.string().check(z.maxLength(200_000))),
  /** `draft`: per-right outcomes and the subject's data (JSON + CSV attachments of the answer). */
  answer: z.optional(AnswerContentSchema),
  method: z.optional(z.enum(IDENTITY_METHODS)),
});

/**
 * Staff decisions that resume a case workflow waiting at a step (identity review, answer draft,
 * approval, …). `POST /cases/{id}/decisions` `{ step, decision, reasons?, body?, method? }` →
 * `202 { id, status, outcome }`; `409 workflow-not-waiting` when the case is not waiting there.
 * Deciding at the approval step needs the `approver` or `admin` role (checked in `decide`), and
 * approving needs someone other than the drafter.
 */
export function consoleWorkflowRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.post('/cases/:id/decisions', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, DecisionSchema);
    if (!deps.workflows) throw new Error('No workflow engine is configured for the API.');
    const result = await decide(
      { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows },
      {
        tenantId: staff.tenantId,
        caseId: c.req.param('id'),
        step: input.step,
        decision: input.decision,
        ...(input.reasons ? { reasons: input.reasons } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.answer ? { answer: input.answer } : {}),
        ...(input.method ? { method: input.method } : {}),
        actor: { kind: 'staff', id: staff.userId },
        role: staff.role,
      },
    );
    return c.json({ id: result.case.id, reference: result.case.reference, status: result.case.status, outcome: result.outcome }, 202);
  });
  return api;
}
