import aws4 from 'aws4';
import { AWS_CLIENT_LIMITS } from '#adapters/aws-client-limits.ts';
import { credentialsFromEnv, type AwsCredentials } from '#config/aws-request-env.ts';

/**
 * GetObject and PutObject as SigV4-signed HTTPS requests (aws4 signs, global fetch sends), for a
 * function that needs only those two calls: the trusted-list refresh. `@aws-sdk/client-s3` costs
 * ~280 KB of code at init (the client, @smithy/core, checksums, the S3 middleware, the XML
 * serde), about a third of that function's cold start (issue 15, docs/performance.md); aws4 is
 * 9 KB, and fetch is loaded anyway by the same request (the trusted lists are fetched with it).
 *
 * What it keeps of the SDK client: the same IAM action per call (each call is named by its SDK
 * command, so local IAM enforcement (local/iam/enforce.ts) checks it against the calling function's
 * role exactly as it checks SDK commands, and tests/support/bundle-commands.ts finds it in the
 * bundle), the same limits (AWS_CLIENT_LIMITS: a timeout per attempt, at most 3 attempts, retrying
 * only what the SDK's standard mode retries), credentials from the Lambda environment, and S3's
 * error code as the error's name (`NoSuchKey`, `AccessDenied`).
 *
 * Example: `await new SignedS3Client({ region }).sendS3Command('GetObjectCommand', { Bucket, Key })`.
 */
export type S3ObjectCommand = 'GetObjectCommand' | 'PutObjectCommand';

export interface S3ObjectInput {
  readonly Bucket: string;
  readonly Key: string;
  readonly Body?: Uint8Array;
  readonly ContentType?: string;
}

export interface SignedS3Config {
  readonly region: string;
  /** The S3 stand-in (path-style addressing); AWS's regional endpoint when absent. */
  readonly endpoint?: string | undefined;
}

/** An S3 error answer, named by its code as the SDK names it. */
export class S3RequestError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['SlowDown', 'RequestTimeout', 'RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable', 'Throttling', 'ThrottlingException']);

export class SignedS3Client {
  /** The name the SDK gives its S3 client: local IAM answers S3's AccessDenied for it. */
  readonly clientName = 'S3Client';

  constructor(
    private readonly config: SignedS3Config,
    /** The Lambda runtime puts the execution role's keys in the environment before init. */
    private readonly credentials: () => AwsCredentials = () => credentialsFromEnv(),
  ) {}

  /** One S3 call: the response body (GetObject) or an empty one (PutObject). Throws S3RequestError. */
  async sendS3Command(commandName: S3ObjectCommand, input: S3ObjectInput): Promise<Uint8Array> {
    const url = this.objectUrl(input.Bucket, input.Key);
    const method = commandName === 'PutObjectCommand' ? 'PUT' : 'GET';
    const headers: Record<string, string> = input.ContentType ? { 'content-type': input.ContentType } : {};
    let last: unknown;
    for (let attempt = 1; attempt <= AWS_CLIENT_LIMITS.maxAttempts; attempt++) {
      if (attempt > 1) await backoff(attempt);
      // Signed per attempt: the signature carries the time (S3 refuses requests 15 minutes old).
      const signed = aws4.sign(
        { host: url.host, path: `${url.pathname}${url.search}`, method, service: 's3', region: this.config.region, headers: { ...headers }, ...(input.Body ? { body: Buffer.from(input.Body) } : {}) },
        { ...this.credentials() },
      );
      let response: Response;
      let body: Uint8Array;
      try {
        response = await fetch(url, {
          method,
          headers: withoutHost(signed.headers as Record<string, string | number>),
          ...(input.Body ? { body: input.Body } : {}),
          // A redirect would be followed to another host with headers no longer signed for it: S3's 3xx is an error here.
          redirect: 'manual',
          signal: AbortSignal.timeout(AWS_CLIENT_LIMITS.requestHandler.requestTimeout),
        });
        body = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        // A network failure or a timeout, while sending or while reading the body: retried, as the SDK retries transient errors.
        last = error;
        continue;
      }
      if (response.ok) return body;
      const error = s3Error(response.status, body, commandName, input);
      if (!RETRYABLE_STATUS.has(response.status) && !RETRYABLE_CODES.has(error.code)) throw error;
      last = error;
    }
    throw last instanceof Error ? last : new Error(`${commandName} on s3://${input.Bucket}/${input.Key} failed.`);
  }

  private objectUrl(bucket: string, key: string): URL {
    // RFC 3986 escaping, as aws4 signs the path: encodeURIComponent leaves !'()* as they are.
    const path = key.split('/').map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
    // Path-style on an explicit endpoint (the stand-in cannot resolve <bucket>.127.0.0.1), virtual-hosted on AWS.
    if (this.config.endpoint) return new URL(`${this.config.endpoint.replace(/\/+$/, '')}/${bucket}/${path}`);
    return new URL(`https://${bucket}.s3.${this.config.region}.amazonaws.com/${path}`);
  }
}

/** fetch sets Host (and Content-Length) itself, from the URL and the body, to the values signed. */
function withoutHost(headers: Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!/^(host|content-length)$/i.test(name)) out[name] = String(value);
  return out;
}

function s3Error(status: number, body: Uint8Array, commandName: string, input: S3ObjectInput): S3RequestError {
  const xml = new TextDecoder().decode(body);
  const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? (status === 404 ? 'NotFound' : `Http${status}`);
  const message = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] ?? '';
  return new S3RequestError(code, status, `${commandName} on s3://${input.Bucket}/${input.Key} answered ${status} ${code}${message ? `: ${message}` : ''}`);
}

/** The SDK's standard mode: full jitter, base 100 ms, doubling per attempt. */
function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20_000, 100 * 2 ** (attempt - 1))));
}
