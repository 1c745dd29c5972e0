import type { Case } from '#domain/case.ts';
import type { CaseMessage, StoredAttachment } from '#domain/mail.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';

/** Attachment names that may carry a signature the intake judges (containers, PDFs, CMS, JWS). */
export const SIGNED_NAME = /\.(asice|sce|bdoc|edoc|adoc|ddoc|pdf|p7s|p7m|jws|jades)$/i;

/** What one inbound message offers for a QES check. */
export interface QesCandidate {
  readonly message: CaseMessage;
  /** Its attachments whose name says they may be signed. */
  readonly files: readonly StoredAttachment[];
  /** Its raw MIME source when that may be S/MIME-signed (the first 16 KiB name multipart/signed or pkcs7-mime). */
  readonly raw: Uint8Array | undefined;
}

/**
 * The inbound messages of a case that may carry a signature, found without the signature stack:
 * most cases carry nothing signed, and the validators (xmldom, asn1js, the ETSI checks) are then
 * never loaded (docs/performance.md).
 *
 * Primary course: list the case's inbound messages → keep each that has an attachment named like
 * a signed file, or whose raw source names an S/MIME signature → [] when none does.
 * Example: `await qesCandidates(deps, c)` → `[{ message, files: [{ filename: 'prasymas.asice', … }], raw: undefined }]`.
 */
export async function qesCandidates(deps: { readonly messages: MessageStore; readonly inboundMail: BlobStore }, c: Case): Promise<QesCandidate[]> {
  const inbound = (await deps.messages.listMessages(c.tenantId, c.id)).filter((m) => m.direction === 'inbound');
  const candidates: QesCandidate[] = [];
  for (const message of inbound) {
    const files = message.attachments.filter((a) => SIGNED_NAME.test(a.filename));
    const raw = message.raw !== undefined ? new TextEncoder().encode(message.raw) : message.rawKey ? await deps.inboundMail.get(message.rawKey) : undefined;
    const signedRaw = raw && /multipart\/signed|pkcs7-mime/i.test(new TextDecoder().decode(raw.subarray(0, 16 * 1024))) ? raw : undefined;
    if (files.length > 0 || signedRaw) candidates.push({ message, files, raw: signedRaw });
  }
  return candidates;
}
