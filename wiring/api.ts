import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import type { ApiConfig } from '#config/api-config.ts';
import { apiClients, loadApiConfigs, type ApiConfigs } from './api-configs.ts';
import type { ApiDeps } from '#http/deps.ts';
import type { AwsClients } from './clients.ts';
import { buildApiDeps } from './http-deps.ts';
import { buildWorkflowEngine } from './workflow-engine.ts';

/**
 * What the API function's composition root (partner API, staff JSON API, public documents) and
 * the console's share (the API's own additions are in api-function.ts): the same adapters, so a
 * console action and its JSON twin run the very same use case. Config and clients are built once
 * per container.
 */
export function apiDepsFromEnv(): { config: ApiConfig; configs: ApiConfigs; deps: ApiDeps; aws: AwsClients } {
  const configs = loadApiConfigs();
  const aws = apiClients(configs);
  return { config: configs.api, configs, aws, deps: apiDepsWith(configs, aws) };
}

/** The API's deps from configurations already loaded, over the given clients. */
export function apiDepsWith(configs: ApiConfigs, aws: AwsClients): ApiDeps {
  const renderer = lambdaLetterRenderer(configs.letters.functionName, configs.api.region);
  return {
    ...buildApiDeps(configs.api, undefined, configs.mail, renderer ? { renderer, combiner: renderer } : {}, aws),
    ...withWorkflowAcknowledgements(buildWorkflowEngine(configs.workflows)),
  };
}

/** With workflows, the intake step sends e-mail acknowledgements (composeWorkflowDeps gives it the outbox). */
function withWorkflowAcknowledgements(engine: ReturnType<typeof buildWorkflowEngine>): ReturnType<typeof buildWorkflowEngine> & { acknowledgeInWorkflow?: boolean } {
  return engine.workflows ? { ...engine, acknowledgeInWorkflow: true } : engine;
}
