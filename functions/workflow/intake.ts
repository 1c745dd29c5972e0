import { systemClock } from '#adapters/system.ts';
import { qesIdentityVerifier } from '#wiring/qes.ts';
import { workflowDepsFromEnv } from '#wiring/workflow.ts';
import { createWorkflowHandlers } from './handlers.ts';

/** Lambda entry of the intake step, the one step that validates qualified e-signatures. */
export const intake = createWorkflowHandlers(workflowDepsFromEnv(({ messages, evidence, inboundMail, validationReports }) => qesIdentityVerifier({ messages, evidence, inboundMail, validationReports }, systemClock))).intake;
