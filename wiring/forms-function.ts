import { systemClock } from '#adapters/system.ts';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { loadFormsConfig, type FormsConfig } from '#config/forms-config.ts';
import { loadMailConfig, type MailConfig } from '#config/mail-config.ts';
import { loadWorkflowEngineConfig, type WorkflowEngineConfig } from '#config/workflow-engine-config.ts';
import type { FormsDeps, FormsPageDeps } from '#http/forms/forms-app.tsx';
import { tenantRegistry } from '#tenants/registry.ts';

/** Every configuration the form function reads, validated together at init (fail fast). */
export interface FormsConfigs {
  readonly mail: MailConfig;
  readonly forms: FormsConfig;
  readonly workflows: WorkflowEngineConfig | null;
}

export function loadFormsConfigs(): FormsConfigs {
  return { mail: loadMailConfig(), forms: loadFormsConfig(), workflows: loadWorkflowEngineConfig() };
}

/**
 * The forms function's composition: at init, its configuration and what the form page needs (the
 * tenants, its form tokens); the rest of its deps (clients, repository, notifier, workflows:
 * forms.ts) on the first request that needs them, from a chunk of their own (issue 15). Opening
 * the form, the usual first request, loads no AWS client at all.
 */
export function formsFunctionFromEnv(): { page: FormsPageDeps; loadDeps: () => Promise<FormsDeps> } {
  const configs = loadFormsConfigs();
  if (!configs.workflows) throw new Error('The forms function needs CASE_WORKFLOW_ARN and DEADLINE_TIMER_ARN.');
  return {
    page: { tenants: tenantRegistry, formTokens: new JoseFormTokens(configs.forms.secret, { now: () => systemClock.now() }), frameAncestors: configs.forms.frameAncestors },
    loadDeps: () => import('./forms.ts').then((m) => m.formsWith(configs)),
  };
}
