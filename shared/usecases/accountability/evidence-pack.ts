import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Actor, AuditEvent } from '#domain/audit.ts';
import type { Case } from '#domain/case.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { CaseMessage } from '#domain/mail.ts';
import type { PackSealer } from '#ports/accountability.ts';
import type { CaseRepository, Clock } from '#ports/cases.ts';
import type { PrintQueue } from '#ports/channels.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';

/** One file of a pack: its path inside the ZIP and its bytes. */
export interface PackFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * A further section of the pack, added by the feature that owns the data (fulfilment tasks and
 * connector results: `{ name: 'tasks', files: … }`). Its files go under `<name>/`.
 */
export interface PackSection {
  readonly name: string;
  files(c: Case, events: readonly AuditEvent[]): Promise<readonly PackFile[]>;
}

export interface EvidencePackDeps {
  readonly repo: CaseRepository;
  readonly messages: MessageStore;
  /** Outbound raw MIME, letters and their enclosures. */
  readonly evidence?: BlobStore;
  /** Raw inbound mail as received. */
  readonly inboundMail?: BlobStore;
  readonly printQueue?: PrintQueue;
  readonly sealer: PackSealer;
  readonly clock: Clock;
  readonly sections?: readonly PackSection[];
  /**
   * Subject data sent with an answer (exports, enclosures): `digest` (default) keeps only their
   * SHA-256, `include` puts the files in the pack.
   */
  readonly dataFiles?: 'digest' | 'include';
}

export const PACK_FORMAT = 'rightsdesk-evidence-pack/1';
export const MANIFEST = 'manifest.json';
export const MANIFEST_JWS = 'manifest.jws';

export interface PackManifest {
  readonly format: typeof PACK_FORMAT;
  readonly tenantId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly createdAt: string;
  readonly createdBy: Actor;
  readonly files: ReadonlyArray<{ readonly path: string; readonly sha256: string; readonly size: number }>;
  /** What was left out and why (minimisation), with the digest of what was left out where known. */
  readonly withheld: ReadonlyArray<{ readonly what: string; readonly reason: string; readonly sha256?: string }>;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
const hex = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('hex');
export const sha256Hex = async (bytes: Uint8Array) => hex(await crypto.subtle.digest('SHA-256', bytes));
const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);

