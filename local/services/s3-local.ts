import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * S3 stand-in: s3rver, in-process, on 127.0.0.1, storing objects as plain files.
 *
 * Clients need (see `s3ClientConfig`):
 * - `forcePathStyle: true` — s3rver can't resolve <bucket>.127.0.0.1 virtual hosts;
 * - credentials it knows: s3rver only accepts access keys in its account registry (it checks the
 *   key id, not SigV4 signatures). It ships `S3RVER`/`S3RVER`; we also register `local`/`local`
 *   so every stand-in takes the same dummy credentials;
 * - `requestChecksumCalculation: 'WHEN_REQUIRED'` — the SDK otherwise sends streaming uploads
 *   as aws-chunked with trailing checksums, which s3rver doesn't decode (it would store the
 *   chunk framing as the object's bytes).
 */

/** The part of s3rver's API we use; the package ships no type declarations. */
interface S3rverOptions {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  resetOnClose: boolean;
  configureBuckets: { name: string }[];
}
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
  /** Koa's middleware chain (S3rver extends Koa); the last entry is its router. */
  middleware: KoaMiddleware[];
}
interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  body: unknown;
  store: { listObjects(bucket: string, options: { prefix?: string; maxKeys: number }): Promise<{ objects: Array<{ key: string; size: number; lastModifiedDate: Date; metadata: Record<string, string> }> }> };
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void;

/**
 * ListObjectVersions, which s3rver lacks (it answers MethodNotAllowed): s3rver keeps one copy per
 * key, so it answers as S3 does for a bucket without versioning: each object is its only version,
 * VersionId "null". The evidence eraser lists versions before deleting every one of them.
 */
const listObjectVersions: KoaMiddleware = async (ctx, next) => {
  const bucket = /^\/([^/]+)\/?$/.exec(ctx.path)?.[1];
  if (ctx.method !== 'GET' || !bucket || !('versions' in ctx.query)) return next();
  const prefix = ctx.query.prefix || undefined;
  const { objects } = await ctx.store.listObjects(bucket, { ...(prefix ? { prefix } : {}), maxKeys: 1000 });
  ctx.body = {
    ListVersionsResult: {
      '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Name: bucket,
      Prefix: prefix ?? '',
      KeyMarker: '',
      VersionIdMarker: '',
      MaxKeys: 1000,
      IsTruncated: false,
      Version: objects.map((o) => ({ Key: o.key, VersionId: 'null', IsLatest: true, LastModified: o.lastModifiedDate.toISOString(), ETag: o.metadata.etag, Size: o.size, StorageClass: 'STANDARD' })),
    },
  };
};
type S3rverConstructor = new (options: S3rverOptions) => S3rverInstance;
interface S3rverAccountModule {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

export const S3_LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface S3LocalOptions {
  /** 0 or undefined: let the OS pick (read back after listen, so no race). */
  readonly port?: number;
  /** Where objects live; default `.local/s3` under the current directory. */
  readonly directory?: string;
  /** Buckets to create before serving (idempotent). */
  readonly buckets?: readonly string[];
}

export interface S3Local {
  readonly endpoint: string;
  readonly port: number;
  readonly directory: string;
  readonly startupMs: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const require = createRequire(import.meta.url);

let localKeyRegistered = false;
function registerLocalCredentials(): void {
  if (localKeyRegistered) return;
  // Internal module, present in s3rver 3.x. Without it clients must use S3RVER/S3RVER.
  const account = require('s3rver/lib/models/account') as S3rverAccountModule;
  account.DUMMY_ACCOUNT.createKeyPair(S3_LOCAL_CREDENTIALS.accessKeyId, S3_LOCAL_CREDENTIALS.secretAccessKey);
  localKeyRegistered = true;
}

export async function startS3Local(options: S3LocalOptions = {}): Promise<S3Local> {
  const started = performance.now();
  const S3rver = require('s3rver') as S3rverConstructor;
  registerLocalCredentials();
  const directory = resolve(options.directory ?? '.local/s3');
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: HOST,
    port: options.port ?? 0,
    directory,
    silent: true,
    resetOnClose: false,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  // Before the router (the last middleware), after the XML encoder that serialises ctx.body.
  server.middleware.splice(server.middleware.length - 1, 0, listObjectVersions);
  const address = await server.run();
  const endpoint = `http://${HOST}:${address.port}`;
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    port: address.port,
    directory,
    startupMs: Math.round(performance.now() - started),
    stop: () => {
      stopping ??= (async () => {
        const closing = server.close();
        // Keep-alive sockets from SDK clients would hold close() open until they time out.
        server.httpServer?.closeAllConnections();
        await closing;
      })();
      return stopping;
    },
  };
}

/** Client settings that work against the stand-in; spread into `new S3Client({...})`. */
export function s3ClientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'eu-central-1',
    forcePathStyle: true,
    credentials: { ...S3_LOCAL_CREDENTIALS },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  } as const;
}
