import * as z from 'zod/mini';
import { awsRegion, optionalUrl, positiveInt, tableName } from './env-fields.ts';
import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowSettings } from '#domain/workflow.ts';

/**
 * Configuration of the workflow Lambdas, read once at start-up (fail fast). Reminder timings are
 * configurable: `WORKFLOW_REMINDER_DAYS=7,2` sends staff reminders 7 and 2 days before due.
 */
const positiveList = z.pipe(
  z.string().check(z.regex(/^\d+(,\d+)*$/)),
  z.transform((s) => s.split(',').map(Number)),
);

const EnvSchema = z.object({
  RIGHTSDESK_TABLE: tableName,
  AWS_REGION: awsRegion,
  DYNAMODB_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  SFN_ENDPOINT: optionalUrl,
  CASE_WORKFLOW_ARN: z.string().check(z.startsWith('arn:')),
  DEADLINE_TIMER_ARN: z.string().check(z.startsWith('arn:')),
  WORKFLOW_REMINDER_DAYS: z.optional(positiveList),
  WORKFLOW_IDENTITY_REMINDER_DAYS: z.optional(positiveInt),
  WORKFLOW_IDENTITY_CLOSE_DAYS: z.optional(positiveInt),
});

export interface WorkflowConfig {
  readonly tableName: string;
  readonly region: string;
  readonly dynamodbEndpoint?: string;
  readonly sesEndpoint?: string;
  readonly sfnEndpoint?: string;
  readonly arns: { readonly caseWorkflow: string; readonly deadlineTimer: string };
  readonly settings: WorkflowSettings;
}

export function loadWorkflowConfig(env: Record<string, string | undefined> = process.env): WorkflowConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid workflow configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    tableName: e.RIGHTSDESK_TABLE,
    region: e.AWS_REGION,
    ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}),
    ...(e.SES_ENDPOINT ? { sesEndpoint: e.SES_ENDPOINT } : {}),
    ...(e.SFN_ENDPOINT ? { sfnEndpoint: e.SFN_ENDPOINT } : {}),
    arns: { caseWorkflow: e.CASE_WORKFLOW_ARN, deadlineTimer: e.DEADLINE_TIMER_ARN },
    settings: {
      ...DEFAULT_WORKFLOW_SETTINGS,
      ...(e.WORKFLOW_REMINDER_DAYS ? { reminderDaysBefore: e.WORKFLOW_REMINDER_DAYS } : {}),
      ...(e.WORKFLOW_IDENTITY_REMINDER_DAYS ? { identityReminderAfterDays: e.WORKFLOW_IDENTITY_REMINDER_DAYS } : {}),
      ...(e.WORKFLOW_IDENTITY_CLOSE_DAYS ? { identityCloseAfterReminderDays: e.WORKFLOW_IDENTITY_CLOSE_DAYS } : {}),
    },
  };
}
