import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadInfraConfig } from './config.ts';
import { DataStack } from './data-stack.ts';
import { ServiceStack } from './service-stack.ts';

/**
 * The CDK app (`npm run synth`, `npx cdk deploy`): the stateful data stack and the stateless
 * service stack, checked by cdk-nag's AWS Solutions pack at synth.
 */
export function buildApp(app: App = new App()): { app: App; data: DataStack; service: ServiceStack } {
  const config = loadInfraConfig((key) => app.node.tryGetContext(key));
  // The region is a deployment parameter (context, default eu-central-1), never the CLI's default
  // region: a profile set to us-east-1 must not move personal data out of the EU.
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region };
  const data = new DataStack(app, 'RightsdeskData', { env, description: 'rightsdesk: table, key and buckets (retained)' });
  const service = new ServiceStack(app, 'RightsdeskService', { env, data, config, description: 'rightsdesk: functions, API, sign-in, mail, alarms' });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, service };
}

if (import.meta.url === `file://${process.argv[1]}`) buildApp().app.synth();
