import { loadApiConfig, type ApiConfig } from '#config/api-config.ts';
import { loadLetterConfig, type LetterConfig } from '#config/letter-config.ts';
import { loadMailConfig, type MailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig, type WorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import { awsClients, type AwsClients } from './clients.ts';

// Apart from api.ts so the console function validates its configuration at init without loading
// the composition root (api.ts), which it imports on the first request that needs the API's deps.

/** Every configuration the API's deps read, validated together (fail fast at init). */
export interface ApiConfigs {
  readonly api: ApiConfig;
  readonly mail: MailConfig;
  readonly letters: LetterConfig;
  readonly workflows: WorkflowEngineConfig | null;
}

export function loadApiConfigs(): ApiConfigs {
  return { api: loadApiConfig(), mail: loadMailConfig(), letters: loadLetterConfig(), workflows: loadWorkflowEngineConfig() };
}

/** The clients of one composition root (made on first use each: clients.ts). */
export function apiClients(configs: Pick<ApiConfigs, 'api' | 'mail'>): AwsClients {
  return awsClients({ ...configs.api, ...(configs.mail.s3Endpoint ? { s3Endpoint: configs.mail.s3Endpoint } : {}) });
}
