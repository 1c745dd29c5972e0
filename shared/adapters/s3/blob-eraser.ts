import type { S3Client } from '@aws-sdk/client-s3';
import { resolveClient, type ClientSource } from '../client-source.ts';
import type { BlobEraser } from '#ports/identity.ts';

/**
 * Deletes objects of one versioned bucket (identity-document scans in the evidence bucket) for
 * good: every version and every delete marker of the key. A plain DeleteObject on a versioned
 * bucket only adds a delete marker and the scan survives as a noncurrent version.
 */
export class S3BlobEraser implements BlobEraser {
  constructor(
    private readonly client: ClientSource<S3Client>,
    readonly bucket: string,
  ) {}

  async delete(key: string): Promise<void> {
    await this.erase(key, () => true);
  }

  /** Every noncurrent version and delete marker of the key; the current version stays. */
  async deleteOlderVersions(key: string): Promise<void> {
    await this.erase(key, (v) => v.IsLatest !== true);
  }

  private async erase(key: string, which: (v: { IsLatest?: boolean | undefined }) => boolean): Promise<void> {
    // A key that has no versions left is already erased, so a retried delete succeeds.
    const { DeleteObjectsCommand, ListObjectVersionsCommand } = await import('@aws-sdk/client-s3');
    const client = await resolveClient(this.client);
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    do {
      const page = await client.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
      // Prefix also matches longer keys ("a.jpg" matches "a.jpg.bak"): only this exact key is erased.
      const versions = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].filter((v) => v.Key === key && v.VersionId && which(v));
      if (versions.length > 0) {
        const result = await client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: versions.map((v) => ({ Key: key, VersionId: v.VersionId })), Quiet: true } }),
        );
        const failed = result.Errors ?? [];
        if (failed.length > 0) throw new Error(`Could not erase ${failed.length} version(s) of an evidence object: ${failed.map((e) => e.Code).join(', ')}`);
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
  }
}
