import type { S3Client } from '@aws-sdk/client-s3';
import { resolveClient, type ClientSource } from '../client-source.ts';
import type { AnswerFile } from '#domain/answer.ts';
import type { AnswerDownloads } from '#ports/channels.ts';
import type { Clock } from '#ports/cases.ts';
import type { JoseFormTokens } from '../forms/jose-form-tokens.ts';

/** The presigner is loaded on first use: presigned URLs serve rare paths, and loading it at init costs every cold start. */
const presigner = () => import('@aws-sdk/s3-request-presigner');

/** How long the presigned URL behind a signed link lives: just long enough to start the download. */
export const REDIRECT_URL_SECONDS = 300;

/** Where signed download links point: the web form's `/forms/{tenant}/download` route. */
export interface DownloadLinks {
  readonly tokens: Pick<JoseFormTokens, 'issueDownload'>;
  /** A function where the address is known only once the server listens (the local stack). */
  readonly baseUrl: string | (() => string);
}

/**
 * Large answers in the answers bucket. A presigned S3 URL is only as long-lived as the
 * credentials that signed it, and a Lambda role's session ends within hours, so with `links` the
 * subject gets a jose-signed link to the web form instead, valid for the whole `ttlSeconds`,
 * which redirects to a fresh five-minute presigned URL at each use (`presignedGet`). Without
 * `links` (no forms secret configured) the presigned URL itself is sent.
 */
export class S3AnswerDownloads implements AnswerDownloads {
  constructor(
    /** The client, or its maker: the workflow steps load S3 on the first answer they publish (client-source.ts). */
    private readonly client: ClientSource<S3Client>,
    private readonly bucket: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
    private readonly links?: DownloadLinks,
  ) {}

  async publish(tenantId: string, key: string, file: AnswerFile): Promise<{ url: string; expiresAt: string }> {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const client = await resolveClient(this.client);
    await client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: file.content,
        ContentType: file.contentType,
        ContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      }),
    );
    const expiresAt = new Date(this.clock.now().getTime() + this.ttlSeconds * 1000).toISOString();
    if (!this.links) return { url: await presignedGet(client, this.bucket, key, this.ttlSeconds), expiresAt };
    const token = await this.links.tokens.issueDownload({ tenantId, key, filename: file.filename }, this.ttlSeconds);
    const base = typeof this.links.baseUrl === 'function' ? this.links.baseUrl() : this.links.baseUrl;
    return { url: `${base}/forms/${encodeURIComponent(tenantId)}/download?token=${encodeURIComponent(token)}`, expiresAt };
  }
}

/** A presigned GET for one object in the answers bucket (SigV4 query signing). */
export async function presignedGet(client: S3Client, bucket: string, key: string, seconds: number): Promise<string> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  return (await presigner()).getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: seconds });
}
