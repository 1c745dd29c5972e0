import { createHash } from 'node:crypto';
import type { Case } from '#domain/case.ts';
import { minimiseEvidence, type IdentityEvidence } from '#domain/identity-evidence.ts';
import { matchSigner, personalCodeOf, peopleOf, signerName } from '#domain/identity-matching.ts';
import type { TrustedListSource } from '#ports/identity.ts';
import type { BlobStore, MessageStore } from '#ports/mail.ts';
import type { Clock } from '#ports/cases.ts';
import type { ValidationReportStore } from '#ports/validation-reports.ts';
import type { ValidationReportSummary } from '#domain/validation-report.ts';
import { validationReportXml } from '#signatures/etsi-report.ts';
import { indicationInWords } from '#signatures/indication-text.ts';
import type { TrustedList } from '#signatures/trusted-list.ts';
import type { FileVerdict } from '#signatures/verdict.ts';
import { detectFormat, UnsupportedFormatError, verifySignedFile } from '#signatures/verify-file.ts';
import { qesCandidates, type QesCandidate } from '#usecases/identity/qes-candidates.ts';

export interface QesDeps {
  readonly messages: MessageStore;
  readonly evidence: BlobStore;
  readonly inboundMail: BlobStore;
  readonly trustedLists: TrustedListSource<TrustedList>;
  /** Every judged file's ETSI TS 119 102-2 report is kept here, with the case. */
  readonly reports: ValidationReportStore;
  readonly clock: Clock;
}

/**
 * Looks for a qualified electronic signature among what the subject sent with the case (e-mail
 * attachments in the evidence bucket, or the S/MIME-signed message itself) and turns the best
 * one into an evidence record.
 *
 * Primary course: the case's messages that may carry a signature (`qesCandidates`, or the
 * caller's; none → null, and the trusted lists are not read) → each candidate file → verified against the cached trusted lists at `now`
 * (never fetched here), its ETSI validation report kept with the case → TOTAL_PASSED, QESig and qualified (`provesIdentity`) and the signer
 * is the requester or represented person → `verified`. A qualified signature by someone else → `needs_review` with the reason; only
 * unqualified ones → `rejected` with their reasons (a scanned, hand-signed PDF ends here: it
 * has no signature at all). Nothing signed at all → null.
 * Example: `await qesEvidenceFor(deps, c)` → `{ method: 'qes', verdict: 'verified', … }`.
 */
export async function qesEvidenceFor(deps: QesDeps, c: Case, candidates?: readonly QesCandidate[]): Promise<IdentityEvidence | null> {
  // Nothing signed: nothing to judge, and the trusted lists are not read.
  const found = candidates ?? (await qesCandidates(deps, c));
  if (found.length === 0) return null;
  const source = await deps.trustedLists.current();
  const now = deps.clock.now();
  const verdicts: FileVerdict[] = [];
  for (const { message, files, raw } of found) {
    for (const file of files) {
      const bytes = await deps.evidence.get(file.key);
      // A detached .p7s (CAdES) or .jws (JAdES) signs the attachment of the same name without it.
      const detached = /\.(p7s|jws)$/i.exec(file.filename);
      const partner = detached ? message.attachments.find((a) => a.filename === file.filename.slice(0, -detached[0].length)) : undefined;
      const content = partner ? await deps.evidence.get(partner.key) : undefined;
      const verdict = await judge(source?.lists ?? [], { bytes, fileName: file.filename, ...(content ? { content } : {}) }, now);
      if (verdict) verdicts.push(await keepReport(deps, c, verdict, file.filename, bytes, now));
    }
    // `raw` is set only when its head names multipart/signed or pkcs7-mime (qesCandidates).
    if (raw && detectFormat(raw, 'message.eml') === 'smime') {
      const verdict = await judge(source?.lists ?? [], { bytes: raw, fileName: 'message.eml' }, now);
      if (verdict) verdicts.push(await keepReport(deps, c, verdict, 'message.eml', raw, now));
    }
  }
  if (verdicts.length === 0) return null;
  const checkedAt = now.toISOString();
  const fetchedAt = source?.fetchedAt;
  const people = peopleOf(c);
  const base = (v: FileVerdict) => {
    const sig = v.signatures[0];
    return {
      method: 'qes' as const,
      signer: sig?.signer ? { name: signerName(sig.signer), ...(personalCodeOf(sig.signer.serialNumber) ? { personalCode: personalCodeOf(sig.signer.serialNumber)! } : {}) } : null,
      certificateSha256: sig?.signerCertificateSha256 ?? null,
      trustedList: v.trustedList ? { ...v.trustedList, ...(fetchedAt ? { fetchedAt } : {}) } : null,
      signedAt: sig?.signingTime?.toISOString() ?? null,
      reviewer: null,
      checkedAt,
    };
  };
  let mismatch: IdentityEvidence | null = null;
  for (const v of verdicts.filter(provesIdentity)) {
    const signer = v.signatures[0]?.signer;
    const outcome = signer ? matchSigner(signer, people) : { kind: 'mismatch' as const, reason: 'The signature names no signer.' };
    if (outcome.kind === 'match') return minimiseEvidence({ ...base(v), verdict: 'verified', reasons: [], matched: outcome.who });
    mismatch ??= minimiseEvidence({ ...base(v), verdict: 'needs_review', reasons: [outcome.reason] });
  }
  if (mismatch) return mismatch;
  const best = verdicts.find((v) => v.valid) ?? verdicts[0]!;
  return minimiseEvidence({ ...base(best), verdict: 'rejected', reasons: best.reasons.length ? best.reasons : ['The signature is not a qualified electronic signature.'] });
}

