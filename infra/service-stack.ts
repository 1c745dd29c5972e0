import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TextWidget, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AccountRecovery, Mfa, OAuthScope, UserPool, UserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ConfigurationSet, ConfigurationSetEventDestination, EmailIdentity, EmailSendingEvent, EventDestination, Identity, ReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { S3 } from 'aws-cdk-lib/aws-ses-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { TABLE_INDEXES } from '#adapters/dynamodb/table.ts';
import { FUNCTIONS, type FunctionSpec } from './bundling.ts';
import type { InfraConfig } from './config.ts';
import { RightsdeskFunction } from './constructs/rightsdesk-function.ts';
import type { DataStack } from './data-stack.ts';

/** Custom metric the deadline sweep publishes; the "cases overdue" alarm watches it. */
export const OVERDUE_METRIC = { namespace: 'Rightsdesk', metricName: 'CasesOverdue' } as const;

export interface ServiceStackProps extends StackProps {
  readonly data: DataStack;
  readonly config: InfraConfig;
}

/** DynamoDB actions per kind of access; transactions need the item-level actions they contain. */
const TABLE_ACTIONS = {
  readWrite: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Query'],
} as const;
/** What a principal needs to use the table's customer-managed key through DynamoDB/S3. */
const KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

/**
 * The stateless part: Lambda functions, the HTTP API, staff sign-in (Cognito), SES sending and
 * receiving, alarms and a dashboard. Every function gets exactly the actions it uses.
 */
export class ServiceStack extends Stack {
  readonly functions: Readonly<Record<string, RightsdeskFunction>>;
  readonly httpApi: HttpApi;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { data, config } = props;

