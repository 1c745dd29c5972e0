import * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import type { WorkflowFunction } from '#adapters/sfn/definitions.ts';
import { awaitSubject } from '#usecases/workflow/await-subject.ts';
import { awaitClarification } from '#usecases/workflow/clarification.ts';
import { concludeCase } from '#usecases/workflow/conclude.ts';
import { planDeadlineTimer, sendDeadlineAlerts } from '#usecases/workflow/deadline-timer.ts';
import type { WorkflowDeps } from '#usecases/workflow/deps.ts';
import { flagForStaff } from '#usecases/workflow/flag.ts';
import { intakeCase } from '#usecases/workflow/intake.ts';
import { extendDeadline, sendFeeNotice } from '#usecases/workflow/notices.ts';
import { planResume } from '#usecases/workflow/resume.ts';

/**
 * The workflow Lambdas: each parses its Step Functions task input, calls one use case and
 * returns its result. The same functions run on AWS (functions/workflow/handler.ts) and inside
 * the local Step Functions service, with the adapters passed in.
 */
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
    intake: (event) => intakeCase(deps, parse(CaseRefSchema, event)),
    resume: (event) => planResume(deps, parse(CaseRefSchema, event)),
    awaitSubject: async (event) => {
      const input = parse(schemas.awaitSubject, event);
      if (input.notice === 'more_information_request' || input.notice === 'more_information_reminder') await awaitClarification(deps, { ...input, notice: input.notice });
      else await awaitSubject(deps, { ...input, notice: input.notice });
      return {};
    },
    conclude: async (event) => {
      await concludeCase(deps, parse(schemas.conclude, event));
      return {};
    },
    extend: async (event) => {
      await extendDeadline(deps, parse(schemas.reasons, event));
      return {};
    },
    feeNotice: async (event) => {
      await sendFeeNotice(deps, parse(schemas.reasons, event));
      return {};
    },
    flagForStaff: async (event) => {
      await flagForStaff(deps, parse(schemas.flag, event));
      return {};
    },
    timerPlan: (event) => planDeadlineTimer(deps, parse(CaseRefSchema, event)),
    timerAlert: async (event) => {
      await sendDeadlineAlerts(deps, parse(CaseRefSchema, event));
      return {};
    },
  };
}
