import { qesIdentityVerifier } from '#adapters/identity/qes-wiring.ts';
import { systemClock } from '#adapters/system.ts';
import { composeWorkflowHandlers } from './compose.ts';

/** Lambda entry of the intake step, the one step that validates qualified e-signatures. */
export const intake = composeWorkflowHandlers(({ messages, evidence, inboundMail }) => qesIdentityVerifier({ messages, evidence, inboundMail }, systemClock)).intake;
