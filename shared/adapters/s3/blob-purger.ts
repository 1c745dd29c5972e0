import type { S3Client } from '@aws-sdk/client-s3';
import { resolveClient, type ClientSource } from '../client-source.ts';
import type { BlobPurger } from '#ports/accountability.ts';

/**
 * Deletes every version and delete marker under a prefix of one versioned bucket (the purge of a
 * case's objects). A plain DeleteObject would only add a delete marker and keep the data.
 */
export class S3BlobPurger implements BlobPurger {
  constructor(
    private readonly client: ClientSource<S3Client>,
    readonly bucket: string,
  ) {}

  async purge(prefix: string, options: { readonly exact?: boolean } = {}): Promise<number> {
    const { DeleteObjectsCommand, ListObjectVersionsCommand } = await import('@aws-sdk/client-s3');
    const client = await resolveClient(this.client);
    let deleted = 0;
    for (;;) {
      // Always the first page again: the previous page's versions are gone now.
      const page = await client.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: prefix, MaxKeys: 1000 }));
      const versions = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].filter((v) => v.Key && v.VersionId && (!options.exact || v.Key === prefix));
      if (versions.length === 0) return deleted;
      const result = await client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: versions.map((v) => ({ Key: v.Key!, VersionId: v.VersionId })), Quiet: true } }));
      const failed = result.Errors ?? [];
      if (failed.length > 0) throw new Error(`Could not delete ${failed.length} object version(s) under ${prefix}: ${failed.map((e) => e.Code).join(', ')}`);
      deleted += versions.length;
      if (!page.IsTruncated && versions.length < 1000) return deleted;
    }
  }
}
