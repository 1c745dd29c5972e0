import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_INDEXES } from '#adapters/dynamodb/table.ts';
import { tenantRegistry } from '#tenants/registry.ts';
import { buildApp } from '../../infra/app.ts';
import { FUNCTIONS, LETTER_FONT } from '../../infra/bundling.ts';
import { STATE_MACHINES } from '#adapters/sfn/definitions.ts';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }>;

let data: Template;
let service: Template;
let synthError: unknown;
/** The cloud assembly directory, where CDK left each function's bundle (asset.<hash>/). */
let assemblyDir: string;

beforeAll(() => {
  // The same context `npm run synth` uses (cdk.json), so the tests see what gets deployed.
  const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
  // A throwaway certificate stands in for the LOTL signers so the trusted-list refresh is deployed too.
  const lotlSigners = join(mkdtempSync(join(tmpdir(), 'rightsdesk-infra-')), 'lotl-signers.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=test LOTL signer', '-days', '2', '-keyout', '/dev/null', '-out', lotlSigners], { stdio: 'ignore' });
  const built = buildApp(new App({ context: { ...context, 'rightsdesk:lotlSignersFile': lotlSigners } }));
  data = Template.fromStack(built.data);
  service = Template.fromStack(built.service);
  assemblyDir = built.app.outdir;
  try {
    built.app.synth();
  } catch (error) {
    synthError = error;
  }
  // 240 s, not 120: synthesis bundles every function (the fulfilment and task-digest functions joined them), and
  // the unit suite runs beside other work on a shared machine (a full run hit 120 s).
}, 240_000);

const resourcesOf = (template: Template, type: string): Resources => template.findResources(type) as Resources;
const allPolicyStatements = (template: Template) =>
  [...Object.values(resourcesOf(template, 'AWS::IAM::Policy')), ...Object.values(resourcesOf(template, 'AWS::IAM::Role'))].flatMap((r) => {
    const props = r.Properties as { PolicyDocument?: { Statement: unknown[] }; Policies?: Array<{ PolicyDocument: { Statement: unknown[] } }> };
    return [...(props.PolicyDocument?.Statement ?? []), ...(props.Policies ?? []).flatMap((p) => p.PolicyDocument.Statement)] as Array<{ Action: string | string[]; Resource?: unknown }>;
  });

