/**
 * An AWS SDK client, or how to make it on first use. Adapters of services that a function's
 * usual requests never reach (S3 and SES in the API and console) take either, so that composition
 * root leaves the SDK package unloaded until a request needs it: every client package loaded at
 * init costs every cold start (issue 15, docs/performance.md).
 *
 * Example: `new S3BlobStore(() => import('@aws-sdk/client-s3').then(({ S3Client }) => aws.get(S3Client, 's3')), bucket)`,
 * or `new S3BlobStore(s3Client, bucket)` where the client exists anyway.
 */
export type ClientSource<C extends object> = C | (() => Promise<C>);

export function resolveClient<C extends object>(source: ClientSource<C>): Promise<C> {
  // SDK clients are class instances, never functions: a function is the maker.
  return typeof source === 'function' ? (source as () => Promise<C>)() : Promise.resolve(source);
}
