import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';

/**
 * The CDK app as `npm run synth` builds it (cdk.json context), without bundling the functions
 * (`aws:cdk:bundling-stacks: []`): templates in about a second, for tests that read policies.
 * tests/unit/infra.test.ts still synthesises with bundles once.
 */
export function synthTemplates(extraContext: Record<string, unknown> = {}): { data: Template; service: Template; synth: () => void } {
  const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
  const built = buildApp(new App({ context: { ...context, 'aws:cdk:bundling-stacks': [], ...extraContext } }));
  return { data: Template.fromStack(built.data), service: Template.fromStack(built.service), synth: () => built.app.synth() };
}