describe('CDK app', () => {
  it('synthesises with zero unsuppressed cdk-nag (AwsSolutions) findings', () => {
    expect(synthError).toBeUndefined();
  });

  it('gives every function the shared defaults: Node.js 24, arm64, ESM handler, JSON logs, tracing', () => {
    const functions = Object.values(resourcesOf(service, 'AWS::Lambda::Function'));
    expect(functions).toHaveLength(FUNCTIONS.length);
    const handlers = new Set(FUNCTIONS.map((f) => `index.${f.handler ?? 'handler'}`));
    expect(new Set(functions.map((fn) => fn.Properties?.Handler))).toEqual(handlers);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        LoggingConfig: { LogFormat: 'JSON' },
        TracingConfig: { Mode: 'Active' },
        KmsKeyArn: expect.anything(),
      });
    }
  });

  it('gives every asynchronously invoked function retries and an on-failure destination', () => {
    const asyncCount = FUNCTIONS.filter((f) => f.async).length;
    const configs = Object.values(resourcesOf(service, 'AWS::Lambda::EventInvokeConfig'));
    expect(configs).toHaveLength(asyncCount);
    for (const config of configs) expect(config.Properties).toMatchObject({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: expect.anything() } } });
  });

  it('encrypts the table with the customer-managed key, with PITR, deletion protection, TTL and the adapter’s indexes', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    const table = Object.values(resourcesOf(data, 'AWS::DynamoDB::Table'))[0];
    expect(table?.DeletionPolicy).toBe('Retain');
    const indexes = (table?.Properties?.GlobalSecondaryIndexes as Array<{ IndexName: string }>).map((i) => i.IndexName).sort();
    expect(indexes).toEqual(Object.values(TABLE_INDEXES).map((i) => i.name).sort());
    data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('blocks public access, requires TLS and encrypts every bucket; evidence expires fast', () => {
    const buckets = resourcesOf(data, 'AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(4);
    expect(Object.values(buckets).filter((b) => JSON.stringify(b.Properties?.BucketName ?? '').includes('rightsdesk-'))).toHaveLength(3);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(JSON.stringify(bucket.Properties?.BucketEncryption)).toMatch(/"SSEAlgorithm":"(aws:kms|AES256)"/);
    }
    const kmsBuckets = Object.values(buckets).filter((b) => JSON.stringify(b.Properties?.BucketEncryption).includes('aws:kms'));
    expect(kmsBuckets).toHaveLength(3);
    const policies = Object.values(resourcesOf(data, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(4);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties)).toContain('"aws:SecureTransport":"false"');
    }
    data.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 30 })]) },
    });
  });

  it('grants no wildcard actions in any IAM policy', () => {
    const statements = [...allPolicyStatements(service), ...allPolicyStatements(data)];
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      for (const action of [statement.Action].flat()) expect(action, JSON.stringify(statement)).not.toContain('*');
    }
  });

  it('lets the API read and write the table and its indexes, and send mail only from the tenant mailboxes', () => {
    const apiPolicy = JSON.stringify(service.findResources('AWS::IAM::Policy'));
    // No transaction holds a ConditionCheck item, so ConditionCheckItem is no longer granted (an unused
    // grant, issue 12); BatchGetItem is (the message store sends it: H1).
    for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'ses:SendEmail']) {
      expect(apiPolicy).toContain(action);
    }
    expect(apiPolicy).not.toContain('dynamodb:Scan');
    expect(apiPolicy).not.toContain('dynamodb:DeleteTable');
    for (const index of Object.values(TABLE_INDEXES)) expect(apiPolicy).toContain(`/index/${index.name}`);
  });

  it('throttles the HTTP API and logs access', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
  });

  it('signs staff in through Cognito with MFA and the code flow only', () => {
    service.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    service.hasResourceProperties('AWS::Cognito::UserPoolClient', { AllowedOAuthFlows: ['code'], GenerateSecret: false });
    expect(Object.keys(service.findResources('AWS::Cognito::UserPoolGroup'))).toHaveLength(3);
  });

  it('receives mail for every tenant mailbox into the inbound bucket, and sends with a configuration set', () => {
    service.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Recipients: tenantRegistry.list().map((t) => t.mailbox),
        Actions: [Match.objectLike({ S3Action: Match.objectLike({ ObjectKeyPrefix: 'inbound/' }) }), Match.objectLike({ LambdaAction: Match.objectLike({ InvocationType: 'Event' }) })],
      }),
    });
    service.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
    expect(Object.keys(service.findResources('AWS::SES::EmailIdentity'))).toHaveLength(5);
    service.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']) }),
    });
  });

  it('deploys the state machine files from statemachines/ unchanged, with every ${…} substituted', () => {
    const machines = Object.values(resourcesOf(service, 'AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(Object.keys(STATE_MACHINES).length);
    for (const machine of Object.values(STATE_MACHINES)) {
      const deployed = machines.find((m) => m.Properties?.StateMachineName === machine.name);
      const file = readFileSync(machine.file, 'utf8');
      expect(JSON.parse(String(deployed?.Properties?.DefinitionString))).toEqual(JSON.parse(file));
      const placeholders = new Set([...file.matchAll(/\$\{([A-Za-z]+)\}/g)].map((m) => m[1]));
      expect(Object.keys(deployed?.Properties?.DefinitionSubstitutions as object).sort()).toEqual(expect.arrayContaining([...placeholders].sort()));
      expect(deployed?.Properties).toMatchObject({ StateMachineType: 'STANDARD', TracingConfiguration: { Enabled: true }, LoggingConfiguration: { Level: 'ALL' } });
    }
  });

  it('uses wildcard resources only where names are chosen at run time', () => {
    const wildcardResources = new Set(
      allPolicyStatements(service)
        .flatMap((statement) => [statement.Resource].flat())
        .map((resource) => JSON.stringify(resource))
        .filter((resource) => resource.includes('*')),
    );
    const described = [...wildcardResources].map((r) =>
      r === '"*"'
        ? 'any (X-Ray, log delivery)'
        : r.includes(':execution:rightsdesk-deadline-timer:*')
          ? 'timer executions'
          : r.includes('rightsdesk-evidence-') && r.includes('/trusted-lists/*')
            ? 'cached trusted lists'
            : r.includes('rightsdesk-evidence-') && r.endsWith('/*"]]}')
              ? 'evidence objects'
              : r.includes('rightsdesk-answers-') && r.endsWith('/*"]]}')
                ? 'answer files'
                : r.includes('rightsdesk-inbound-mail-') && r.includes('/inbound/*')
                  ? 'received mail'
                  : r.includes(':log-stream:*')
                    ? 'own log streams'
                    : `unexpected: ${r}`,
    );
    expect(new Set(described)).toEqual(new Set(['any (X-Ray, log delivery)', 'timer executions', 'cached trusted lists', 'evidence objects', 'answer files', 'received mail', 'own log streams']));
  });

  it('runs the webhook retries every minute and the trusted-list refresh daily', () => {
    service.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    // The daily digest of open manual fulfilment tasks (docs/fulfilment.md).
    service.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 6 * * ? *)', State: 'ENABLED' });
    service.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(17 3 * * ? *)', State: 'ENABLED' });
  });

  it('signs webhooks with an asymmetric KMS key: the sender may only Sign, the API only read the public key', () => {
    data.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const statements = allPolicyStatements(service).map((st) => JSON.stringify(st));
    // Three signers of the one key: the webhook sender, the API sealing evidence packs (docs/accountability.md),
    // and fulfilment signing the HTTP connector's requests and Art. 19 API notices (docs/fulfilment.md).
    expect(statements.filter((st) => st.includes('"kms:Sign"'))).toHaveLength(3);
    expect(statements.filter((st) => st.includes('"kms:GetPublicKey"'))).toHaveLength(1);
    const environments = Object.values(resourcesOf(service, 'AWS::Lambda::Function')).map((fn) => JSON.stringify((fn.Properties?.Environment as { Variables?: unknown } | undefined)?.Variables ?? {}));
    expect(environments.some((env) => env.includes('WEBHOOK_KMS_KEY_ID'))).toBe(true);
    expect(environments.some((env) => env.includes('WEBHOOK_SIGNING_KEYS'))).toBe(false); // no private key in any environment
  });

  it('counts overdue cases every 5 minutes with nothing but a COUNT query on the open queue', () => {
    service.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
    const [gauge] = Object.values(resourcesOf(service, 'AWS::Lambda::Function')).filter((f) => (f.Properties as { Description?: string }).Description?.startsWith('CasesOverdue gauge'));
    const role = ((gauge?.Properties as { Role: { 'Fn::GetAtt': [string, string] } }).Role)['Fn::GetAtt'][0];
    const policies = Object.values(resourcesOf(service, 'AWS::IAM::Policy')).filter((p) => JSON.stringify((p.Properties as { Roles: unknown[] }).Roles).includes(`"${role}"`));
    const actions = policies.flatMap((p) => (p.Properties as { PolicyDocument: { Statement: Array<{ Action: string | string[] }> } }).PolicyDocument.Statement.flatMap((st) => [st.Action].flat()));
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:Query']);
    expect(JSON.stringify(policies)).toContain(`/index/${TABLE_INDEXES.byQueueDue.name}`);
  });

  it('routes the public web form to its own function and keeps generated secrets out of the template', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /forms/{proxy+}' });
    service.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /forms/{proxy+}' });
    // The console pages have their own function; their JSON API stays on the API function.
    for (const key of ['GET /console', 'GET /console/{proxy+}', 'POST /console/{proxy+}', 'ANY /console/api/{proxy+}']) service.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    const environments = Object.values(resourcesOf(service, 'AWS::Lambda::Function')).map((fn) => JSON.stringify((fn.Properties?.Environment as { Variables?: unknown } | undefined)?.Variables ?? {}));
    const withSecret = environments.filter((env) => env.includes('FORM_SECRET') || env.includes('CONSOLE_SESSION_SECRET'));
    // Issue 16 added inbound-email: the acknowledgement of an e-mailed request carries the e-mail control link.
    // Fulfilment renders the console's task pages, so it reads the console's session secret too.
    // Issue 16 (partner API cases) added workflow-intake: its acknowledgement carries the link too.
    expect(withSecret).toHaveLength(7); // forms, console and fulfilment (sessions), workflow-await-subject, workflow-intake and inbound-email (e-mail control links), workflow-conclude (download links)
    for (const env of withSecret) expect(env).toContain('{{resolve:secretsmanager:');
    expect(environments.some((env) => env.includes('"LETTER_FONT_PATH":"/var/task/DejaVuSans-letters.ttf"'))).toBe(true);
    service.hasResourceProperties('AWS::Cognito::UserPool', { Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant', Mutable: false })]) });
  });

  it('bundles the letters function with its esbuild aliases (no fontkit, pako or UPNG) within budget, the subset font beside it', () => {
    const spec = FUNCTIONS.find((f) => f.name === 'letters');
    const letters = Object.values(resourcesOf(service, 'AWS::Lambda::Function')).find((fn) => fn.Properties?.Description === spec?.description);
    const key = (letters?.Properties?.Code as { S3Key?: string } | undefined)?.S3Key;
    expect(key).toMatch(/^[0-9a-f]{64}\.zip$/);
    const dir = join(assemblyDir, `asset.${key!.replace(/\.zip$/, '')}`);
    const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(statSync(join(dir, 'index.mjs')).size / 1024).toBeLessThanOrEqual(spec!.budgetKb);
    expect(bundle).toContain('PNG embedding is not part of the letters function');
    expect(bundle).not.toContain('incorrect header check'); // pako's inflate
    expect(bundle).not.toContain('Unknown font format'); // fontkit
    expect(existsSync(join(dir, LETTER_FONT.runtimePath.split('/').pop()!))).toBe(true);
  });

  it('maps the API to the controller’s own domain only when a domain and certificate are given', () => {
    expect(Object.keys(service.findResources('AWS::ApiGatewayV2::DomainName'))).toHaveLength(0);
    const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
    // Without bundling (beforeAll bundled every function once already): the domain mapping is all this checks.
    const withDomain = buildApp(
      new App({ context: { ...context, 'aws:cdk:bundling-stacks': [], 'rightsdesk:apiDomain': 'privacy.example.lt', 'rightsdesk:apiCertificateArn': 'arn:aws:acm:eu-central-1:123456789012:certificate/test' } }),
    );
    const template = Template.fromStack(withDomain.service);
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'privacy.example.lt' });
    expect(Object.keys(template.findResources('AWS::ApiGatewayV2::ApiMapping'))).toHaveLength(1);
    expect(() => buildApp(new App({ context: { ...context, 'aws:cdk:bundling-stacks': [], 'rightsdesk:apiDomain': 'privacy.example.lt' } }))).toThrow(/apiCertificateArn/);
  }, 120_000);

  it('has the alarms: cases overdue, API 5xx, SES bounce rate, and a dead-letter queue alarm per async function', () => {
    const alarms = Object.values(resourcesOf(service, 'AWS::CloudWatch::Alarm')).map((a) => JSON.stringify(a.Properties));
    expect(alarms.some((a) => a.includes('"MetricName":"CasesOverdue"'))).toBe(true);
    expect(alarms.some((a) => a.includes('"MetricName":"5xx"'))).toBe(true);
    expect(alarms.some((a) => a.includes('"MetricName":"Reputation.BounceRate"'))).toBe(true);
    // One per async function's failure destination, plus (issue 12, L2) one per EventBridge target's and the SNS subscription's dead-letter queue.
    const eventSources = Object.keys(service.findResources('AWS::Events::Rule')).length + Object.keys(service.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'lambda' } })).length;
    expect(alarms.filter((a) => a.includes('ApproximateNumberOfMessagesVisible'))).toHaveLength(FUNCTIONS.filter((f) => f.async).length + eventSources);
    expect(alarms.filter((a) => a.includes('ExecutionsFailed') && a.includes('ExecutionsTimedOut'))).toHaveLength(Object.keys(STATE_MACHINES).length);
    expect(alarms.every((a) => a.includes('AlarmActions'))).toBe(true);
    expect(Object.keys(service.findResources('AWS::CloudWatch::Dashboard'))).toHaveLength(1);
  });
});
