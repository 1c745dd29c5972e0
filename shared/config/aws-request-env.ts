/**
 * What a function that signs its own AWS requests (shared/adapters/s3/signed-s3-client.ts) reads
 * from its environment, where the SDK's clients would read it: the execution role's keys, which
 * the Lambda runtime sets before init, and the SDK's configurable endpoints.
 * Example: `new SignedS3Client({ region, endpoint: s3EndpointFromEnv(config.s3Endpoint) }, credentialsFromEnv)`.
 */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export function credentialsFromEnv(env: Record<string, string | undefined> = process.env): AwsCredentials {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('Unable to find environment variable credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The configured S3 endpoint, else the SDK's configurable ones (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL), else none (AWS's). */
export function s3EndpointFromEnv(configured: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  return configured ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
}
