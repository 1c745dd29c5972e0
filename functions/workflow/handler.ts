import { buildMailAdapters, s3ClientFor } from '#adapters/email-deps.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { S3AnswerDownloads } from '#adapters/s3/answer-downloads.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { systemClock } from '#domain/ports.ts';
import { buildWorkflowDeps, workflowClients } from '#adapters/workflow-deps.ts';
import { qesIdentityVerifier } from '#adapters/identity/qes-wiring.ts';
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
const s3 = s3ClientFor(mail);
const downloads = new S3AnswerDownloads(s3, mail.answersBucket, mail.answerLinkTtlSeconds, systemClock);
const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
const { notifier, messages, evidence, inboundMail } = buildMailAdapters(mail, { dynamo: clients.dynamo, s3, mailer: clients.mailer }, undefined, { downloads, ...(renderer ? { renderer } : {}) });
const handlers = createWorkflowHandlers(buildWorkflowDeps(config, clients, { notifier, identity: qesIdentityVerifier({ messages, evidence, inboundMail }, systemClock) }));

export const intake = handlers.intake;
export const resume = handlers.resume;
export const awaitSubject = handlers.awaitSubject;
export const conclude = handlers.conclude;
export const extend = handlers.extend;
export const feeNotice = handlers.feeNotice;
export const flagForStaff = handlers.flagForStaff;
export const timerPlan = handlers.timerPlan;
export const timerAlert = handlers.timerAlert;