/** Why a message's raw form is not in the pack (null: it is). */
function rawWithheldReason(m: CaseMessage, raw: string, dataFiles: 'digest' | 'include'): string | null {
  // Minimisation: an identity-document image is never copied anywhere, so inbound mail with
  // attachments (which may be that image) and any MIME carrying an image part keep only a digest.
  if (/^content-type:\s*image\//im.test(raw)) return 'carries an image (possibly an identity document); digest only';
  if (m.direction === 'inbound' && m.attachments.length > 0) return 'inbound attachments may hold an identity document; digest only';
  if (m.direction === 'outbound' && m.attachments.length > 0 && dataFiles === 'digest') return 'carries the subject’s data files; digest only (dataFiles: digest)';
  return null;
}

/** The delivery status of a message, from the SES events recorded on the case. */
function deliveryOf(m: CaseMessage, events: readonly AuditEvent[]): { readonly status: string; readonly at?: string } {
  if (m.direction === 'inbound') return { status: 'received', at: m.at };
  const about = events.filter((e) => e.details?.messageId === m.messageId && e.type.startsWith('email.'));
  const lastEvent = about.at(-1);
  if (!lastEvent) return { status: m.channel === 'email' ? 'sent' : 'queued_for_print' };
  return { status: lastEvent.type.slice('email.'.length), at: lastEvent.at };
}

/** The case as evidence: without the workflow's task token (a live credential, not a fact). */
function caseRecord(c: Case): Case {
  return c.waiting ? { ...c, waiting: { ...c.waiting, taskToken: '(withheld)' } } : c;
}

/**
 * A sealed evidence pack of one case (docs/accountability.md).
 *
 * Primary course: load the case, its timeline and messages → `case.json`, `timeline.json`,
 * `decisions.json` (who decided what, when) → each message's metadata with its delivery status
 * and its raw MIME (or only its digest, by the minimisation rules) → letters as PDFs with their
 * dispatch records → the identity evidence record and signature validation facts → further
 * sections (tasks) → `manifest.json` with the SHA-256 of every file → `manifest.jws`, a detached
 * JWS over the manifest → one ZIP.
 * Example: `await buildEvidencePack(deps, { tenantId: 'softera', caseId, actor })` → ZIP bytes.
 */
export async function buildEvidencePack(deps: EvidencePackDeps, input: { readonly tenantId: string; readonly caseId: string; readonly actor: Actor }): Promise<{ readonly zip: Uint8Array; readonly filename: string; readonly manifest: PackManifest }> {
  const c = await deps.repo.getCase(input.tenantId, input.caseId);
  if (!c) throw new NotFoundError(`No case ${input.caseId}.`);
  const dataFiles = deps.dataFiles ?? 'digest';
  const [events, messages] = await Promise.all([deps.repo.listEvents(c.tenantId, c.id), deps.messages.listMessages(c.tenantId, c.id)]);
  const files: PackFile[] = [];
  const withheld: Array<PackManifest['withheld'][number]> = [];
  const add = (path: string, bytes: Uint8Array) => files.push({ path, bytes });

  add('case.json', json(caseRecord(c)));
  add('timeline.json', json(events));
  add(
    'decisions.json',
    json(events.filter((e) => e.type.startsWith('decision.') || e.type.startsWith('identity.') || e.type.startsWith('retention.') || e.type === 'deadline.extended').map((e) => ({ seq: e.seq, type: e.type, by: e.actor, at: e.at, summary: e.summary, details: e.details ?? {} }))),
  );

  for (const [i, m] of messages.entries()) {
    const base = `messages/${String(i + 1).padStart(3, '0')}-${m.direction}-${safe(m.id)}`;
    const raw = m.raw !== undefined ? strToU8(m.raw) : m.rawKey ? await readBlob(m.direction === 'inbound' && m.channel === 'email' ? deps.inboundMail : deps.evidence, m.rawKey) : null;
    const rawText = raw ? new TextDecoder().decode(raw) : '';
    const reason = raw ? rawWithheldReason(m, rawText, dataFiles) : 'the raw form is no longer stored';
    const rawSha256 = raw ? await sha256Hex(raw) : null;
    const meta = {
      id: m.id, direction: m.direction, channel: m.channel, at: m.at, subject: m.subject, messageId: m.messageId, inReplyTo: m.inReplyTo, references: m.references,
      from: m.from, to: m.to, notice: m.notice ?? null, automated: m.automated ?? null, delivery: deliveryOf(m, events),
      attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })),
      raw: { sha256: rawSha256, included: Boolean(raw) && reason === null, ...(reason ? { withheld: reason } : {}) },
    };
    add(`${base}.json`, json(meta));
    const ext = m.channel === 'email' ? 'eml' : 'txt';
    if (raw && reason === null) add(`${base}.${ext}`, raw);
    else withheld.push({ what: `${base}.${ext}`, reason: reason ?? 'the raw form is no longer stored', ...(rawSha256 ? { sha256: rawSha256 } : {}) });

    // Letters: the PDF the subject received, and the dispatch record (posted / handed over).
    if (m.direction === 'outbound' && (m.channel === 'post' || m.channel === 'in_person')) {
      const item = deps.printQueue ? await deps.printQueue.get(c.tenantId, m.id) : null;
      const letterBase = `letters/${safe(m.id)}`;
      add(`${letterBase}/dispatch.json`, json(item ? { status: item.status, delivery: item.delivery, notice: item.notice, title: item.title, createdAt: item.createdAt, dispatch: item.dispatch ?? null, pdfSize: item.pdfSize, enclosures: item.enclosures.map((e) => ({ filename: e.filename, size: e.size })) } : { status: 'unknown' }));
      const pdfAttachment = m.attachments.find((a) => a.contentType === 'application/pdf');
      if (pdfAttachment) add(`${letterBase}/${safe(pdfAttachment.filename)}`, await readBlob(deps.evidence, pdfAttachment.key) ?? strToU8(''));
      for (const enclosure of m.attachments.filter((a) => a !== pdfAttachment)) {
        const bytes = await readBlob(deps.evidence, enclosure.key);
        if (bytes && dataFiles === 'include' && !enclosure.contentType.startsWith('image/')) add(`${letterBase}/enclosures/${safe(enclosure.filename)}`, bytes);
        else withheld.push({ what: `${letterBase}/enclosures/${safe(enclosure.filename)}`, reason: 'subject data or image; digest only', ...(bytes ? { sha256: await sha256Hex(bytes) } : {}) });
      }
    }
  }

  // Identity: the minimal evidence record (never the document image) and the signature facts.
  add('identity/evidence.json', json({ status: c.identity.status, method: c.identity.method, rule: c.identity.rule, acceptedMethods: c.identity.acceptedMethods, evidence: c.identity.evidence ?? null }));
  const ev = c.identity.evidence;
  add(
    'identity/signature-validation.json',
    json({
      method: ev?.method ?? null,
      verdict: ev?.verdict ?? null,
      reasons: ev?.reasons ?? [],
      signer: ev?.signer ?? null,
      certificateSha256: ev?.certificateSha256 ?? null,
      trustedList: ev?.trustedList ?? null,
      signedAt: ev?.signedAt ?? null,
      checkedAt: ev?.checkedAt ?? null,
      events: events.filter((e) => e.type.startsWith('identity.')).map((e) => ({ type: e.type, at: e.at, details: e.details ?? {} })),
    }),
  );

  for (const section of deps.sections ?? []) {
    for (const f of await section.files(c, events)) add(`${safe(section.name)}/${f.path.split('/').map(safe).join('/')}`, f.bytes);
  }

  const manifest: PackManifest = {
    format: PACK_FORMAT,
    tenantId: c.tenantId,
    caseId: c.id,
    reference: c.reference,
    createdAt: deps.clock.now().toISOString(),
    createdBy: input.actor,
    files: await Promise.all(files.map(async (f) => ({ path: f.path, sha256: await sha256Hex(f.bytes), size: f.bytes.byteLength }))),
    withheld,
  };
  const manifestBytes = json(manifest);
  const jws = await deps.sealer.seal(c.tenantId, manifestBytes);
  const entries: Zippable = {};
  for (const f of files) entries[f.path] = [f.bytes, { level: 6 }];
  entries[MANIFEST] = [manifestBytes, { level: 6 }];
  entries[MANIFEST_JWS] = [strToU8(jws), { level: 0 }];
  return { zip: zipSync(entries, { mtime: new Date(manifest.createdAt) }), filename: `${c.reference}-evidence-pack.zip`, manifest };
}

async function readBlob(store: BlobStore | undefined, key: string): Promise<Uint8Array | null> {
  if (!store) return null;
  try {
    return await store.get(key);
  } catch (error) {
    // A purged or expired object (the buckets expire evidence) is a fact to record, not a failure.
    if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return null;
    throw error;
  }
}