    const alarmTopic = new Topic(this, 'Alarms', { masterKey: data.key, enforceSSL: true, displayName: 'rightsdesk alarms' });
    if (config.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));

    // Staff sign in with the hosted UI (OIDC code flow with PKCE); groups carry the roles.
    const userPool = new UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
    });
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason: 'Threat protection (Plus plan) is a per-user cost decision for the operator; MFA is required for every staff user and sign-up is closed.',
    });
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'The Plus feature plan is a per-user cost decision for the operator; the pool is closed to sign-up and requires MFA.',
    });
    for (const role of ['agent', 'approver', 'admin']) new UserPoolGroup(this, `Group-${role}`, { userPool, groupName: role });
    userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: config.cognitoDomainPrefix } });
    const staffClient = userPool.addClient('Console', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${config.consoleOrigin}/console/auth/callback`],
        logoutUrls: [`${config.consoleOrigin}/console`],
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
    });

    // SES: every tenant mailbox sends; bounces and complaints are published for the case to be flagged.
    const mailEvents = new Topic(this, 'MailEvents', { masterKey: data.key, enforceSSL: true, displayName: 'rightsdesk SES bounces and complaints' });
    const configurationSet = new ConfigurationSet(this, 'Mail', { reputationMetrics: true });
    new ConfigurationSetEventDestination(this, 'MailEventsDestination', {
      configurationSet,
      destination: EventDestination.snsTopic(mailEvents),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT, EmailSendingEvent.DELIVERY],
    });
    const identities = config.mailboxes.map((mailbox, i) => new EmailIdentity(this, `Mailbox${i}`, { identity: Identity.email(mailbox), configurationSet }));

    // Receiving: raw mail lands in the inbound bucket (the evidence of receipt) before anything parses it.
    const receiptRules = new ReceiptRuleSet(this, 'Inbound');
    receiptRules.addRule('PrivacyMailboxes', {
      recipients: [...config.mailboxes],
      scanEnabled: true,
      actions: [new S3({ bucket: data.inboundMailBucket, objectKeyPrefix: 'inbound/' })],
    });

    const environment: Record<string, string> = {
      RIGHTSDESK_TABLE: data.table.tableName,
      AUTH_ISSUER: config.tokenIssuer,
      AUTH_AUDIENCE: config.tokenAudience,
      AUTH_JWKS_URL: config.partnerJwksUrl,
      SES_CONFIGURATION_SET: configurationSet.configurationSetName,
    };
    const functions: Record<string, RightsdeskFunction> = {};
    for (const spec of FUNCTIONS) functions[spec.name] = this.function(spec, data, environment);
    this.functions = functions;

    const api = this.required(functions, 'api');
    this.grantTable(api, data, TABLE_ACTIONS.readWrite);
    api.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          ...identities.map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity.emailIdentityName })),
          this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
        ],
      }),
    );

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'rightsdesk partner API, staff API and console',
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', api),
      createDefaultStage: false,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Authorization is done in the application: jose verifies partner and staff JWTs (algorithm allow-list, iss/aud/exp) on every /v1 and /console/api route; /healthz, /openapi.json, /docs and the public web form are public by design.',
    });

    this.alarms = this.createAlarms(alarmTopic, functions);
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    new CfnOutput(this, 'StaffUserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: staffClient.userPoolClientId });
  }

  private function(spec: FunctionSpec, data: DataStack, environment: Record<string, string>): RightsdeskFunction {
    return new RightsdeskFunction(this, `Fn-${spec.name}`, { spec, key: data.key, environment });
  }

  private required(functions: Record<string, RightsdeskFunction>, name: string): RightsdeskFunction {
    const fn = functions[name];
    if (!fn) throw new Error(`Function "${name}" is not declared in infra/bundling.ts`);
    return fn;
  }

  private grantTable(fn: RightsdeskFunction, data: DataStack, actions: readonly string[]): void {
    const indexes = Object.values(TABLE_INDEXES).map((index) => `${data.table.tableArn}/index/${index.name}`);
    fn.addToRolePolicy(new PolicyStatement({ actions: [...actions], resources: [data.table.tableArn, ...indexes] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: KEY_ACTIONS, resources: [data.key.keyArn] }));
  }

  private createAlarms(topic: Topic, functions: Record<string, RightsdeskFunction>): Alarm[] {
    const action = new SnsAction(topic);
    const alarms: Alarm[] = [];
    const add = (alarm: Alarm) => {
      alarm.addAlarmAction(action);
      alarms.push(alarm);
      return alarm;
    };

    const overdue = new Metric({ ...OVERDUE_METRIC, statistic: 'Maximum', period: Duration.minutes(15) });
    add(new Alarm(this, 'CasesOverdue', {
      alarmDescription: 'At least one case is past its legal due date without an answer.',
      metric: overdue,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }));

    const api5xx = this.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' });
    add(new Alarm(this, 'Api5xx', {
      alarmDescription: 'The HTTP API answered with 5xx errors.',
      metric: api5xx,
      threshold: 5,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }));

    const bounceRate = new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: Duration.hours(1) });
    add(new Alarm(this, 'SesBounceRate', {
      alarmDescription: 'SES bounce rate above 5 %: replies are not reaching subjects (SES reviews accounts at 5 %, pauses at 10 %).',
      metric: bounceRate,
      threshold: 0.05,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }));

    const dlqDepths: Metric[] = [];
    for (const [name, fn] of Object.entries(functions)) {
      if (!fn.failureQueue) continue;
      const depth = fn.failureQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' });
      dlqDepths.push(depth);
      add(new Alarm(this, `Dlq-${name}`, {
        alarmDescription: `Asynchronous invocations of ${name} failed after retries; the events wait in its dead-letter queue.`,
        metric: depth,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }));
    }

    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${this.stackName}-rightsdesk` });
    dashboard.addWidgets(
      new TextWidget({ markdown: '# rightsdesk\nDeadlines, delivery and failures.', width: 24, height: 2 }),
      new GraphWidget({ title: 'Cases overdue', left: [overdue], width: 8 }),
      new GraphWidget({ title: 'API 5xx', left: [api5xx], width: 8 }),
      new GraphWidget({ title: 'SES bounce rate', left: [bounceRate], width: 8 }),
    );
    if (dlqDepths.length > 0) {
      const total = new MathExpression({ expression: dlqDepths.map((_, i) => `m${i}`).join(' + '), usingMetrics: Object.fromEntries(dlqDepths.map((m, i) => [`m${i}`, m])), label: 'Failed async invocations' });
      dashboard.addWidgets(new GraphWidget({ title: 'Dead-letter queues', left: [total], width: 24 }));
    }
    return alarms;
  }
}
