import { loadOnce } from '#domain/load-once.ts';
import { AWS_CLIENT_LIMITS } from '#adapters/aws-client-limits.ts';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { WorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { SfnWorkflowEngine } from '#adapters/sfn/workflow-engine.ts';

/**
 * The Step Functions engine for a Lambda composition root, or none when workflows are not
 * configured. Its client is made, and the SDK package loaded, on the first start or decision:
 * the HTTP functions' reads never need it, and every package loaded at init costs every cold start.
 */
export function buildWorkflowEngine(config: WorkflowEngineConfig | null): { workflows?: WorkflowEngine } {
  if (!config) return {};
  return { workflows: new SfnWorkflowEngine(lazySfnClient(config), config.arns) };
}

/** One SFN client per composition root, made on first use. */
export function lazySfnClient(config: WorkflowEngineConfig): () => Promise<SFNClient> {
  return loadOnce(() => import('@aws-sdk/client-sfn').then(({ SFNClient }) => new SFNClient({ ...AWS_CLIENT_LIMITS, region: config.region, ...(config.sfnEndpoint ? { endpoint: config.sfnEndpoint } : {}) })));
}
