import { workflowDepsFromEnv } from '#wiring/workflow.ts';
import { createWorkflowHandlers } from './handlers.ts';

/**
 * Lambda entry of the workflow steps other than intake: one bundle, one export per function (CDK
 * points each function's `handler` at its export; names in shared/adapters/sfn/definitions.ts).
 */
const handlers = createWorkflowHandlers(workflowDepsFromEnv());

export const resume = handlers.resume;
export const awaitSubject = handlers.awaitSubject;
export const conclude = handlers.conclude;
export const extend = handlers.extend;
export const feeNotice = handlers.feeNotice;
export const flagForStaff = handlers.flagForStaff;
export const timerPlan = handlers.timerPlan;
export const timerAlert = handlers.timerAlert;
