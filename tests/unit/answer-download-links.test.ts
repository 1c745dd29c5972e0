import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { JoseFormTokens } from '#adapters/forms/jose-form-tokens.ts';
import { S3AnswerDownloads } from '#adapters/s3/answer-downloads.ts';
import { ValidationError } from '#domain/errors.ts';

const file = { filename: 'SOF-2026-000001-data.json', contentType: 'application/json', content: new TextEncoder().encode('{}') };
const WEEK = 7 * 86_400;

describe('answer download links', () => {
  const s3 = mockClient(S3Client);
  afterEach(() => s3.reset());

  it('stores the file, then links to the web form with a token valid for the whole period (not a presigned URL)', async () => {
    s3.on(PutObjectCommand).resolves({});
    let now = new Date('2026-11-21T10:00:00Z');
    const tokens = new JoseFormTokens('k'.repeat(40), { now: () => now });
    const downloads = new S3AnswerDownloads(new S3Client({ region: 'eu-central-1' }), 'answers', WEEK, { now: () => now }, { tokens, baseUrl: () => 'https://privacy.example.lt' });
    const { url, expiresAt } = await downloads.publish('softera', 'answers/softera/c1/m1/SOF-2026-000001-data.json', file);
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'answers', Key: 'answers/softera/c1/m1/SOF-2026-000001-data.json', ContentType: 'application/json' });
    expect(url).toMatch(/^https:\/\/privacy\.example\.lt\/forms\/softera\/download\?token=/);
    expect(expiresAt).toBe('2026-11-28T10:00:00.000Z');
    const token = decodeURIComponent(new URL(url).searchParams.get('token')!);

    now = new Date('2026-11-28T09:59:00Z'); // six days and 23 hours later: still good
    expect(await tokens.verifyDownload(token)).toEqual({ tenantId: 'softera', key: 'answers/softera/c1/m1/SOF-2026-000001-data.json', filename: file.filename });
    now = new Date('2026-11-28T10:01:00Z');
    await expect(tokens.verifyDownload(token)).rejects.toThrow(ValidationError);
    await expect(tokens.verifyDownload(token)).rejects.toThrow('This link has expired.');
    // A download token is no confirmation or status link, and the other way round.
    now = new Date('2026-11-21T10:00:00Z');
    await expect(tokens.verify(token, 'status')).rejects.toThrow('This link is not valid.');
    const status = await tokens.issue({ purpose: 'status', tenantId: 'softera', caseId: 'c1', jti: 'j1' }, 3600);
    await expect(tokens.verifyDownload(status)).rejects.toThrow('This link is not valid.');
  });

  it('falls back to a presigned S3 URL when no forms secret is configured', async () => {
    s3.on(PutObjectCommand).resolves({});
    const downloads = new S3AnswerDownloads(new S3Client({ region: 'eu-central-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }), 'answers', 3600, { now: () => new Date() });
    const { url } = await downloads.publish('softera', 'answers/softera/c1/m1/f.json', file);
    expect(url).toContain('X-Amz-Expires=3600');
  });
});
