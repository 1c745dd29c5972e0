import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';

type Fn = { Properties?: { Description?: string; Environment?: { Variables?: Record<string, unknown> }; VpcConfig?: { SubnetIds?: unknown[]; SecurityGroupIds?: unknown[] } } };

/** Fulfilment on AWS (docs/fulfilment.md): its own function and routes, the digest schedule, the databases' secret and network. */
describe('fulfilment on AWS', () => {
  const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
  const secretArn = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:rightsdesk/fulfilment-databases-AbCdEf';
  const built = buildApp(
    new App({
      context: {
        ...context,
        // The template is what is checked here; no function is bundled (infra.test.ts bundles them all).
        'aws:cdk:bundling-stacks': [],
        'rightsdesk:fulfilmentDatabasesSecretArn': secretArn,
        'rightsdesk:fulfilmentVpcId': 'vpc-0a1b2c3d',
        'rightsdesk:fulfilmentSubnetIds': 'subnet-0a1,subnet-0b2',
        'rightsdesk:fulfilmentSecurityGroupIds': 'sg-0c3',
      },
    }),
  );
  const template = Template.fromStack(built.service);
  const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Fn[];
  const fulfilment = functions.find((f) => f.Properties?.Description?.startsWith('Fulfilment:'));

  it('routes the task API, callbacks, task pages and the register download to the fulfilment function', () => {
    for (const key of ['GET /console/api/cases/{id}/tasks', 'POST /console/api/cases/{id}/tasks/{proxy+}', 'POST /fulfilment/callbacks/{tenant}', 'GET /console/cases/{id}/tasks', 'POST /console/cases/{id}/tasks/{proxy+}', 'GET /console/records/{proxy+}', 'GET /console/api/cases/{id}/notices']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    }
  });

  it('reads the database URLs from the secret by a dynamic reference and runs in the given subnets', () => {
    expect(fulfilment).toBeDefined();
    const env = JSON.stringify(fulfilment!.Properties?.Environment?.Variables ?? {});
    expect(env).toContain('FULFILMENT_DATABASE_URLS');
    expect(env).toContain(`{{resolve:secretsmanager:${secretArn}:SecretString:::}}`);
    expect(env).not.toMatch(/postgres(ql)?:\/\//);
    expect(fulfilment!.Properties?.VpcConfig?.SubnetIds).toEqual(['subnet-0a1', 'subnet-0b2']);
    expect(fulfilment!.Properties?.VpcConfig?.SecurityGroupIds).toEqual(['sg-0c3']);
    // No other function is put in the controller's network.
    expect(functions.filter((f) => f.Properties?.VpcConfig)).toHaveLength(1);
  });

  it('sends the task digest daily, through a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 6 * * ? *)', Targets: Match.arrayWith([Match.objectLike({ DeadLetterConfig: Match.anyValue(), RetryPolicy: { MaximumRetryAttempts: 0 } })]) });
  });
}, 180_000);
