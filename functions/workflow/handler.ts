import { buildMailAdapters, s3ClientFor } from '#adapters/email-deps.ts';
import { buildWorkflowDeps, workflowClients } from '#adapters/workflow-deps.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowConfig } from '#config/workflow-config.ts';
import { createWorkflowHandlers } from './handlers.ts';

/**
 * Lambda entry of the workflow steps: one bundle, one export per function (CDK points each
 * function's `handler` at its export; names in shared/adapters/sfn/definitions.ts). Config and
 * clients are built once per container.
 */
const config = loadWorkflowConfig();
const clients = workflowClients(config);
const mail = loadMailConfig();
const { notifier } = buildMailAdapters(mail, { dynamo: clients.dynamo, s3: s3ClientFor(mail), mailer: clients.mailer });
const handlers = createWorkflowHandlers(buildWorkflowDeps(config, clients, { notifier }));

export const intake = handlers.intake;
export const resume = handlers.resume;
export const awaitSubject = handlers.awaitSubject;
export const conclude = handlers.conclude;
export const extend = handlers.extend;
export const feeNotice = handlers.feeNotice;
export const flagForStaff = handlers.flagForStaff;
export const timerPlan = handlers.timerPlan;
export const timerAlert = handlers.timerAlert;
