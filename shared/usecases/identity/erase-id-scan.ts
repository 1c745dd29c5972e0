import { createHash } from 'node:crypto';
import type { CaseMessage } from '#domain/mail.ts';
import { redactMime, type RemovedPart } from '#domain/mime-redact.ts';
import type { Clock } from '#ports/cases.ts';
import type { BlobEraser } from '#ports/identity.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';

export interface EraseIdScanDeps {
  readonly messages: MessageStore;
  /** The evidence bucket, where the scan's copy is. */
  readonly evidence: BlobStore;
  readonly evidenceEraser: BlobEraser;
  /** The receiving bucket, where the raw message (with the scan inside) is. */
  readonly inboundMail?: BlobStore;
  readonly inboundEraser?: BlobEraser;
  readonly clock: Clock;
}

export interface EraseIdScanResult {
  /** Messages whose stored raw MIME (table and/or bucket) no longer holds the scan. */
  readonly messagesRewritten: number;
  readonly sha256: string | null;
}

/**
 * Erases an ID-document scan from every place intake stored it, once the review is decided
 * (EDPB 01/2022: keep the fact, not the image).
 *
 * Primary course: the scan's bytes from the evidence bucket → its SHA-256 → every inbound
 * message of the case that carries it: the raw MIME in the table and in the receiving bucket
 * rewritten with the part replaced by a note (file name, type, size, digest), every older
 * version of the bucket object erased, the attachment marked removed → the evidence copy
 * erased, every version. The evidence copy goes last, so a retry after a crash still knows the
 * digest; a retry after success finds nothing left and changes nothing.
 * Example: `await eraseIdScan(deps, { tenantId: 'gautora', caseId, key: 'cases/gautora/…/02-pasas.jpg' })`
 * → `{ messagesRewritten: 1, sha256: '9f…' }`.
 */
export async function eraseIdScan(deps: EraseIdScanDeps, input: { readonly tenantId: string; readonly caseId: string; readonly key: string }): Promise<EraseIdScanResult> {
  const bytes = await deps.evidence.get(input.key).catch(() => null);
  const messages = (await deps.messages.listMessages(input.tenantId, input.caseId)).filter((m) => m.direction === 'inbound' && m.attachments.some((a) => a.key === input.key));
  const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : (messages.flatMap((m) => m.attachments).find((a) => a.key === input.key)?.removed?.sha256 ?? null);
  let rewritten = 0;
  if (sha256) {
    const at = deps.clock.now().toISOString();
    const isScan = (body: Uint8Array) => createHash('sha256').update(body).digest('hex') === sha256;
    const note = (p: RemovedPart) =>
      `[Attachment removed after the identity review on ${at}: ${p.filename ? `"${p.filename}", ` : ''}${p.contentType}, ${p.size} bytes, SHA-256 ${sha256}. Only the review's result is kept.]`;
    for (const m of messages) {
      if (await rewrite(deps, m, input.key, isScan, note, { at, sha256 })) rewritten++;
    }
  }
  await deps.evidenceEraser.delete(input.key);
  return { messagesRewritten: rewritten, sha256 };
}

async function rewrite(
  deps: EraseIdScanDeps,
  m: CaseMessage,
  key: string,
  isScan: (body: Uint8Array) => boolean,
  note: (p: RemovedPart) => string,
  removed: { readonly at: string; readonly sha256: string },
): Promise<boolean> {
  let changed = false;
  // The copy in the receiving bucket: rewritten as a new version, then every older version erased.
  if (m.rawKey && deps.inboundMail && deps.inboundEraser) {
    const stored = await deps.inboundMail.get(m.rawKey).catch(() => null);
    if (stored) {
      const redacted = redactMime(Buffer.from(stored).toString('latin1'), isScan, note);
      if (redacted.removed.length > 0) {
        await deps.inboundMail.put(m.rawKey, new Uint8Array(Buffer.from(redacted.raw, 'latin1')), 'message/rfc822');
        changed = true;
      }
      await deps.inboundEraser.deleteOlderVersions(m.rawKey);
    }
  }
  // The copy kept in the table (small messages) and the attachment's record.
  const inline = m.raw !== undefined ? redactMime(m.raw, isScan, note) : null;
  const marked = m.attachments.map((a) => (!a.removed && a.key === key ? { ...a, removed } : a));
  if ((inline && inline.removed.length > 0) || marked.some((a, i) => a !== m.attachments[i])) {
    await deps.messages.replaceMessage({ ...m, ...(inline ? { raw: inline.raw } : {}), attachments: marked });
    changed = true;
  }
  return changed;
}
