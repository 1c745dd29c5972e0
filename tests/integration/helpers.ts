import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { s3ClientConfig } from '../../local/services/s3-local.ts';

/** The stand-ins accept any credentials (s3rver: the ones s3-local registers), never real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'eu-central-1';

export function dynamoClientFor(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

export function sesClientFor(endpoint: string): SESv2Client {
  return new SESv2Client({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

export function s3ClientFor(endpoint: string): S3Client {
  return new S3Client(s3ClientConfig(endpoint));
}

/** One mail in aws-ses-v2-local's GET /store (see local/services/ses-local.ts). */
export interface OutboxEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  /** Only SES v2 Content.Simple.Headers end up here. */
  headers?: { name: string; value: string }[];
  /** Epoch seconds. */
  at: number;
}

interface OutboxStore {
  templates: Record<string, unknown>;
  emails: OutboxEmail[];
}

/**
 * Every mail sent since the last clear. The outbox is shared by the whole test run, so tests
 * should look for their own mail (by MessageId or a unique subject) rather than count.
 */
export async function readOutbox(outboxUrl: string): Promise<OutboxEmail[]> {
  const response = await fetch(outboxUrl);
  if (!response.ok) throw new Error(`GET ${outboxUrl}: HTTP ${response.status}`);
  const store = (await response.json()) as OutboxStore;
  return store.emails;
}

export async function clearOutbox(outboxUrl: string): Promise<void> {
  const url = new URL('/clear-store', outboxUrl);
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${url.href}: HTTP ${response.status}`);
}
