import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { loadApiConfig, type ApiConfig } from '#config/api-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { ApiDeps } from '#http/deps.ts';
import { awsClients, type AwsClients } from './clients.ts';
import { buildApiDeps } from './http-deps.ts';
import { buildWorkflowEngine } from './workflow-engine.ts';

/**
 * What the API function's composition root (partner API, staff JSON API, public documents) and
 * the console's share (the API's own additions are in api-function.ts): the same adapters, so a
 * console action and its JSON twin run the very same use case. Config and clients are built once
 * per container.
 */
export function apiDepsFromEnv(): { config: ApiConfig; deps: ApiDeps; aws: AwsClients } {
  const config = loadApiConfig();
  const mail = loadMailConfig();
  const aws = awsClients({ ...config, ...(mail.s3Endpoint ? { s3Endpoint: mail.s3Endpoint } : {}) });
  const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  return {
    config,
    aws,
    deps: {
      ...buildApiDeps(config, undefined, mail, renderer ? { renderer, combiner: renderer } : {}, aws),
      ...withWorkflowAcknowledgements(buildWorkflowEngine(loadWorkflowEngineConfig())),
    },
  };
}

/** With workflows, the intake step sends e-mail acknowledgements (composeWorkflowDeps gives it the outbox). */
function withWorkflowAcknowledgements(engine: ReturnType<typeof buildWorkflowEngine>): ReturnType<typeof buildWorkflowEngine> & { acknowledgeInWorkflow?: boolean } {
  return engine.workflows ? { ...engine, acknowledgeInWorkflow: true } : engine;
}
