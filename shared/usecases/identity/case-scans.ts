import { NotFoundError } from '#domain/errors.ts';
import type { CaseRepository } from '#ports/cases.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';

export interface CaseScanDeps {
  readonly repo: CaseRepository;
  readonly messages: MessageStore;
  readonly evidence: BlobStore;
}

/** Types a browser shows by itself without running anything: the ones served inline. */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf']);

export interface CaseScanFile {
  readonly filename: string;
  /** One of the inline types, or `application/octet-stream` (then served as a download). */
  readonly contentType: string;
  readonly inline: boolean;
  readonly bytes: Uint8Array;
}

/**
 * A file the subject sent with the case (an ID scan, a posted letter), for staff to look at
 * beside the review form. Primary course: the case exists in the staff member's tenant → the
 * key is an inbound attachment of this case, not erased → its bytes, shown inline when the type
 * is an image or a PDF. Anything else (another case's key, an erased scan) is a 404.
 * Example: `await caseScanFile(deps, { tenantId: 'gautora', caseId, key })` → `{ filename: 'pasas.jpg', contentType: 'image/jpeg', inline: true, bytes }`.
 */
export async function caseScanFile(deps: CaseScanDeps, ref: { readonly tenantId: string; readonly caseId: string; readonly key: string }): Promise<CaseScanFile> {
  if (!(await deps.repo.getCase(ref.tenantId, ref.caseId))) throw new NotFoundError('No such file.');
  const attachment = (await deps.messages.listMessages(ref.tenantId, ref.caseId))
    .filter((m) => m.direction === 'inbound')
    .flatMap((m) => m.attachments)
    .find((a) => a.key === ref.key && !a.removed);
  if (!attachment) throw new NotFoundError('No such file.');
  const bytes = await deps.evidence.get(attachment.key).catch(() => null);
  if (!bytes) throw new NotFoundError('No such file.');
  const type = attachment.contentType.split(';')[0]!.trim().toLowerCase();
  const inline = INLINE_TYPES.has(type);
  return { filename: attachment.filename, contentType: inline ? type : 'application/octet-stream', inline, bytes };
}
