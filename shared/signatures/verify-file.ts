import { verifyAsice } from './asice.ts';
import { looksLikeDdoc, UnsupportedDdocVersionError, verifyDdoc } from './ddoc.ts';
import { verifyCms } from './cms.ts';
import { verifyJades, type DetachedFile } from './jades.ts';
import { verifyPades } from './pades.ts';
import { looksLikeSmime, verifySmime } from './smime.ts';
import type { TrustedList } from './trusted-list.ts';
import { fileVerdict, type FileFinding, type FileVerdict, type SignatureFormat } from './verdict.ts';
import type { Certificate } from './certificate.ts';

export interface VerifyFileInput {
  readonly bytes: Uint8Array;
  /** Used only to recognise the format when the bytes alone are ambiguous. */
  readonly fileName?: string;
  /** The signed content of a detached signature (`.p7s`); unused for containers. */
  readonly content?: Uint8Array;
  /** Several detached objects (a JAdES `sigD` naming more than one), by name. */
  readonly detachedFiles?: readonly DetachedFile[];
  readonly trustedList: TrustedList;
  /** Validation time; callers pass it explicitly (tests pin it, the CLI defaults to now). */
  readonly at: Date;
  /**
   * Roots trusted beside the list (a test suite's CA, `--trust-anchor`): a chain ending in one can
   * reach TOTAL_PASSED, but nothing becomes qualified through it.
   */
  readonly trustAnchors?: readonly Certificate[];
}

/** Largest signed file accepted at all (containers are further limited while unpacking). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Judges one signed file. Primary course: recognise the format → verify it (every format ends in
 * the same signer checks and trusted-list policy, signer-checks.ts) → one verdict with
 * plain-English reasons. Throws only when it cannot judge (see `UnsupportedFormatError`).
 * Example: `await verifySignedFile({ bytes, fileName: 'request.pdf', trustedList, at })`.
 */
export async function verifySignedFile(input: VerifyFileInput): Promise<FileVerdict> {
  const format = detectFormat(input.bytes, input.fileName);
  const { at } = input;
  const trustedList: TrustedList = input.trustAnchors?.length ? { ...input.trustedList, extraTrustAnchors: [...(input.trustedList.extraTrustAnchors ?? []), ...input.trustAnchors] } : input.trustedList;
  const context = { trustedList: { territory: trustedList.territory, sequenceNumber: trustedList.sequenceNumber, sha256: trustedList.sha256 }, validatedAt: at };
  if (input.bytes.length > MAX_INPUT_BYTES) return fileVerdict(format, [], [`The file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`], context);
  const result = await verifyFormat(format, { ...input, trustedList });
  return fileVerdict(format, result.signatures, result.reasons, context, { warnings: result.warnings ?? [] });
}

interface FormatResult {
  readonly signatures: FileVerdict['signatures'];
  readonly reasons: readonly (string | FileFinding)[];
  readonly warnings?: readonly string[];
}

async function verifyFormat(format: SignatureFormat, input: VerifyFileInput): Promise<FormatResult> {
  const { bytes, trustedList, at } = input;
  switch (format) {
    case 'asice':
      return verifyAsice(bytes, trustedList, at);
    case 'pades':
      return verifyPades(bytes, trustedList, at);
    case 'smime':
      return verifySmime(bytes, trustedList, at);
    case 'cades':
      return verifyCms(pemOrDer(bytes), { trustedList, at, ...(input.content ? { content: input.content } : {}) });
    case 'jades':
      return verifyJades(bytes, trustedList, at, input.content, input.detachedFiles);
    case 'ddoc':
      try {
        return verifyDdoc(bytes, trustedList, at);
      } catch (error) {
        if (error instanceof UnsupportedDdocVersionError) throw new UnsupportedFormatError('ddoc', error.message);
        throw error;
      }
    case 'unknown':
      throw new UnsupportedFormatError(format);
  }
}

export class UnsupportedFormatError extends Error {
  constructor(
    readonly format: SignatureFormat,
    detail?: string,
  ) {
    super(detail ?? (format === 'unknown' ? 'The file is not a signature format rightsdesk recognises.' : `Validation of ${format.toUpperCase()} signatures is not implemented yet.`));
    this.name = 'UnsupportedFormatError';
  }
}

export function detectFormat(bytes: Uint8Array, fileName = ''): SignatureFormat {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (head.startsWith('PK\x03\x04') || ['asice', 'sce', 'bdoc', 'edoc', 'adoc'].includes(ext)) return 'asice';
  if (head.startsWith('%PDF-') || ext === 'pdf') return 'pades';
  if (looksLikeDdoc(bytes) || ext === 'ddoc') return 'ddoc';
  if (bytes[0] === 0x30 || /^-----BEGIN (PKCS7|CMS)-----/.test(head) || ['p7s', 'p7m'].includes(ext)) return 'cades';
  if (looksLikeSmime(bytes) || ext === 'eml') return 'smime';
  if (/^\s*(\{|ey)/.test(head) || ['json', 'jws', 'jades'].includes(ext)) return 'jades';
  return 'unknown';
}

/** `.p7s`/`.p7m` arrive as DER or PEM ("-----BEGIN PKCS7-----"). */
function pemOrDer(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (!text.startsWith('-----BEGIN')) return bytes;
  const body = /-----BEGIN [A-Z0-9 ]+-----([\s\S]+?)-----END/.exec(Buffer.from(bytes).toString('latin1'))?.[1] ?? '';
  return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
}
