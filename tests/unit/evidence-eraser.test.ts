import { DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { S3BlobEraser } from '#adapters/s3/blob-eraser.ts';

/**
 * L1 (issue 12): in a versioned bucket a DeleteObject only adds a delete marker and the ID scan
 * survives as a noncurrent version. The eraser deletes every version and every delete marker of
 * the key — only that key — across pages, and fails loudly if S3 refuses any.
 */
describe('S3BlobEraser (evidence erasure in a versioned bucket)', () => {
  it('deletes every version and delete marker of the exact key, page after page', async () => {
    const s3 = mockClient(S3Client);
    s3.on(ListObjectVersionsCommand, { KeyMarker: undefined })
      .resolves({
        IsTruncated: true,
        NextKeyMarker: 'id/scan.jpg',
        NextVersionIdMarker: 'v2',
        Versions: [
          { Key: 'id/scan.jpg', VersionId: 'v3' },
          { Key: 'id/scan.jpg', VersionId: 'v2' },
        ],
        DeleteMarkers: [{ Key: 'id/scan.jpg', VersionId: 'm1' }],
      })
      .on(ListObjectVersionsCommand, { KeyMarker: 'id/scan.jpg', VersionIdMarker: 'v2' })
      .resolves({ IsTruncated: false, Versions: [{ Key: 'id/scan.jpg', VersionId: 'v1' }, { Key: 'id/scan.jpg.thumb', VersionId: 't1' }] });
    s3.on(DeleteObjectsCommand).resolves({});
    await new S3BlobEraser(new S3Client({ region: 'eu-central-1' }), 'evidence').delete('id/scan.jpg');
    const deleted = s3.commandCalls(DeleteObjectsCommand).flatMap((call) => call.args[0].input.Delete?.Objects ?? []);
    expect(deleted).toEqual([
      { Key: 'id/scan.jpg', VersionId: 'v3' },
      { Key: 'id/scan.jpg', VersionId: 'v2' },
      { Key: 'id/scan.jpg', VersionId: 'm1' },
      { Key: 'id/scan.jpg', VersionId: 'v1' },
    ]);
    expect(s3.commandCalls(ListObjectVersionsCommand).map((call) => call.args[0].input.Prefix)).toEqual(['id/scan.jpg', 'id/scan.jpg']);
  });

  it('succeeds without deleting anything when no version is left (a retried erasure)', async () => {
    const s3 = mockClient(S3Client);
    s3.on(ListObjectVersionsCommand).resolves({ IsTruncated: false });
    await new S3BlobEraser(new S3Client({ region: 'eu-central-1' }), 'evidence').delete('id/gone.jpg');
    expect(s3.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
  });

  it('fails when S3 refuses to delete a version, so the erasure is retried rather than reported done', async () => {
    const s3 = mockClient(S3Client);
    s3.on(ListObjectVersionsCommand).resolves({ IsTruncated: false, Versions: [{ Key: 'id/scan.jpg', VersionId: 'v1' }] });
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'id/scan.jpg', VersionId: 'v1', Code: 'AccessDenied' }] });
    await expect(new S3BlobEraser(new S3Client({ region: 'eu-central-1' }), 'evidence').delete('id/scan.jpg')).rejects.toThrow(/AccessDenied/);
  });
});
