import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The AWS SDK's default credential chain as a deployed Lambda needs it: the execution role's
 * credentials, which the Lambda runtime puts in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN before init. The deploy's bundles alias `@aws-sdk/credential-provider-node`
 * to this module (infra/bundling.ts, LAMBDA_SDK_ALIAS) because the real chain's other links (SSO,
 * ini files, process, web identity, container and instance metadata) are never used on Lambda
 * yet cost every init: they bring STS/SSO/sign-in clients whose shared protocol code (AWS Query,
 * XML) esbuild's splitting puts into chunks the entry loads (docs/performance.md, 2026-12-05
 * evening). Locally and in tests the real chain runs (nothing is aliased outside the bundles).
 * Example: a bundled `new DynamoDBClient({})` signs with the role's keys from the environment;
 * without them its first call fails with "Unable to find environment variable credentials".
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): ReturnType<typeof fromEnv> => fromEnv(init);

/** The real module's two other exports, as it defines them. */
export const credentialsWillNeedRefresh = (credentials?: { expiration?: Date }): boolean => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials?: { expiration?: Date }): boolean => credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
