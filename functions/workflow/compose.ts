import { buildMailAdapters, s3ClientFor, type MailAdapters } from '#adapters/email-deps.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { S3AnswerDownloads } from '#adapters/s3/answer-downloads.ts';
import { S3AnswerFileStore } from '#adapters/s3/answer-file-store.ts';
import { answerDownloadLinks, buildWorkflowDeps, emailControlLinks, workflowClients } from '#adapters/workflow-deps.ts';
import { loadEmailControlConfig } from '#config/forms-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowConfig } from '#config/workflow-config.ts';
import type { IdentityVerifier } from '#ports/cases.ts';
import { systemClock } from '#adapters/system.ts';
import { createWorkflowHandlers } from './handlers.ts';

/**
 * The workflow steps' composition root, shared by the two Lambda entries: config and clients
 * are built once per container. Only the intake entry passes an identity verifier, so the QES
 * validation code (asn1js, @xmldom/xmldom and shared/identity: ~200 KB) is bundled into that one
 * function alone.
 */
export function composeWorkflowHandlers(identity?: (mail: MailAdapters) => IdentityVerifier) {
  const config = loadWorkflowConfig();
  const clients = workflowClients(config);
  const mail = loadMailConfig();
  const s3 = s3ClientFor(mail);
  // Only await-subject (e-mail control links) and conclude (answer download links) are given the
  // forms secret (infra/service-stack.ts).
  const links = loadEmailControlConfig();
  const downloads = new S3AnswerDownloads(s3, mail.answersBucket, mail.answerLinkTtlSeconds, systemClock, links ? answerDownloadLinks(links) : undefined);
  const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  const adapters = buildMailAdapters(mail, { dynamo: clients.dynamo, s3, mailer: clients.mailer }, undefined, { downloads, ...(renderer ? { renderer } : {}) });
  return createWorkflowHandlers(
    buildWorkflowDeps(config, clients, {
      notifier: adapters.notifier,
      answerFiles: new S3AnswerFileStore(s3, mail.answersBucket, systemClock),
      ...(identity ? { identity: identity(adapters) } : {}),
      ...(links ? { links: emailControlLinks(links) } : {}),
    }),
  );
}
