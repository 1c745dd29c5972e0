import * as z from 'zod/mini';
import { awsRegion, optionalUrl } from './env-fields.ts';

/**
 * Where the Step Functions state machines are, for deployables that start or resume workflows
 * (the API, inbound e-mail). Both ARNs or neither: a half-configured engine fails fast.
 */
const EnvSchema = z.object({
  AWS_REGION: awsRegion,
  CASE_WORKFLOW_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  DEADLINE_TIMER_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  SFN_ENDPOINT: optionalUrl,
});

export interface WorkflowEngineConfig {
  readonly region: string;
  readonly arns: { readonly caseWorkflow: string; readonly deadlineTimer: string };
  readonly sfnEndpoint?: string;
}

export function loadWorkflowEngineConfig(env: Record<string, string | undefined> = process.env): WorkflowEngineConfig | null {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid workflow configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  if (!e.CASE_WORKFLOW_ARN && !e.DEADLINE_TIMER_ARN) return null;
  if (!e.CASE_WORKFLOW_ARN || !e.DEADLINE_TIMER_ARN) throw new Error('Invalid workflow configuration: set both CASE_WORKFLOW_ARN and DEADLINE_TIMER_ARN, or neither.');
  return {
    region: e.AWS_REGION,
    arns: { caseWorkflow: e.CASE_WORKFLOW_ARN, deadlineTimer: e.DEADLINE_TIMER_ARN },
    ...(e.SFN_ENDPOINT ? { sfnEndpoint: e.SFN_ENDPOINT } : {}),
  };
}
