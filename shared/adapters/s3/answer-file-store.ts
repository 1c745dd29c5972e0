import type { S3Client } from '@aws-sdk/client-s3';
import { resolveClient, type ClientSource } from '../client-source.ts';
import type { AnswerFileStore } from '#ports/channels.ts';
import type { Clock } from '#ports/cases.ts';

/** The presigner is loaded on first use: presigned URLs serve rare paths, and loading it at init costs every cold start. */
const presigner = () => import('@aws-sdk/s3-request-presigner');

/** Long enough to start a large upload; the PUT itself may take longer once started. */
const UPLOAD_URL_SECONDS = 900;

/**
 * Staff-attached answer files in the answers bucket. The presigned PUT pins the content type and
 * length, so what is stored is what was announced; the bucket encrypts with its KMS key.
 */
export class S3AnswerFileStore implements AnswerFileStore {
  constructor(
    private readonly client: ClientSource<S3Client>,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  async uploadUrl(key: string, contentType: string, size: number): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }> {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const url = await (await presigner()).getSignedUrl(await resolveClient(this.client), new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: size }), {
      expiresIn: UPLOAD_URL_SECONDS,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, headers: { 'content-type': contentType, 'content-length': String(size) }, expiresAt: new Date(this.clock.now().getTime() + UPLOAD_URL_SECONDS * 1000).toISOString() };
  }

  async put(key: string, content: Uint8Array, contentType: string): Promise<void> {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await (await resolveClient(this.client)).send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentType: contentType }));
  }

  async head(key: string): Promise<{ size: number; contentType: string } | null> {
    const { HeadObjectCommand, NotFound } = await import('@aws-sdk/client-s3');
    const client = await resolveClient(this.client);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (error instanceof NotFound || (error instanceof Error && error.name === 'NotFound')) return null;
      throw error;
    }
  }

  async read(key: string): Promise<Uint8Array> {
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const object = await (await resolveClient(this.client)).send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!object.Body) throw new Error(`The answer file ${key} is empty.`);
    return object.Body.transformToByteArray();
  }
}
