import type { JWK } from 'jose';
import type { LetterDocument } from '#domain/letters.ts';
import type { WebhookDelivery } from '#domain/webhooks.ts';
import type { AnswerFile } from '#domain/answer.ts';

/**
 * Ports of the non-e-mail channels (docs/design.md §1.2): download links for large answers, letters
 * (PDF) for post, and partner webhooks. Adapters live in shared/adapters.
 */

/**
 * Publishes a file for a limited time and returns a link to it: a signed link to the web form's
 * download route, which hands out a short presigned S3 URL at each use (presigned S3 URLs alone
 * without a forms secret). Example: `await downloads.publish('gautora', 'answers/gautora/c1/m1/data.json', file)`
 * → `{ url: 'https://privacy.example.lt/forms/gautora/download?token=…', expiresAt: '2026-12-01T10:00:00.000Z' }`.
 */
export interface AnswerDownloads {
  publish(tenantId: string, key: string, file: AnswerFile): Promise<{ readonly url: string; readonly expiresAt: string }>;
}

/**
 * The files staff attach to answers (the answers bucket): uploaded straight to storage through a
 * presigned PUT (the API) or by the console, then checked and read back when the answer is sent.
 */
export interface AnswerFileStore {
  /** A URL the client PUTs the file to, with the headers it must send; valid a few minutes. */
  uploadUrl(key: string, contentType: string, size: number): Promise<{ readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly expiresAt: string }>;
  put(key: string, content: Uint8Array, contentType: string): Promise<void>;
  /** Size and type of a stored file, or null when nothing was uploaded there. */
  head(key: string): Promise<{ readonly size: number; readonly contentType: string } | null>;
  read(key: string): Promise<Uint8Array>;
}

/**
 * Lays a letter out as a PDF (pdf-lib with an embedded Unicode font, so ą č ę ė į š ų ū ž
 * render). Kept behind a port so the PDF library never enters the API bundle.
 */
export interface LetterRenderer {
  render(letter: LetterDocument): Promise<Uint8Array>;
}

/**
 * Joins letter PDFs into one, in the order given, so staff print a batch with one click. Behind a
 * port for the same reason as the renderer: the PDF library stays in the `letters` function.
 */
export interface PdfCombiner {
  combine(pdfs: readonly Uint8Array[]): Promise<Uint8Array>;
}

export const PRINT_STATUSES = ['queued', 'dispatched'] as const;
export type PrintStatus = (typeof PRINT_STATUSES)[number];

/** A letter waiting to be printed and posted, or a document to hand over in person. */
export interface PrintItem {
  readonly id: string;
  readonly tenantId: string;
  readonly caseId: string;
  readonly reference: string;
  /** `post`: print and post; `in_person`: hand over at the office. */
  readonly delivery: 'post' | 'in_person';
  readonly notice: string;
  readonly title: string;
  readonly recipient: readonly string[];
  /** The letter PDF in the evidence bucket. */
  readonly pdfKey: string;
  readonly pdfSize: number;
  /** Further files that go with the letter (data on paper or a medium), in the evidence bucket. */
  readonly enclosures: ReadonlyArray<{ readonly filename: string; readonly key: string; readonly size: number }>;
  readonly status: PrintStatus;
  readonly createdAt: string;
  /** `batchKey`: the print batch that recorded it (a retry of that batch recognises its own record). */
  readonly dispatch?: { readonly at: string; readonly trackingNumber?: string; readonly by: string; readonly recordedAt: string; readonly handedTo?: string; readonly batchKey?: string };
}

/** The staff print queue (letters to post, documents to hand over). */
export interface PrintQueue {
  add(item: PrintItem): Promise<void>;
  get(tenantId: string, id: string): Promise<PrintItem | null>;
  /** Queued items of a tenant, oldest first. */
  listQueued(tenantId: string, limit: number): Promise<readonly PrintItem[]>;
  /** Marks an item dispatched; only a queued item can be (returns false when it was not queued). */
  markDispatched(item: PrintItem, dispatch: NonNullable<PrintItem['dispatch']>): Promise<boolean>;
}

/** Durable webhook deliveries: a due-time index the retry sweep reads (no in-memory retries). */
export interface WebhookOutbox {
  enqueue(delivery: WebhookDelivery): Promise<void>;
  /** Pending deliveries due at or before `now`, across tenants, oldest first. */
  listDue(now: Date, limit: number): Promise<readonly WebhookDelivery[]>;
  /** Replaces the stored delivery if it still has `previousAttempts` attempts (two sweeps never both deliver). */
  update(delivery: WebhookDelivery, previousAttempts: number): Promise<boolean>;
}

/** A tenant's webhook key pair as JWKs (an operator-held key; by default KMS holds it instead). */
export interface TenantWebhookKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/** Signs a webhook body as a compact JWS with the tenant's key. */
export interface WebhookSigner {
  sign(tenantId: string, payload: Uint8Array): Promise<string>;
}

/** Sends one HTTP POST; returns the status, or throws on a network error/timeout. */
export interface WebhookTransport {
  post(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<{ readonly status: number }>;
}
