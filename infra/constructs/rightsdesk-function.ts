import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, ApplicationLogLevel, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Charset, NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays, type CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecurityGroup, ISubnet, IVpc } from 'aws-cdk-lib/aws-ec2';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { LAMBDA_BUNDLING, lambdaEsbuildOptions, repoPath, type FunctionSpec } from '../bundling.ts';

export interface RightsdeskFunctionProps {
  readonly spec: FunctionSpec;
  readonly environment?: Record<string, string>;
  /** Encrypts the function's environment (it carries generated secrets). */
  readonly key: IKey;
  /** Per-deployment files copied beside the bundle, as [absolute source path, file name]. */
  readonly extraAssets?: ReadonlyArray<readonly [string, string]>;
  /** Reserve the spec's concurrency (off only for accounts whose quota cannot spare it). */
  readonly reserveConcurrency?: boolean;
  /** The function runs in these subnets (fulfilment: the controller's databases are not on the internet). */
  readonly network?: { readonly vpc: IVpc; readonly subnets: readonly ISubnet[]; readonly securityGroups: readonly ISecurityGroup[] };
}

/** The deploy's esbuild options for a function with absolute paths, as base64 JSON for infra/split-bundle.mjs. */
function splitOptions(spec: FunctionSpec): string {
  const options = { ...lambdaEsbuildOptions({ entry: repoPath(spec.entry), ...(spec.alias ? { alias: spec.alias } : {}) }), sourcemap: LAMBDA_BUNDLING.sourcemap, logLevel: 'warning' };
  return Buffer.from(JSON.stringify(options)).toString('base64');
}

/**
 * Every rightsdesk Lambda with the same defaults (STYLE: Lambda defaults live in one construct):
 * arm64, Node.js 24, ESM bundled by the local esbuild (never Docker), minified with source maps,
 * structured JSON logs kept 90 days (KMS-encrypted), reserved concurrency, X-Ray tracing, a KMS-encrypted environment, and — for
 * asynchronously invoked functions — two retries and an encrypted dead-letter queue as the
 * on-failure destination.
 */
export class RightsdeskFunction extends NodejsFunction {
  /** Set for asynchronously invoked functions. */
  readonly failureQueue?: Queue;

  constructor(scope: Construct, id: string, props: RightsdeskFunctionProps) {
    const { spec } = props;
    // Logs can carry personal data (an address in an error message): encrypted with the data key,
    // whose policy lets this region's CloudWatch Logs use it for the account's log groups only.
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.RETAIN, encryptionKey: props.key });
    const deadLetterQueue = spec.async
      ? new Queue(scope, `${id}Failures`, {
          // SQS-managed SSE: a customer key here would need kms:GenerateDataKey*/ReEncrypt* grants.
          encryption: QueueEncryption.SQS_MANAGED,
          retentionPeriod: Duration.days(14),
          enforceSSL: true,
          // Long enough for a function draining it (the inbound function drains its own) to finish.
          visibilityTimeout: Duration.seconds(Math.max(30, (spec.timeoutSeconds ?? 30) * 6)),
        })
      : undefined;
    // Our own role instead of AWSLambdaBasicExecutionRole: it may write to this function's log
    // group only, not create or write any log group in the account.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `rightsdesk ${spec.name}`,
      inlinePolicies: {
        logs: new PolicyDocument({
          statements: [new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:log-stream:*`] })],
        }),
      },
    });
    const functionProps: NodejsFunctionProps = {
      role,
      entry: spec.entry,
      handler: spec.handler ?? 'handler',
      description: spec.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb ?? 512,
      timeout: Duration.seconds(spec.timeoutSeconds ?? 30),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        minify: LAMBDA_BUNDLING.minify,
        charset: Charset.UTF8,
        sourceMap: LAMBDA_BUNDLING.sourcemap,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        // CDK's own single-file build is replaced by the split build below (which bundles the SDK,
        // LAMBDA_BUNDLING.external): leaving the SDK out of this one keeps synthesis from bundling it twice.
        externalModules: ['@aws-sdk/*'],
        banner: LAMBDA_BUNDLING.banner,
        // Per-function module stand-ins, rendered by CDK as `--alias:<module>=<absolute path>`.
        ...(spec.alias ? { esbuildArgs: { '--alias': Object.entries(spec.alias).map(([module, path]) => `${module}=${path}`) } } : {}),
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            // The split build (index.mjs + chunks loaded on first use) replaces CDK's single file (infra/split-bundle.mjs).
            `node "${repoPath('infra/split-bundle.mjs')}" "${outputDir}" ${splitOptions(spec)}`,
            ...(spec.assets ?? []).map((asset) => `cp "${inputDir}/${asset}" "${outputDir}/"`),
            ...(props.extraAssets ?? []).map(([source, name]) => `cp "${source}" "${outputDir}/${name}"`),
          ],
        },
      },
      environmentEncryption: props.key,
      ...(props.network ? { vpc: props.network.vpc, vpcSubnets: { subnets: [...props.network.subnets] }, securityGroups: [...props.network.securityGroups] } : {}),
      ...(props.reserveConcurrency === false ? {} : { reservedConcurrentExecutions: spec.reservedConcurrency }),
      ...(deadLetterQueue ? { onFailure: new SqsDestination(deadLetterQueue), retryAttempts: 2 } : {}),
    };
    super(scope, id, functionProps);
    if (deadLetterQueue) {
      this.failureQueue = deadLetterQueue;
      Validations.of(deadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself the on-failure destination (dead letters) of an asynchronously invoked function.' });
    }
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(logGroup.node.defaultChild as CfnLogGroup)}.Arn>:log-stream:*]`,
      reason: 'Log stream names are chosen by Lambda at run time; the grant is limited to this function’s own log group.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords accept no resource other than "*" (AWS requirement for active tracing).',
    });
  }
}
