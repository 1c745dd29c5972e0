import { verifyAsice } from './asice.ts';
import type { TrustedList } from './trusted-list.ts';
import { fileVerdict, type FileVerdict, type SignatureFormat } from './verdict.ts';

export interface VerifyFileInput {
  readonly bytes: Uint8Array;
  /** Used only to recognise the format when the bytes alone are ambiguous. */
  readonly fileName?: string;
  /** The signed content of a detached signature (`.p7s`); unused for containers. */
  readonly content?: Uint8Array;
  readonly trustedList: TrustedList;
  /** Validation time; callers pass it explicitly (tests pin it, the CLI defaults to now). */
  readonly at: Date;
}

/** Largest signed file accepted at all (containers are further limited while unpacking). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Judges one signed file. Primary course: recognise the format → verify it → one verdict with
 * plain-English reasons. Throws only when it cannot judge (see `UnsupportedFormatError`).
 */
export function verifySignedFile(input: VerifyFileInput): FileVerdict {
  const format = detectFormat(input.bytes, input.fileName);
  const context = { trustedList: { territory: input.trustedList.territory, sequenceNumber: input.trustedList.sequenceNumber, sha256: input.trustedList.sha256 }, validatedAt: input.at };
  if (input.bytes.length > MAX_INPUT_BYTES) return fileVerdict(format, [], [`The file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`], context);
  if (format !== 'asice') throw new UnsupportedFormatError(format);
  const result = verifyAsice(input.bytes, input.trustedList, input.at);
  return fileVerdict(format, result.signatures, result.reasons, context);
}

export class UnsupportedFormatError extends Error {
  constructor(readonly format: SignatureFormat) {
    super(format === 'unknown' ? 'The file is not a signature format rightsdesk recognises.' : `Validation of ${format.toUpperCase()} signatures is not implemented yet.`);
    this.name = 'UnsupportedFormatError';
  }
}

export function detectFormat(bytes: Uint8Array, fileName = ''): SignatureFormat {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (head.startsWith('PK\x03\x04') || ['asice', 'sce', 'bdoc', 'edoc', 'adoc'].includes(ext)) return 'asice';
  if (head.startsWith('%PDF-')) return 'pades';
  if (['p7s', 'p7m', 'eml'].includes(ext) || bytes[0] === 0x30) return 'cades';
  if (head.startsWith('ey') || ext === 'json' || ext === 'jws') return 'jades';
  return 'unknown';
}
