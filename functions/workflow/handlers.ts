import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import type { WorkflowFunction } from '#adapters/sfn/definitions.ts';
import { loadOnce } from '#domain/load-once.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';

/**
 * The workflow Lambdas: each parses its Step Functions task input, calls one use case and
 * returns its result. The same functions run on AWS (functions/workflow/handler.ts) and inside
 * the local Step Functions service, with the adapters passed in.
 *
 * Each step's use case is imported by its first task (a chunk of its own in the Lambda bundle):
 * one bundle serves eight functions and each function runs one step, so every step's code but its
 * own was compiled at each cold start for nothing (issue 15). The input is validated first, as before.
 */
const useCases = {
  intake: loadOnce(() => import('#usecases/workflow/intake.ts')),
  resume: loadOnce(() => import('#usecases/workflow/resume.ts')),
  awaitSubject: loadOnce(() => import('#usecases/workflow/await-subject.ts')),
  clarification: loadOnce(() => import('#usecases/workflow/clarification.ts')),
  conclude: loadOnce(() => import('#usecases/workflow/conclude.ts')),
  notices: loadOnce(() => import('#usecases/workflow/notices.ts')),
  flag: loadOnce(() => import('#usecases/workflow/flag.ts')),
  timer: loadOnce(() => import('#usecases/workflow/deadline-timer.ts')),
};
const ids = { tenantId: z.string().check(z.minLength(1)), caseId: z.string().check(z.minLength(1)) };
const CaseRefSchema = z.object(ids);
const reasons = z.array(z.string()).check(z.minLength(1));

const schemas = {
  // One function waits for the subject, for identity or for missing details (clarification.ts).
  awaitSubject: z.object({ ...ids, taskToken: z.string().check(z.minLength(1)), notice: z.enum(['identity_request', 'identity_reminder', 'more_information_request', 'more_information_reminder']) }),
  conclude: z.object({ ...ids, outcome: z.enum(['from_status', 'identity_not_established', 'clarification_unanswered']) }),
  reasons: z.object({ ...ids, reasons }),
  flag: z.object({ ...ids, workflow: z.enum(['case', 'timer']), error: z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }) }),
};

function parse<S extends z.ZodMiniType>(schema: S, event: unknown): z.infer<S> {
  const result = schema.safeParse(event);
  if (!result.success) {
    throw new ValidationError('The task input is not valid.', result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  }
  return result.data as z.infer<S>;
}

export type WorkflowHandler = (event: unknown) => Promise<unknown>;

export function createWorkflowHandlers(deps: WorkflowDeps): Record<WorkflowFunction, WorkflowHandler> {
  return {
    intake: async (event) => {
      const input = parse(CaseRefSchema, event);
      return (await useCases.intake()).intakeCase(deps, input);
    },
    resume: async (event) => {
      const input = parse(CaseRefSchema, event);
      return (await useCases.resume()).planResume(deps, input);
    },
    awaitSubject: async (event) => {
      const input = parse(schemas.awaitSubject, event);
      if (input.notice === 'more_information_request' || input.notice === 'more_information_reminder') await (await useCases.clarification()).awaitClarification(deps, { ...input, notice: input.notice });
      else await (await useCases.awaitSubject()).awaitSubject(deps, { ...input, notice: input.notice });
      return {};
    },
    conclude: async (event) => {
      const input = parse(schemas.conclude, event);
      await (await useCases.conclude()).concludeCase(deps, input);
      return {};
    },
    extend: async (event) => {
      const input = parse(schemas.reasons, event);
      await (await useCases.notices()).extendDeadline(deps, input);
      return {};
    },
    feeNotice: async (event) => {
      const input = parse(schemas.reasons, event);
      await (await useCases.notices()).sendFeeNotice(deps, input);
      return {};
    },
    flagForStaff: async (event) => {
      const input = parse(schemas.flag, event);
      await (await useCases.flag()).flagForStaff(deps, input);
      return {};
    },
    timerPlan: async (event) => {
      const input = parse(CaseRefSchema, event);
      return (await useCases.timer()).planDeadlineTimer(deps, input);
    },
    timerAlert: async (event) => {
      const input = parse(CaseRefSchema, event);
      await (await useCases.timer()).sendDeadlineAlerts(deps, input);
      return {};
    },
  };
}
