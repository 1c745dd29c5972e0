import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AnswerFile } from '#domain/answer.ts';
import type { AnswerDownloads } from '#domain/channel-ports.ts';
import type { Clock } from '#domain/ports.ts';

/**
 * Large answers in the answers bucket, offered as presigned GET URLs (SigV4 query signing, at
 * most 7 days). On AWS the URL is only as long-lived as the credentials that signed it: signed
 * with a Lambda role's session it dies with the session (hours), so the TTL there is bounded by
 * the role's session; see README "Channels" for the long-lived alternative (a jose-signed link
 * the API serves).
 */
export class S3AnswerDownloads implements AnswerDownloads {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {}

  async publish(key: string, file: AnswerFile): Promise<{ url: string; expiresAt: string }> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: file.content,
        ContentType: file.contentType,
        ContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      }),
    );
    const url = await getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: this.ttlSeconds });
    return { url, expiresAt: new Date(this.clock.now().getTime() + this.ttlSeconds * 1000).toISOString() };
  }
}