/** Stores the file's ETSI TS 119 102-2 report (no document content) with the case; returns the verdict. */
async function keepReport(deps: QesDeps, c: Case, v: FileVerdict, fileName: string, bytes: Uint8Array, now: Date): Promise<FileVerdict> {
  const { summary, xml } = validationReportOf(v, fileName, bytes, now);
  await deps.reports.save(c.tenantId, c.id, summary, xml);
  return v;
}

/**
 * A judged file's report and its summary for staff. Example: `validationReportOf(verdict,
 * 'prasymas.pdf', bytes, now)` → `{ summary: { id: '<sha256>', indication, inWords, … }, xml }`.
 */
export function validationReportOf(v: FileVerdict, fileName: string, bytes: Uint8Array, now: Date): { readonly summary: ValidationReportSummary; readonly xml: string } {
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const xml = validationReportXml(v, { fileName, fileSha256 });
  const summary: ValidationReportSummary = {
    id: fileSha256,
    fileName,
    format: v.format,
    indication: v.indication,
    subIndication: v.subIndication,
    signatureLevel: v.signatureLevel,
    inWords: indicationInWords(v.indication, v.subIndication, v.signatureLevel),
    provesIdentity: provesIdentity(v),
    checkedAt: now.toISOString(),
    sizeBytes: Buffer.byteLength(xml, 'utf8'),
  };
  return { summary, xml };
}

/**
 * Only a qualified electronic signature of a person proves identity: ETSI TOTAL_PASSED (an
 * untrusted or withdrawn anchor is INDETERMINATE) and level QESig (a company's e-seal is QESeal),
 * besides the verdict's own `qualified`. The name match is the caller's.
 */
export function provesIdentity(v: FileVerdict): boolean {
  return v.qualified && v.indication === 'TOTAL_PASSED' && v.signatureLevel === 'QESig' && v.signatures.every((s) => s.indication === 'TOTAL_PASSED' && s.signatureLevel === 'QESig');
}

/** The verdict with the first list under which the signature proves identity, else with the first list. */
async function judge(lists: readonly TrustedList[], file: { bytes: Uint8Array; fileName: string; content?: Uint8Array }, at: Date): Promise<FileVerdict | null> {
  if (lists.length === 0) return null;
  let first: FileVerdict | null = null;
  try {
    for (const trustedList of lists) {
      const verdict = await verifySignedFile({ ...file, trustedList, at });
      if (provesIdentity(verdict)) return verdict;
      first ??= verdict;
      if (!verdict.valid) break; // invalid is invalid under every list
    }
  } catch (error) {
    if (error instanceof UnsupportedFormatError) return null;
    throw error;
  }
  return first;
}
