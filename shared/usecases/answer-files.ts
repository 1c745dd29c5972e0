import { ANSWER_FILE_LIMITS, answerFileKey, type AnswerFileRef } from '#domain/answer.ts';
import type { AnswerFileStore } from '#ports/channels.ts';
import { isOpen } from '#domain/case.ts';
import { InvalidTransitionError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { CaseRepository } from '#ports/cases.ts';

export interface AnswerFileDeps {
  readonly repo: CaseRepository;
  readonly files: AnswerFileStore;
  readonly newId?: () => string;
}

export interface NewAnswerFile {
  readonly tenantId: string;
  readonly caseId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
}

/** Who names a file: the client; so the name is bounded and never a path. */
function checkName(filename: string): void {
  const name = filename.trim();
  if (name === '' || name.length > 200 || /[\\/]/.test(name) || [...name].some((ch) => ch.charCodeAt(0) < 0x20)) throw new ValidationError('The file name is not valid.', [{ field: 'filename', message: '1–200 characters, no path or control characters' }]);
}

function checkFile(file: Pick<NewAnswerFile, 'filename' | 'size'>): void {
  checkName(file.filename);
  if (!(file.size > 0) || file.size > ANSWER_FILE_LIMITS.maxBytes) {
    throw new ValidationError(`An answer file must have 1 byte to ${ANSWER_FILE_LIMITS.maxBytes / 1024 / 1024} MB.`, [{ field: 'size', message: 'out of range' }]);
  }
}

async function openCase(deps: AnswerFileDeps, tenantId: string, caseId: string) {
  const c = await deps.repo.getCase(tenantId, caseId);
  if (!c) throw new NotFoundError(`No case with id "${caseId}".`);
  if (!isOpen(c.status)) throw new InvalidTransitionError(`Case ${c.reference} is ${c.status}: its answer can no longer change.`);
  return c;
}

/**
 * Starts an upload for a file to attach to the answer: the API hands out a presigned PUT, the
 * client sends the bytes straight to storage (no request size limit of ours in the way), and the
 * draft decision names the file by `{ id, filename }` afterwards.
 * Example: `await startAnswerFileUpload(deps, { tenantId, caseId, filename: 'export.zip', contentType: 'application/zip', size: 48_000_000 })`.
 */
export async function startAnswerFileUpload(deps: AnswerFileDeps, input: NewAnswerFile) {
  checkFile(input);
  await openCase(deps, input.tenantId, input.caseId);
  const id = (deps.newId ?? (() => crypto.randomUUID()))();
  const upload = await deps.files.uploadUrl(answerFileKey(input.tenantId, input.caseId, id, input.filename), input.contentType, input.size);
  return { id, filename: input.filename, upload: { method: 'PUT' as const, ...upload } };
}

/** The console's path: the file came with the form, so it is stored here and referenced at once. */
export async function storeAnswerFile(deps: AnswerFileDeps, input: Omit<NewAnswerFile, 'size'> & { readonly content: Uint8Array }): Promise<AnswerFileRef> {
  checkFile({ filename: input.filename, size: input.content.byteLength });
  await openCase(deps, input.tenantId, input.caseId);
  const id = (deps.newId ?? (() => crypto.randomUUID()))();
  const key = answerFileKey(input.tenantId, input.caseId, id, input.filename);
  await deps.files.put(key, input.content, input.contentType);
  return { id, filename: input.filename, contentType: input.contentType, size: input.content.byteLength, key };
}

/**
 * The files a draft names, each checked in storage (uploaded, within the limit) under this case's
 * own keys, so a draft can never point at another case's or tenant's file.
 */
export async function resolveAnswerFiles(
  files: AnswerFileStore,
  where: { readonly tenantId: string; readonly caseId: string },
  refs: ReadonlyArray<{ readonly id: string; readonly filename: string }>,
): Promise<AnswerFileRef[]> {
  if (refs.length > ANSWER_FILE_LIMITS.maxFiles) throw new ValidationError(`An answer can have at most ${ANSWER_FILE_LIMITS.maxFiles} files.`, [{ field: 'files', message: 'too many' }]);
  const out: AnswerFileRef[] = [];
  for (const ref of refs) {
    checkName(ref.filename);
    const key = answerFileKey(where.tenantId, where.caseId, ref.id, ref.filename);
    const stored = await files.head(key);
    if (!stored) throw new ValidationError(`The file "${ref.filename}" was not uploaded (or not to this case).`, [{ field: 'files', message: `missing ${ref.id}` }]);
    if (stored.size > ANSWER_FILE_LIMITS.maxBytes) throw new ValidationError(`The file "${ref.filename}" is larger than allowed.`, [{ field: 'files', message: 'too large' }]);
    out.push({ id: ref.id, filename: ref.filename, contentType: stored.contentType, size: stored.size, key });
  }
  return out;
}
