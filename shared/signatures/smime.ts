import { verifyCms, type CmsResult } from './cms.ts';
import { UnsafeInputError } from './errors.ts';
import type { TrustedList } from './trusted-list.ts';

/** Largest e-mail read (the inbound channel's own cap is lower). */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

/** True when the bytes look like an e-mail whose top-level type is a signed S/MIME message. */
export function looksLikeSmime(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 16 * 1024)).toString('latin1');
  const headers = head.split(/\r?\n\r?\n/)[0] ?? '';
  return /^content-type:\s*(multipart\/signed|application\/(x-)?pkcs7-mime)/im.test(unfold(headers));
}

/**
 * Verifies an S/MIME signed e-mail: `multipart/signed` (the first part's exact bytes, from the
 * line after the boundary to the CRLF before the next one, are what was signed) or an opaque
 * `application/pkcs7-mime` signed-data. The CMS goes through the same checks as every CAdES file.
 * A part stored with bare LF line ends is tried again in canonical CRLF form, as S/MIME
 * clients sign it (RFC 8551 §3.1.1).
 */
export function verifySmime(bytes: Uint8Array, trustedList: TrustedList, at: Date): CmsResult {
  try {
    if (bytes.length > MAX_MESSAGE_BYTES) throw new UnsafeInputError(`The e-mail is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB.`);
    const message = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const { headers, bodyStart } = splitHeaders(message);
    const type = header(headers, 'content-type');
    if (/^application\/(x-)?pkcs7-mime/i.test(type)) return verifyCms(decodeBody(message.subarray(bodyStart), headers), { trustedList, at });
    if (!/^multipart\/signed/i.test(type)) throw new UnsafeInputError('The e-mail is not an S/MIME signed message.');
    const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(type);
    const delimiter = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`, 'latin1');
    if (delimiter.length <= 2) throw new UnsafeInputError('The signed e-mail names no MIME boundary.');
    const parts = multipartParts(message.subarray(bodyStart), delimiter);
    if (parts.length !== 2) throw new UnsafeInputError(`A signed e-mail must have exactly two parts (the content and the signature); this one has ${parts.length}.`);
    const [content, signaturePart] = parts as [Buffer, Buffer];
    const sig = splitHeaders(signaturePart);
    if (!/^application\/(x-)?pkcs7-signature/i.test(header(sig.headers, 'content-type'))) throw new UnsafeInputError('The second part of the signed e-mail is not a PKCS #7 signature.');
    const der = decodeBody(signaturePart.subarray(sig.bodyStart), sig.headers);
    const scope = { name: 'the displayed MIME part', kind: 'FULL' as const, description: `The first part of the multipart/signed message, as shown to the reader (${content.length} bytes).` };
    const exact = verifyCms(der, { content: new Uint8Array(content), trustedList, at, scope });
    const canonical = Buffer.from(content.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    if (exact.signatures.every((s) => s.valid) || canonical.equals(content)) return exact;
    const retried = verifyCms(der, { content: new Uint8Array(canonical), trustedList, at, scope });
    return retried.signatures.some((s) => s.valid) ? retried : exact;
  } catch (error) {
    if (error instanceof UnsafeInputError) return { signatures: [], reasons: [error.message], content: null };
    throw error;
  }
}

function unfold(headers: string): string {
  return headers.replace(/\r?\n[ \t]+/g, ' ');
}

function splitHeaders(part: Buffer): { headers: string; bodyStart: number } {
  const crlf = part.indexOf('\r\n\r\n');
  const lf = part.indexOf('\n\n');
  if (crlf < 0 && lf < 0) throw new UnsafeInputError('A MIME part has no header/body separator.');
  const useCrlf = crlf >= 0 && (lf < 0 || crlf < lf);
  const end = useCrlf ? crlf : lf;
  return { headers: unfold(part.subarray(0, end).toString('latin1')), bodyStart: end + (useCrlf ? 4 : 2) };
}

function header(headers: string, name: string): string {
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
}

function decodeBody(body: Buffer, headers: string): Uint8Array {
  const encoding = header(headers, 'content-transfer-encoding').toLowerCase();
  if (encoding === 'base64') return new Uint8Array(Buffer.from(body.toString('latin1').replace(/\s+/g, ''), 'base64'));
  if (encoding === '' || encoding === 'binary') return new Uint8Array(body);
  throw new UnsafeInputError(`The signature part uses the transfer encoding "${encoding}", which is not supported.`);
}

/** The parts between delimiter lines, each without the CRLF that belongs to the next delimiter. */
function multipartParts(body: Buffer, delimiter: Buffer): Buffer[] {
  const starts: number[] = [];
  let at = 0;
  for (;;) {
    const found = body.indexOf(delimiter, at);
    if (found < 0) break;
    if (found === 0 || body[found - 1] === 0x0a) starts.push(found);
    at = found + delimiter.length;
  }
  const parts: Buffer[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    if (body[start + delimiter.length] === 0x2d && body[start + delimiter.length + 1] === 0x2d) break;
    const lineEnd = body.indexOf('\n', start);
    const next = starts[i + 1];
    if (lineEnd < 0 || next === undefined) throw new UnsafeInputError('The signed e-mail is truncated (no closing boundary).');
    let end = next - 1;
    if (body[end - 1] === 0x0d) end -= 1;
    parts.push(body.subarray(lineEnd + 1, end));
  }
  return parts;
}
