import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { BlobEraser } from '#ports/identity.ts';

/** Deletes objects of one bucket (identity-document scans in the evidence bucket). */
export class S3BlobEraser implements BlobEraser {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a key that does not exist, so a retried delete succeeds.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
