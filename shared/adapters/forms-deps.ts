import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { FormsConfig } from '#config/forms-config.ts';
import type { CaseRepository, Clock, Mailer, SubjectNotifier, WorkflowEngine } from '#ports/cases.ts';
import { randomIds } from '#adapters/system.ts';
import type { FormsDeps } from '#http/forms/forms-app.tsx';
import type { TenantRegistry } from '#tenants/registry.ts';
import { DynamoRateLimiter } from './dynamodb/rate-limiter.ts';
import { DynamoUsedTokens } from './dynamodb/used-tokens.ts';
import { JoseFormTokens } from './forms/jose-form-tokens.ts';
import { presignedGet, REDIRECT_URL_SECONDS } from './s3/answer-downloads.ts';

/** The web form's composition: the same repository, notifier and workflows as the API, plus its tokens. */
export function buildFormsDeps(
  config: FormsConfig,
  base: { tenants: TenantRegistry; repo: CaseRepository; mailer: Mailer; notifier?: SubjectNotifier; clock: Clock; dynamo: DynamoDBClient; tableName: string; workflows: WorkflowEngine },
  options: { minFormAgeSeconds?: number; answers?: { readonly s3: S3Client; readonly bucket: string } } = {},
): FormsDeps {
  return {
    tenants: base.tenants,
    repo: base.repo,
    mailer: base.mailer,
    ...(base.notifier ? { notifier: base.notifier } : {}),
    clock: base.clock,
    ids: randomIds,
    workflows: base.workflows,
    tokens: new JoseFormTokens(config.secret, { now: () => base.clock.now() }),
    formTokens: new JoseFormTokens(config.secret, { now: () => base.clock.now(), ...(options.minFormAgeSeconds !== undefined ? { minFormAgeSeconds: options.minFormAgeSeconds } : {}) }),
    used: new DynamoUsedTokens(base.dynamo, base.tableName),
    baseUrl: config.baseUrl,
    frameAncestors: config.frameAncestors,
    rateLimit: { max: config.rateLimit, windowSeconds: 600 },
    rateLimiter: new DynamoRateLimiter(base.dynamo, base.tableName),
    ...(options.answers ? { answerFiles: answerFiles(options.answers.s3, options.answers.bucket) } : {}),
  };
}

function answerFiles(s3: S3Client, bucket: string): NonNullable<FormsDeps['answerFiles']> {
  return { presignedUrl: (key) => presignedGet(s3, bucket, key, REDIRECT_URL_SECONDS) };
}
