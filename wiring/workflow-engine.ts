import { AWS_CLIENT_LIMITS } from '#adapters/aws-client-limits.ts';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { WorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { WorkflowEngine } from '#ports/cases.ts';
import { SfnWorkflowEngine } from '#adapters/sfn/workflow-engine.ts';

/** The Step Functions engine for a Lambda composition root, or none when workflows are not configured. */
export function buildWorkflowEngine(config: WorkflowEngineConfig | null): { workflows?: WorkflowEngine } {
  if (!config) return {};
  const client = new SFNClient({ ...AWS_CLIENT_LIMITS, region: config.region, ...(config.sfnEndpoint ? { endpoint: config.sfnEndpoint } : {}) });
  return { workflows: new SfnWorkflowEngine(client, config.arns) };
}
