import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS } from '#adapters/dynamodb/table.ts';

/**
 * Bucket names are derived from account and region, so the service stack can name the buckets
 * (and their object ARNs in IAM policies) without cross-stack exports.
 */
export function bucketName(purpose: 'inbound-mail' | 'evidence' | 'answers', stack: Stack): string {
  return `rightsdesk-${purpose}-${stack.account}-${stack.region}`;
}

/** How long each kind of object is kept (docs/design.md §1.3, §1.7). */
export const RETENTION_DAYS = {
  /** Raw inbound mail is the evidence of receipt: kept as long as the audit trail (001 §4.5: 3 years). */
  inboundMail: 3 * 365,
  /** Identity evidence (ID copies, signed files) is deleted after the decision; this is the safety net. */
  evidence: 30,
  /** Answers sent to subjects, kept with the case record. */
  answers: 3 * 365,
  accessLogs: 365,
} as const;

/**
 * The stateful part of rightsdesk: a customer-managed KMS key, the single DynamoDB table
 * (from the same key description the adapter and the local stack use), and the buckets for
 * inbound mail, identity evidence and answers. Everything here is retained on stack deletion.
 */
export class DataStack extends Stack {
  readonly key: Key;
  /** Signs partner webhooks (ES256) inside KMS: the private key never leaves it. */
  readonly webhookKey: Key;
  readonly table: Table;
  readonly inboundMailBucket: Bucket;
  readonly evidenceBucket: Bucket;
  readonly answersBucket: Bucket;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.key = new Key(this, 'DataKey', {
      description: 'rightsdesk: cases, mail, evidence and answers',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Asymmetric keys cannot rotate automatically; a new key is rotated in by adding its kid to the JWKS.
    this.webhookKey = new Key(this, 'WebhookSigningKey', {
      description: 'rightsdesk: signs partner webhooks (ES256)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Every AWS service that encrypts or decrypts with the data key on our behalf, each with
    // exactly the actions it calls (tests/unit/infra-key-policies.test.ts checks them against the
    // resources each service writes to). Without these, delivery fails silently on AWS.
    const sourceAccount = { StringEquals: { 'aws:SourceAccount': this.account } };
    // SES writes received mail into the inbound bucket (S3 action: GenerateDataKey/Encrypt) and
    // publishes bounces, complaints and deliveries to the encrypted mail-events topic (SNS needs
    // the publisher to hold GenerateDataKey* and Decrypt).
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SesReceiptAndEventPublishing',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Encrypt', 'kms:Decrypt'],
        resources: ['*'], // a key policy's resource is always the key itself
        conditions: sourceAccount,
      }),
    );
    // CloudWatch alarms publish to the encrypted alarms topic.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsToEncryptedTopic',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: sourceAccount,
      }),
    );
    // CloudWatch Logs encrypts the functions' and state machines' log groups (logs can hold
    // personal data), for this account's log groups only.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryption',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*` } },
      }),
    );

    this.table = new Table(this, 'Cases', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      // Cases and audit trails are legal records (001 §4.5: logs kept 3 years): never drop them with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(TABLE_INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    const accessLogs = new Bucket(this, 'AccessLogs', {
      // S3 server access logging can only deliver to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // No ACLs: S3 log delivery is granted by the bucket policy CDK writes for logging.s3.amazonaws.com.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(RETENTION_DAYS.accessLogs) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' });

    const privateBucket = (name: string, purpose: Parameters<typeof bucketName>[0], expireAfterDays: number) =>
      new Bucket(this, name, {
        bucketName: bucketName(purpose, this),
        encryption: BucketEncryption.KMS,
        encryptionKey: this.key,
        bucketKeyEnabled: true,
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        versioned: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: `${name}/`,
        lifecycleRules: [
          { expiration: Duration.days(expireAfterDays), noncurrentVersionExpiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        ],
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.inboundMailBucket = privateBucket('InboundMail', 'inbound-mail', RETENTION_DAYS.inboundMail);
    this.evidenceBucket = privateBucket('Evidence', 'evidence', RETENTION_DAYS.evidence);
    this.answersBucket = privateBucket('Answers', 'answers', RETENTION_DAYS.answers);
  }
}
