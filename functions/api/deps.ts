import { buildApiDeps } from '#adapters/api-deps.ts';
import { lambdaLetterRenderer } from '#adapters/lambda/letter-renderer.ts';
import { buildWorkflowEngine } from '#adapters/sfn/build-engine.ts';
import { loadApiConfig, type ApiConfig } from '#config/api-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { ApiDeps } from '#http/deps.ts';

/**
 * The composition root of the two HTTP functions (the API, and the console pages): the same
 * adapters, so a console action and its JSON twin run the very same use case.
 */
export function lambdaApiDeps(): { config: ApiConfig; deps: ApiDeps } {
  const config = loadApiConfig();
  const renderer = lambdaLetterRenderer(loadLetterConfig().functionName, config.region);
  return {
    config,
    deps: {
      ...buildApiDeps(config, undefined, loadMailConfig(), renderer ? { renderer } : {}),
      ...buildWorkflowEngine(loadWorkflowEngineConfig()),
    },
  };
}
