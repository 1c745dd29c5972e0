import * as z from 'zod/mini';
import { awsRegion, optionalString, optionalUrl, positiveInt, tableName } from './env-fields.ts';

/**
 * E-mail channel configuration (inbound handler and the API's notifier), read once from the
 * environment and validated (fail fast). Endpoints are only set locally (stand-ins).
 */
const EnvSchema = z.object({
  RIGHTSDESK_TABLE: tableName,
  AWS_REGION: awsRegion,
  DYNAMODB_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  SES_CONFIGURATION_SET: optionalString,
  /** Where the SES receipt rule's S3 action stores raw mail… */
  INBOUND_MAIL_BUCKET: z._default(z.string().check(z.minLength(3)), 'rightsdesk-inbound-mail'),
  /** …under this key prefix (the action's ObjectKeyPrefix); the key is prefix + SES message id. */
  INBOUND_MAIL_PREFIX: z._default(z.string(), 'inbound/'),
  EVIDENCE_BUCKET: z._default(z.string().check(z.minLength(3)), 'rightsdesk-evidence'),
  /** Answers too large to attach are published here as presigned links… */
  ANSWERS_BUCKET: z._default(z.string().check(z.minLength(3)), 'rightsdesk-answers'),
  /** …valid this long (SigV4 allows at most 7 days)… */
  ANSWER_LINK_TTL_SECONDS: z._default(positiveInt.check(z.maximum(604_800)), 604_800),
  /** …when the attachments of one answer exceed this many bytes. */
  ANSWER_ATTACHMENT_LIMIT_BYTES: z._default(positiveInt, 7 * 1024 * 1024),
});

export interface MailConfig {
  readonly tableName: string;
  readonly region: string;
  readonly dynamodbEndpoint?: string;
  readonly sesEndpoint?: string;
  readonly s3Endpoint?: string;
  readonly sesConfigurationSet?: string;
  readonly inboundBucket: string;
  readonly inboundPrefix: string;
  readonly evidenceBucket: string;
  readonly answersBucket: string;
  readonly answerLinkTtlSeconds: number;
  readonly attachmentLimitBytes: number;
}

export function loadMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid e-mail configuration: ${fields}`);
  }
  const e = parsed.data;
  return {
    tableName: e.RIGHTSDESK_TABLE,
    region: e.AWS_REGION,
    ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}),
    ...(e.SES_ENDPOINT ? { sesEndpoint: e.SES_ENDPOINT } : {}),
    ...(e.S3_ENDPOINT ? { s3Endpoint: e.S3_ENDPOINT } : {}),
    ...(e.SES_CONFIGURATION_SET ? { sesConfigurationSet: e.SES_CONFIGURATION_SET } : {}),
    inboundBucket: e.INBOUND_MAIL_BUCKET,
    inboundPrefix: e.INBOUND_MAIL_PREFIX,
    evidenceBucket: e.EVIDENCE_BUCKET,
    answersBucket: e.ANSWERS_BUCKET,
    answerLinkTtlSeconds: e.ANSWER_LINK_TTL_SECONDS,
    attachmentLimitBytes: e.ANSWER_ATTACHMENT_LIMIT_BYTES,
  };
}
