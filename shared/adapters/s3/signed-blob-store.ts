import type { SignedS3Client } from './signed-s3-client.ts';
import type { BlobStore } from '#ports/mail.ts';

/**
 * One S3 bucket as a BlobStore over the light signed client (signed-s3-client.ts): what the
 * trusted-list refresh stores its cache with, without loading the AWS SDK's S3 client. Same
 * contract as S3BlobStore (blob-store.ts); a missing key rejects (`NoSuchKey`).
 */
export class SignedS3BlobStore implements BlobStore {
  constructor(
    private readonly client: SignedS3Client,
    readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.sendS3Command('PutObjectCommand', { Bucket: this.bucket, Key: key, Body: body, ContentType: contentType });
  }

  get(key: string): Promise<Uint8Array> {
    return this.client.sendS3Command('GetObjectCommand', { Bucket: this.bucket, Key: key });
  }
}
