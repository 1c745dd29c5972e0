import { Hono } from 'hono';
import * as z from 'zod/mini';
import { ANSWER_FILE_LIMITS } from '#domain/answer.ts';
import { AnswerContentSchema } from '#domain/answer-schema.ts';
import { IDENTITY_METHODS } from '#domain/identity.ts';
import { DECISIONS, WAIT_STEPS } from '#domain/workflow.ts';
import { resolveAnswerFiles, startAnswerFileUpload } from '#usecases/answer-files.ts';
import { decide } from '#usecases/workflow/decide.ts';
import { readJson } from '../body.ts';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { noWorkflows, notConfigured } from './not-configured.ts';

export const AnswerFileSchema = z.lazy(() => z.object({
  filename: z.string().check(z.minLength(1), z.maxLength(200)),
  contentType: z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/)),
  size: z.int().check(z.positive(), z.maximum(ANSWER_FILE_LIMITS.maxBytes)),
}));

export const DecisionSchema = z.lazy(() => z.object({
  step: z.enum(WAIT_STEPS),
  decision: z.enum(DECISIONS),
  reasons: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(2000))).check(z.maxLength(20))),
  /** `clarify`: what the subject is asked for (which account, which period, what the request is about). */
  questions: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(2000))).check(z.maxLength(20))),
  body: z.optional(z.string().check(z.maxLength(200_000))),
  /** `draft`: per-right outcomes and the subject's data (JSON + CSV attachments of the answer). */
  answer: z.optional(AnswerContentSchema),
  /** `draft`: files uploaded through `POST /cases/{id}/answer-files`, named as that call answered. */
  files: z.optional(z.array(z.object({ id: z.uuid(), filename: z.string().check(z.minLength(1), z.maxLength(200)) })).check(z.maxLength(ANSWER_FILE_LIMITS.maxFiles))),
  method: z.optional(z.enum(IDENTITY_METHODS)),
}));

/**
 * Staff decisions that resume a case workflow waiting at a step (identity review, answer draft,
 * approval, …). `POST /cases/{id}/decisions` `{ step, decision, reasons?, body?, answer?, files?, method? }` →
 * `202 { id, status, outcome }`; `409 workflow-not-waiting` when the case is not waiting there.
 * Deciding at the approval step needs the `approver` or `admin` role (checked in `decide`), and
 * approving needs someone other than the drafter. `POST /cases/{id}/answer-files`
 * `{ filename, contentType, size }` → `201 { id, filename, upload: { method: 'PUT', url, headers, expiresAt } }`.
 */
export function consoleWorkflowRoutes(deps: ApiDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  // An answer file goes straight to storage: this answers with a presigned PUT (15 minutes) and
  // the file's id, which the `draft` decision then names in `files`.
  api.post('/cases/:id/answer-files', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, AnswerFileSchema);
    if (!deps.answerFiles) throw notConfigured('The answer file store');
    const started = await startAnswerFileUpload({ repo: deps.repo, files: deps.answerFiles }, { tenantId: staff.tenantId, caseId: c.req.param('id'), ...input });
    return c.json(started, 201);
  });

  api.post('/cases/:id/decisions', async (c) => {
    const staff = c.get('staff');
    const input = await readJson(c, DecisionSchema);
    if (!deps.workflows) throw noWorkflows();
    if (input.files?.length && !deps.answerFiles) throw notConfigured('The answer file store');
    const files = input.files?.length && deps.answerFiles ? await resolveAnswerFiles(deps.answerFiles, { tenantId: staff.tenantId, caseId: c.req.param('id') }, input.files) : undefined;
    const result = await decide(
      { tenants: deps.tenants, repo: deps.repo, clock: deps.clock, workflows: deps.workflows },
      {
        tenantId: staff.tenantId,
        caseId: c.req.param('id'),
        step: input.step,
        decision: input.decision,
        ...(input.reasons ? { reasons: input.reasons } : {}),
        ...(input.questions ? { questions: input.questions } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.answer ? { answer: input.answer } : {}),
        ...(files ? { files } : {}),
        ...(input.method ? { method: input.method } : {}),
        actor: { kind: 'staff', id: staff.userId },
        role: staff.role,
      },
    );
    return c.json({ id: result.case.id, reference: result.case.reference, status: result.case.status, outcome: result.outcome }, 202);
  });
  return api;
}
