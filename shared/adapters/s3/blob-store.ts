import type { S3Client } from '@aws-sdk/client-s3';
import { resolveClient, type ClientSource } from '../client-source.ts';
import type { BlobStore } from '#ports/mail.ts';

/** One S3 bucket as a BlobStore (the receiving bucket, the evidence bucket). */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: ClientSource<S3Client>,
    readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    // The SDK package is loaded on first use (client-source.ts).
    const { PutObjectCommand } = await import('./object-commands.ts');
    await (await resolveClient(this.client)).send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async get(key: string): Promise<Uint8Array> {
    const { GetObjectCommand } = await import('./object-commands.ts');
    const result = await (await resolveClient(this.client)).send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!result.Body) throw new Error(`s3://${this.bucket}/${key} has no body.`);
    return result.Body.transformToByteArray();
  }
}
