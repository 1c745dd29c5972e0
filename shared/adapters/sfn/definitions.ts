/**
 * The state machines in `statemachines/` and the `${…}` substitutions their definitions use. CDK
 * (definitionSubstitutions) and the local Step Functions service fill in the same names, so both
 * run the very same files.
 */
export const STATE_MACHINES = {
  caseWorkflow: { name: 'rightsdesk-case-workflow', file: 'statemachines/case-workflow.asl.json' },
  deadlineTimer: { name: 'rightsdesk-deadline-timer', file: 'statemachines/deadline-timer.asl.json' },
} as const;

/** Each workflow Lambda: its export in functions/workflow/handler.ts (intake: intake.ts), its name, its substitution. */
export const WORKFLOW_FUNCTIONS = {
  intake: { functionName: 'rightsdesk-workflow-intake', substitution: 'IntakeFunctionArn' },
  resume: { functionName: 'rightsdesk-workflow-resume', substitution: 'ResumeFunctionArn' },
  awaitSubject: { functionName: 'rightsdesk-workflow-await-subject', substitution: 'AwaitSubjectFunctionArn' },
  conclude: { functionName: 'rightsdesk-workflow-conclude', substitution: 'ConcludeFunctionArn' },
  extend: { functionName: 'rightsdesk-workflow-extend', substitution: 'ExtendFunctionArn' },
  feeNotice: { functionName: 'rightsdesk-workflow-fee-notice', substitution: 'FeeNoticeFunctionArn' },
  flagForStaff: { functionName: 'rightsdesk-workflow-flag-for-staff', substitution: 'FlagForStaffFunctionArn' },
  timerPlan: { functionName: 'rightsdesk-workflow-timer-plan', substitution: 'TimerPlanFunctionArn' },
  timerAlert: { functionName: 'rightsdesk-workflow-timer-alert', substitution: 'TimerAlertFunctionArn' },
} as const;

export type WorkflowFunction = keyof typeof WORKFLOW_FUNCTIONS;

/** The table name substitution used by the direct DynamoDB integrations. */
export const TABLE_SUBSTITUTION = 'TableName';
