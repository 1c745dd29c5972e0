import { App } from 'aws-cdk-lib';
import { DataStack } from './data-stack.ts';

/** The CDK app (`cdk.json` runs it with tsx). */
const app = new App();
new DataStack(app, 'RightsdeskData', { env: { region: process.env.CDK_DEFAULT_REGION ?? 'eu-central-1' } });
app.synth();
