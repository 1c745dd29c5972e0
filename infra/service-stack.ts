import { ArnFormat, Aws, CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, Token, Validations, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { SecurityGroup, Subnet, Vpc } from 'aws-cdk-lib/aws-ec2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TextWidget, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AccountRecovery, Mfa, OAuthScope, StringAttribute, UserPool, UserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ConfigurationSet, ConfigurationSetEventDestination, EmailIdentity, EmailSendingEvent, EventDestination, Identity, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Lambda as LambdaAction, LambdaInvocationType, S3 } from 'aws-cdk-lib/aws-ses-actions';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Construct } from 'constructs';
import { TABLE_INDEXES } from '#adapters/dynamodb/table.ts';
import { METRIC_NAMESPACE, METRICS } from '#adapters/metrics/emf.ts';
import { STATE_MACHINES, TABLE_SUBSTITUTION, WORKFLOW_FUNCTIONS } from '#adapters/sfn/definitions.ts';
import { FUNCTIONS, LETTER_FONT, LOTL_SIGNERS_RUNTIME_PATH, type FunctionSpec } from './bundling.ts';
import type { InfraConfig } from './config.ts';
import { RightsdeskFunction, type RightsdeskFunctionProps } from './constructs/rightsdesk-function.ts';
import { FUNCTION_GRANTS, type GrantTarget } from './permissions.ts';
import { bucketName, type DataStack } from './data-stack.ts';

/** Where SES puts received mail in the inbound bucket (the inbound function reads it there). */
const INBOUND_PREFIX = 'inbound/';

/** Published (Embedded Metric Format) by the deadline timer each time it escalates a case. */
const OVERDUE = { namespace: METRIC_NAMESPACE, metricName: METRICS.casesOverdue } as const;
const ESCALATIONS = { namespace: METRIC_NAMESPACE, metricName: METRICS.caseEscalations } as const;

export interface ServiceStackProps extends StackProps {
  readonly data: DataStack;
  readonly config: InfraConfig;
}

/** What a principal needs to use the table's customer-managed key through DynamoDB/S3. */
const KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

/**
 * The stateless part: Lambda functions, the HTTP API, staff sign-in (Cognito), SES sending and
 * receiving, alarms and a dashboard. Every function gets exactly the actions it uses.
 */
export class ServiceStack extends Stack {
  readonly functions: Readonly<Record<string, RightsdeskFunction>>;
  readonly stateMachines: Readonly<Record<keyof typeof STATE_MACHINES, StateMachine>>;
  readonly httpApi: HttpApi;
  readonly alarms: readonly Alarm[];
  private readonly reserveConcurrency: boolean;
  /** Dead-letter queues of EventBridge targets and the SNS subscription (alarmed like the functions' own). */
  private readonly eventDeadLetters: Queue[] = [];

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { data, config } = props;
    this.reserveConcurrency = config.reserveConcurrency;

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
      // The tenant a staff member works for; set by an admin, never by the user.
      customAttributes: { tenant: new StringAttribute({ mutable: false, minLen: 2, maxLen: 32 }) },
      // M2: staff accounts (and their MFA) are not dropped by a stack deletion or replacement.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
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
    // M1: domain prefixes are global across AWS accounts; the account id makes the default unique.
    const cognitoDomainPrefix = config.cognitoDomainPrefix ?? `rightsdesk-${this.account}`;
    userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: cognitoDomainPrefix } });
    const staffClient = userPool.addClient('Console', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${config.consoleOrigin}/console/callback`],
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

    // State machine ARNs are built from their fixed names: the workflow steps need them (to start
    // and stop executions) and the state machines need the steps' ARNs, which would be a cycle.
    const stateMachineArn = (name: string) => this.formatArn({ service: 'states', resource: 'stateMachine', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const caseWorkflowArn = stateMachineArn(STATE_MACHINES.caseWorkflow.name);
    const deadlineTimerArn = stateMachineArn(STATE_MACHINES.deadlineTimer.name);

    // Generated secrets, read by CloudFormation dynamic references into KMS-encrypted function
    // environments (never in the template). Rotating one ends open console sessions or
    // unconfirmed web-form links, so rotation is a redeploy, not a schedule.
    const generatedSecret = (id: string, description: string) => {
      const secret = new Secret(this, id, { description, encryptionKey: data.key, generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false } });
      Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: 'Rotation invalidates sessions and links in flight; it is done by redeploying with a new secret.' });
      return secret;
    };
    const consoleSessionSecret = generatedSecret('ConsoleSessionSecret', 'rightsdesk: staff console session signing key');
    const formSecret = generatedSecret('FormSecret', 'rightsdesk: web form and e-mail confirmation link signing key');
    const publicBaseUrl = config.consoleOrigin;

    const base: Record<string, string> = {
      RIGHTSDESK_TABLE: data.table.tableName,
      SES_CONFIGURATION_SET: configurationSet.configurationSetName,
      INBOUND_MAIL_BUCKET: bucketName('inbound-mail', this),
      INBOUND_MAIL_PREFIX: INBOUND_PREFIX,
      EVIDENCE_BUCKET: bucketName('evidence', this),
      ANSWERS_BUCKET: bucketName('answers', this),
      CASE_WORKFLOW_ARN: caseWorkflowArn,
      DEADLINE_TIMER_ARN: deadlineTimerArn,
    };
    const functions: Record<string, RightsdeskFunction> = {};
    // Letters first: the API and the workflow steps name it in their environment.
    const lettersSpec = FUNCTIONS.find((f) => f.name === 'letters');
    if (!lettersSpec) throw new Error('The letters function is not declared in infra/bundling.ts');
    const letters = this.function(lettersSpec, data, { LETTER_FONT_PATH: LETTER_FONT.runtimePath });
    functions.letters = letters;
    const apiEnvironment: Record<string, string> = {
      AUTH_ISSUER: config.tokenIssuer,
      AUTH_AUDIENCE: config.tokenAudience,
      AUTH_JWKS_URL: config.partnerJwksUrl,
      // The served JWKS: the configured one with operator-held keys, else the KMS key's public half.
      ...(config.webhookJwks ? { WEBHOOK_JWKS: config.webhookJwks } : config.webhookKeysSecretArn ? {} : { WEBHOOK_KMS_KEY_ID: data.webhookKey.keyArn }),
      ...(config.partnerAssertionKeys ? { PARTNER_ASSERTION_KEYS: config.partnerAssertionKeys } : {}),
    };
    const consoleEnvironment: Record<string, string> = {
      ...apiEnvironment,
      CONSOLE_AUTH: 'cognito',
      CONSOLE_SESSION_SECRET: consoleSessionSecret.secretValue.unsafeUnwrap(),
      CONSOLE_BASE_URL: config.consoleOrigin,
      COGNITO_REGION: this.region,
      COGNITO_USER_POOL_ID: userPool.userPoolId,
      COGNITO_CLIENT_ID: staffClient.userPoolClientId,
      COGNITO_DOMAIN: `https://${cognitoDomainPrefix}.auth.${this.region}.amazoncognito.com`,
    };
    const perFunction: Record<string, Record<string, string>> = {
      api: apiEnvironment,
      // The console pages run the same use cases as the API, plus the staff sign-in.
      console: consoleEnvironment,
      forms: {
        FORM_SECRET: formSecret.secretValue.unsafeUnwrap(),
        PUBLIC_BASE_URL: publicBaseUrl,
        ...(config.formFrameAncestors ? { FORM_FRAME_ANCESTORS: config.formFrameAncestors } : {}),
      },
      // Identity requests carry e-mail control links signed like the web form's (same confirmation page),
      // and answers too large to attach carry signed download links the web form redeems.
      'workflow-await-subject': { FORM_SECRET: formSecret.secretValue.unsafeUnwrap(), PUBLIC_BASE_URL: publicBaseUrl },
      // The intake step's acknowledgement of a partner API request is the identity request too,
      // with the e-mail control link where the controller accepts it (one e-mail per event).
      'workflow-intake': { FORM_SECRET: formSecret.secretValue.unsafeUnwrap(), PUBLIC_BASE_URL: publicBaseUrl },
      'workflow-conclude': { FORM_SECRET: formSecret.secretValue.unsafeUnwrap(), PUBLIC_BASE_URL: publicBaseUrl },
      // The acknowledgement of an e-mailed request carries the e-mail control link (one e-mail per event).
      'inbound-email': { FORM_SECRET: formSecret.secretValue.unsafeUnwrap(), PUBLIC_BASE_URL: publicBaseUrl },
      // By default KMS signs (no private key in any environment); operator-held keys only when given.
      webhooks: config.webhookKeysSecretArn ? { WEBHOOK_SIGNING_KEYS: SecretValue.secretsManager(config.webhookKeysSecretArn).unsafeUnwrap() } : { WEBHOOK_KMS_KEY_ID: data.webhookKey.keyArn },
      // Fulfilment renders the console's task pages (the console's sign-in and session settings), signs the HTTP
      // connector's requests (the webhook key) and reaches the controllers' databases (URLs from a secret).
      fulfilment: {
        ...consoleEnvironment,
        ...(config.webhookKeysSecretArn ? { WEBHOOK_SIGNING_KEYS: SecretValue.secretsManager(config.webhookKeysSecretArn).unsafeUnwrap() } : { WEBHOOK_KMS_KEY_ID: data.webhookKey.keyArn }),
        ...(config.fulfilmentDatabasesSecretArn ? { FULFILMENT_DATABASE_URLS: SecretValue.secretsManager(config.fulfilmentDatabasesSecretArn).unsafeUnwrap() } : {}),
        ...(config.fulfilmentCallbackJwks ? { FULFILMENT_CALLBACK_JWKS: config.fulfilmentCallbackJwks } : {}),
      },
      'task-digest': { CONSOLE_BASE_URL: config.consoleOrigin },
      'trusted-list-refresh': {
        TL_LOTL_URL: config.trustedListSource,
        TL_LOTL_SIGNERS_FILE: LOTL_SIGNERS_RUNTIME_PATH,
        TL_TERRITORIES: config.trustedListTerritories,
      },
    };
    // Fulfilment reaches the controllers' databases inside their network, when one is configured.
    const fulfilmentNetwork =
      config.fulfilmentVpcId && config.fulfilmentSubnetIds && config.fulfilmentSecurityGroupIds
        ? {
            vpc: Vpc.fromVpcAttributes(this, 'FulfilmentVpc', { vpcId: config.fulfilmentVpcId, availabilityZones: Stack.of(this).availabilityZones }),
            subnets: config.fulfilmentSubnetIds.split(',').map((id, i) => Subnet.fromSubnetId(this, `FulfilmentSubnet${i}`, id)),
            securityGroups: config.fulfilmentSecurityGroupIds.split(',').map((id, i) => SecurityGroup.fromSecurityGroupId(this, `FulfilmentSg${i}`, id, { allowAllOutbound: false })),
          }
        : undefined;
    for (const spec of FUNCTIONS) {
      if (spec.name === 'letters') continue;
      if (spec.name === 'trusted-list-refresh' && !config.lotlSignersFile) continue; // see README: needs the LOTL signers
      const extraAssets = spec.name === 'trusted-list-refresh' && config.lotlSignersFile ? [[resolvePath(config.lotlSignersFile), 'lotl-signers.pem'] as const] : [];
      functions[spec.name] = this.function(spec, data, { ...base, LETTERS_FUNCTION: letters.functionName, ...perFunction[spec.name] }, extraAssets, spec.name === 'fulfilment' ? fulfilmentNetwork : undefined);
    }
    this.functions = functions;

    // Every function's API grants come from its entry in infra/permissions.ts (per function, M4).
    const evidenceObjectsArn = `arn:${Aws.PARTITION}:s3:::${bucketName('evidence', this)}/*`;
    const answersObjectsArn = `arn:${Aws.PARTITION}:s3:::${bucketName('answers', this)}/*`;
    const inboundObjectsArn = `arn:${Aws.PARTITION}:s3:::${bucketName('inbound-mail', this)}/${INBOUND_PREFIX}*`;
    const trustedListObjectsArn = `arn:${Aws.PARTITION}:s3:::${bucketName('evidence', this)}/trusted-lists/*`;
    const timerExecutions = `arn:${Aws.PARTITION}:states:${this.region}:${this.account}:execution:${STATE_MACHINES.deadlineTimer.name}:*`;
    const targets: Record<GrantTarget, string[]> = {
      table: [data.table.tableArn],
      tableIndexes: Object.values(TABLE_INDEXES).map((index) => `${data.table.tableArn}/index/${index.name}`),
      openQueueIndex: [`${data.table.tableArn}/index/${TABLE_INDEXES.byQueueDue.name}`],
      evidenceObjects: [evidenceObjectsArn],
      evidenceBucket: [`arn:${Aws.PARTITION}:s3:::${bucketName('evidence', this)}`],
      answersObjects: [answersObjectsArn],
      answersBucket: [`arn:${Aws.PARTITION}:s3:::${bucketName('answers', this)}`],
      inboundBucket: [`arn:${Aws.PARTITION}:s3:::${bucketName('inbound-mail', this)}`],
      inboundObjects: [inboundObjectsArn],
      trustedListObjects: [trustedListObjectsArn],
      mailIdentities: [
        ...identities.map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity.emailIdentityName })),
        this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
      ],
      stateMachines: [caseWorkflowArn, deadlineTimerArn],
      timerExecutions: [timerExecutions],
      lettersFunction: [letters.functionArn],
      webhookKey: [data.webhookKey.keyArn],
      any: ['*'],
    };
    const wildcards: Partial<Record<GrantTarget, string>> = {
      evidenceObjects: 'Evidence objects are keyed per case at run time; the grant covers the evidence bucket only.',
      answersObjects: 'Answer files are keyed per case at run time; the grant covers the answers bucket only.',
      timerExecutions: 'Deadline-timer executions are named per case at run time; the grant covers that state machine only.',
      inboundObjects: 'Each received message has its own key under the SES prefix of the inbound bucket.',
      trustedListObjects: 'One cached object per national trusted list, under the trusted-lists/ prefix only.',
    };
    const usesDataKey: readonly GrantTarget[] = ['table', 'tableIndexes', 'evidenceObjects', 'answersObjects', 'inboundObjects', 'trustedListObjects'];
    for (const [name, fn] of Object.entries(functions)) {
      const grants = FUNCTION_GRANTS[name];
      if (!grants) throw new Error(`Function "${name}" has no entry in infra/permissions.ts`);
      for (const grant of grants) {
        // Operator-held webhook keys (a secret) replace the KMS signing key: no KMS grant then.
        if (grant.on.includes('webhookKey') && config.webhookKeysSecretArn) continue;
        fn.addToRolePolicy(new PolicyStatement({ actions: [...grant.actions], resources: [...new Set(grant.on.flatMap((target) => targets[target]))] }));
      }
      const on = new Set(grants.flatMap((grant) => grant.on));
      // The table and the buckets are encrypted with the data key: their callers use it through
      // DynamoDB and S3 (the gauge only reads a count).
      if (name === 'overdue-gauge') fn.addToRolePolicy(new PolicyStatement({ actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [data.key.keyArn] }));
      else if (usesDataKey.some((target) => on.has(target))) fn.addToRolePolicy(new PolicyStatement({ actions: KEY_ACTIONS, resources: [data.key.keyArn] }));
      this.acknowledgeWildcards(fn, Object.entries(wildcards).filter(([target]) => on.has(target as GrantTarget)).flatMap(([target, reason]) => targets[target as GrantTarget].map((arn) => [arn, reason] as const)));
      if (on.has('any')) this.acknowledgeWildcards(fn, [['*', 'states:SendTaskSuccess (the task token is the authorisation) and ses:GetAccount (an account-level read) take no resource scoping: AWS accepts only "*".']]);
    }

    const api = this.required(functions, 'api');
    const consolePages = this.required(functions, 'console');
    const inbound = this.required(functions, 'inbound-email');
    const notifications = this.required(functions, 'ses-notifications');
    const forms = this.required(functions, 'forms');
    const webhooks = this.required(functions, 'webhooks');
    const gauge = this.required(functions, 'overdue-gauge');
    const accountability = this.required(functions, 'accountability-sweep');
    const fulfilment = this.required(functions, 'fulfilment');
    const taskDigest = this.required(functions, 'task-digest');
    const refresh = functions['trusted-list-refresh'];

    // L2: every asynchronous event source has its own encrypted dead-letter queue.
    const eventFailures = (id: string, options: { visibilityTimeout?: Duration } = {}) => {
      const queue = new Queue(this, id, { encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: Duration.days(14), enforceSSL: true, ...options });
      Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue (events EventBridge or SNS could not deliver).' });
      this.eventDeadLetters.push(queue);
      return queue;
    };
    mailEvents.addSubscription(new LambdaSubscription(notifications, { deadLetterQueue: eventFailures('MailEventsDeliveryFailures') }));
    new Rule(this, 'WebhookRetries', { description: 'rightsdesk: deliver due partner webhooks', schedule: Schedule.rate(Duration.minutes(1)), targets: [new LambdaFunction(webhooks, { retryAttempts: 0, deadLetterQueue: eventFailures('WebhookRetriesTargetFailures') })] });
    new Rule(this, 'OverdueGauge', { description: 'rightsdesk: count open cases past their due date', schedule: Schedule.rate(Duration.minutes(5)), targets: [new LambdaFunction(gauge, { retryAttempts: 0, deadLetterQueue: eventFailures('OverdueGaugeTargetFailures') })] });
    new Rule(this, 'AccountabilitySweep', { description: 'rightsdesk: purge closed cases past their retention period; refresh the dashboard statistics', schedule: Schedule.rate(Duration.hours(1)), targets: [new LambdaFunction(accountability, { retryAttempts: 0, deadLetterQueue: eventFailures('AccountabilitySweepTargetFailures') })] });
    // Every morning (06:00 UTC: 08:00 or 09:00 in Vilnius): one digest e-mail per owner of open manual tasks.
    new Rule(this, 'TaskDigest', { description: 'rightsdesk: daily digest of open manual fulfilment tasks', schedule: Schedule.cron({ minute: '0', hour: '6' }), targets: [new LambdaFunction(taskDigest, { retryAttempts: 0, deadLetterQueue: eventFailures('TaskDigestTargetFailures') })] });
    if (refresh) {
      new Rule(this, 'TrustedListRefresh', { description: 'rightsdesk: refresh the EU trusted lists', schedule: Schedule.cron({ minute: '17', hour: '3' }), targets: [new LambdaFunction(refresh, { retryAttempts: 2, deadLetterQueue: eventFailures('TrustedListRefreshTargetFailures') })] });
    }

    // Receiving: raw mail lands in the inbound bucket (the evidence of receipt) before anything
    // parses it; then the inbound function runs asynchronously (retries + dead-letter queue).
    const receiptRules = new ReceiptRuleSet(this, 'Inbound');
    receiptRules.addRule('PrivacyMailboxes', {
      recipients: [...config.mailboxes],
      scanEnabled: true,
      // L5: personal data never crosses the internet in clear text to reach us.
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        new S3({ bucket: data.inboundMailBucket, objectKeyPrefix: INBOUND_PREFIX }),
        new LambdaAction({ function: inbound, invocationType: LambdaInvocationType.EVENT }),
      ],
    });

    // The inbound ledger's sweeper: the same function re-drives stored messages without an outcome.
    // A drained queue's messages stay invisible while the function (120 s) works on them.
    const sweepFailures = eventFailures('InboundSweepTargetFailures', { visibilityTimeout: Duration.minutes(12) });
    new Rule(this, 'InboundSweep', { description: 'rightsdesk: re-drive received mail that has no outcome yet', schedule: Schedule.rate(Duration.minutes(1)), targets: [new LambdaFunction(inbound, { retryAttempts: 0, deadLetterQueue: sweepFailures })] });
    // Nothing waits unread in a dead-letter queue: the inbound function drains its own on-failure
    // queue (receipts that failed every invocation become ledger entries) and the sweep's (a missed
    // sweep runs). SQS-triggered runs are synchronous, so a failed drain never re-enters the
    // on-failure queue: the message stays in its queue and is offered again (alarmed by depth).
    // The event source grants the role only the consume actions on these two queues.
    for (const queue of [inbound.failureQueue!, sweepFailures]) inbound.addEventSource(new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }));

    this.stateMachines = this.createStateMachines(data, functions);

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.THREE_MONTHS, encryptionKey: data.key });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'rightsdesk partner API, staff API and console',
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', api),
      createDefaultStage: false,
    });
    // The public web form has its own small function (no partner or staff code behind it).
    this.httpApi.addRoutes({ path: '/forms/{proxy+}', methods: [HttpMethod.GET, HttpMethod.POST], integration: new HttpLambdaIntegration('FormsIntegration', forms) });
    // The console pages are their own function; its JSON API (`/console/api/*`) stays on the API
    // function: API Gateway picks the longest matching route.
    const consoleIntegration = new HttpLambdaIntegration('ConsoleIntegration', consolePages);
    this.httpApi.addRoutes({ path: '/console', methods: [HttpMethod.GET], integration: consoleIntegration });
    this.httpApi.addRoutes({ path: '/console/{proxy+}', methods: [HttpMethod.GET, HttpMethod.POST], integration: consoleIntegration });
    this.httpApi.addRoutes({ path: '/console/api/{proxy+}', methods: [HttpMethod.ANY], integration: new HttpLambdaIntegration('ConsoleApiIntegration', api) });
    // Fulfilment is its own function (docs/fulfilment.md): these more specific routes win over the proxies above.
    const fulfilmentIntegration = new HttpLambdaIntegration('FulfilmentIntegration', fulfilment);
    for (const path of ['/console/api/tasks', '/console/api/cases/{id}/fulfilment', '/console/api/cases/{id}/tasks', '/console/api/cases/{id}/tasks/{proxy+}', '/console/api/cases/{id}/notices', '/console/api/cases/{id}/answer/assemble', '/fulfilment/callbacks/{tenant}', '/console/cases/{id}/tasks', '/console/cases/{id}/tasks/{proxy+}', '/console/records', '/console/records/{proxy+}']) {
      this.httpApi.addRoutes({ path, methods: [HttpMethod.GET, HttpMethod.POST], integration: fulfilmentIntegration });
    }
    // Partners and subjects see the controller's own domain when one is configured.
    const domainName = config.apiDomain && config.apiCertificateArn
      ? new DomainName(this, 'ApiDomain', { domainName: config.apiDomain, certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', config.apiCertificateArn) })
      : undefined;
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      ...(domainName ? { domainMapping: { domainName } } : {}),
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Authorization is done in the application: jose verifies partner and staff JWTs (algorithm allow-list, iss/aud/exp) on every /v1 and /console/api route; /healthz, /openapi.json, /docs and the public web form are public by design.',
    });

    this.alarms = this.createAlarms(alarmTopic, functions);
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    if (domainName) new CfnOutput(this, 'ApiDomainTarget', { value: domainName.regionalDomainName, description: 'Point the API domain (CNAME/alias) here.' });
    new CfnOutput(this, 'StaffUserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: staffClient.userPoolClientId });
  }

  /**
   * The state machines from `statemachines/*.asl.json`, unchanged: CDK only fills in the
   * `${…}` substitutions (Lambda ARNs, table name), exactly as the local service does.
   */
  private createStateMachines(data: DataStack, functions: Record<string, RightsdeskFunction>): Record<keyof typeof STATE_MACHINES, StateMachine> {
    const role = new Role(this, 'WorkflowRole', { assumedBy: new ServicePrincipal('states.amazonaws.com'), description: 'rightsdesk state machines' });
    const substitutions: Record<string, string> = { [TABLE_SUBSTITUTION]: data.table.tableName };
    const stepArns: string[] = [];
    for (const step of Object.values(WORKFLOW_FUNCTIONS)) {
      const fn = this.required(functions, step.functionName.replace(/^rightsdesk-/, ''));
      substitutions[step.substitution] = fn.functionArn;
      stepArns.push(fn.functionArn);
    }
    role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: stepArns }));
    // The direct DynamoDB integrations read the case and store task tokens on it.
    role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: [data.table.tableArn] }));
    role.addToPolicy(new PolicyStatement({ actions: KEY_ACTIONS, resources: [data.key.keyArn] }));

    const machines = {} as Record<keyof typeof STATE_MACHINES, StateMachine>;
    for (const [key, machine] of Object.entries(STATE_MACHINES) as Array<[keyof typeof STATE_MACHINES, (typeof STATE_MACHINES)[keyof typeof STATE_MACHINES]]>) {
      const logs = new LogGroup(this, `${key}Logs`, { retention: RetentionDays.THREE_MONTHS, encryptionKey: data.key });
      machines[key] = new StateMachine(this, `StateMachine-${key}`, {
        stateMachineName: machine.name,
        stateMachineType: StateMachineType.STANDARD,
        // Inline (not an S3 asset), so the template itself shows the exact definition deployed.
        definitionBody: DefinitionBody.fromString(readFileSync(machine.file, 'utf8')),
        definitionSubstitutions: substitutions,
        role,
        tracingEnabled: true,
        logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'CloudWatch Logs delivery (logs:CreateLogDelivery, …) and X-Ray for state machines accept no resource other than "*" (AWS requirement).',
    });
    return machines;
  }

  /**
   * Acknowledges each intended wildcard resource by the exact finding cdk-nag reports, so any
   * other wildcard on the same policy still fails the synth.
   */
  private acknowledgeWildcards(fn: RightsdeskFunction, resources: ReadonlyArray<readonly [string, string]>): void {
    const policy = fn.role?.node.tryFindChild('DefaultPolicy');
    if (!policy) return;
    for (const [arn, reason] of resources) Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[Resource::${this.asNagRenders(arn)}]`, reason });
  }

  /** How cdk-nag prints an ARN built from literals and pseudo parameters. */
  private asNagRenders(arn: string): string {
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
    return arn.replaceAll(Aws.PARTITION, '<AWS::Partition>').replaceAll(this.account, account).replaceAll(this.region, region);
  }

  private function(spec: FunctionSpec, data: DataStack, environment: Record<string, string>, extraAssets: ReadonlyArray<readonly [string, string]> = [], network?: RightsdeskFunctionProps['network']): RightsdeskFunction {
    return new RightsdeskFunction(this, `Fn-${spec.name}`, { spec, key: data.key, environment, extraAssets, reserveConcurrency: this.reserveConcurrency, ...(network ? { network } : {}) });
  }

  private required(functions: Record<string, RightsdeskFunction>, name: string): RightsdeskFunction {
    const fn = functions[name];
    if (!fn) throw new Error(`Function "${name}" is not declared in infra/bundling.ts`);
    return fn;
  }

  private createAlarms(topic: Topic, functions: Record<string, RightsdeskFunction>): Alarm[] {
    const action = new SnsAction(topic);
    const alarms: Alarm[] = [];
    const add = (alarm: Alarm) => {
      alarm.addAlarmAction(action);
      alarms.push(alarm);
      return alarm;
    };

    // A failing gauge run lands in its failure destination, whose depth has its own alarm.
    const overdue = new Metric({ ...OVERDUE, statistic: 'Maximum', period: Duration.minutes(15) });
    add(new Alarm(this, 'CasesOverdue', {
      alarmDescription: 'At least one open case is past its legal due date (the CasesOverdue gauge, counted every 5 minutes).',
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

    for (const queue of this.eventDeadLetters) {
      const depth = queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' });
      dlqDepths.push(depth);
      add(new Alarm(this, `Dlq-${queue.node.id}`, {
        alarmDescription: `Events for ${queue.node.id.replace(/Failures$/, '')} could not be delivered after retries; they wait in this dead-letter queue.`,
        metric: depth,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }));
    }

    const workflowFailures: Metric[] = [];
    for (const [name, machine] of Object.entries(this.stateMachines)) {
      const failed = machine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' });
      const timedOut = machine.metricTimedOut({ period: Duration.minutes(5), statistic: 'Sum' });
      workflowFailures.push(failed, timedOut);
      add(new Alarm(this, `WorkflowFailed-${name}`, {
        alarmDescription: `Executions of ${machine.node.id} failed or timed out: their cases are flagged for staff (FlagForStaff) and need a look.`,
        metric: new MathExpression({ expression: 'failed + timedOut', usingMetrics: { failed, timedOut }, period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }));
    }

    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${this.stackName}-rightsdesk` });
    dashboard.addWidgets(
      new TextWidget({ markdown: '# rightsdesk\nDeadlines, delivery and failures.', width: 24, height: 2 }),
      new GraphWidget({ title: 'Open cases overdue / escalations sent', left: [overdue], right: [new Metric({ ...ESCALATIONS, statistic: 'Sum', period: Duration.hours(1) })], width: 8 }),
      new GraphWidget({ title: 'API 5xx', left: [api5xx], width: 8 }),
      new GraphWidget({ title: 'SES bounce rate', left: [bounceRate], width: 8 }),
      new GraphWidget({ title: 'Workflow executions failed / timed out', left: workflowFailures, width: 24 }),
    );
    if (dlqDepths.length > 0) {
      const total = new MathExpression({ expression: dlqDepths.map((_, i) => `m${i}`).join(' + '), usingMetrics: Object.fromEntries(dlqDepths.map((m, i) => [`m${i}`, m])), label: 'Failed async invocations' });
      dashboard.addWidgets(new GraphWidget({ title: 'Dead-letter queues', left: [total], width: 24 }));
    }
    return alarms;
  }
}
