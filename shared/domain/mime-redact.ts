/**
 * Removes one attachment from a stored MIME message, keeping every other byte as received: the
 * part whose decoded body the caller recognises (an ID scan, by its digest) is replaced by a
 * short text part saying what was there. The message is handled as a "binary string" (one
 * character per byte, latin1), so nothing outside the replaced part is re-encoded.
 */
export interface RemovedPart {
  readonly filename: string | null;
  readonly contentType: string;
  readonly size: number;
}

export interface RedactResult {
  readonly raw: string;
  readonly removed: readonly RemovedPart[];
}

/** Multipart nesting we follow; mail nests two or three levels in practice. */
const MAX_DEPTH = 8;

/**
 * Primary course: headers → multipart? split at the boundary lines, recurse into each part :
 * decode the leaf (base64, quoted-printable, or as is) → `matches` → replace the part with the
 * note `note(part)`. Example: `redactMime(raw, (b) => sha256(b) === scanDigest, (p) => 'removed …')`
 * → `{ raw: '…Content-Type: text/plain…removed…', removed: [{ filename: 'pasas.jpg', … }] }`.
 */
export function redactMime(raw: string, matches: (body: Uint8Array) => boolean, note: (part: RemovedPart) => string): RedactResult {
  const removed: RemovedPart[] = [];
  const out = redactEntity(raw, matches, note, removed, 0);
  return { raw: out, removed };
}

function splitEntity(entity: string): { head: string; sep: string; body: string } {
  const crlf = entity.indexOf('\r\n\r\n');
  const lf = entity.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { head: entity.slice(0, crlf), sep: '\r\n\r\n', body: entity.slice(crlf + 4) };
  if (lf >= 0) return { head: entity.slice(0, lf), sep: '\n\n', body: entity.slice(lf + 2) };
  return { head: entity, sep: '', body: '' };
}

function header(head: string, name: string): string | null {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

function param(value: string | null, name: string): string | null {
  if (!value) return null;
  const match = new RegExp(`(?:^|;)\\s*${name}\\*?\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function redactEntity(entity: string, matches: (body: Uint8Array) => boolean, note: (part: RemovedPart) => string, removed: RemovedPart[], depth: number): string {
  const { head, sep, body } = splitEntity(entity);
  const contentType = header(head, 'content-type') ?? 'text/plain';
  const boundary = param(contentType, 'boundary');
  if (/^multipart\//i.test(contentType) && boundary && depth < MAX_DEPTH) {
    return head + sep + redactMultipart(body, boundary, matches, note, removed, depth);
  }
  const decoded = decodeBody(body, header(head, 'content-transfer-encoding'));
  if (!matches(decoded)) return entity;
  const part: RemovedPart = {
    filename: param(header(head, 'content-disposition'), 'filename') ?? param(contentType, 'name'),
    contentType: contentType.split(';')[0]!.trim().toLowerCase(),
    size: decoded.length,
  };
  removed.push(part);
  const eol = sep.startsWith('\r\n') ? '\r\n' : '\n';
  // The note is ASCII-only, so 7bit is true whatever the reader's charset.
  const text = note(part).replace(/[^\x20-\x7e]/g, '?');
  return ['Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit', 'Content-Disposition: inline'].join(eol) + eol + eol + text;
}

function redactMultipart(body: string, boundary: string, matches: (body: Uint8Array) => boolean, note: (part: RemovedPart) => string, removed: RemovedPart[], depth: number): string {
  const delimiter = `--${boundary}`;
  // Delimiter lines start at the beginning of a line; the line break before one belongs to it.
  const starts: number[] = [];
  for (let i = body.indexOf(delimiter); i >= 0; i = body.indexOf(delimiter, i + delimiter.length)) {
    if (i === 0 || body[i - 1] === '\n') starts.push(i);
  }
  if (starts.length < 2) return body;
  let out = body.slice(0, starts[0]);
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const lineEnd = body.indexOf('\n', start);
    const closing = body.startsWith(`${delimiter}--`, start);
    if (closing || lineEnd < 0 || k === starts.length - 1) {
      out += body.slice(start);
      return out;
    }
    const next = starts[k + 1]!;
    const eol = body[next - 2] === '\r' ? 2 : 1;
    const part = body.slice(lineEnd + 1, next - eol);
    out += body.slice(start, lineEnd + 1) + redactEntity(part, matches, note, removed, depth + 1) + body.slice(next - eol, next);
  }
  return out;
}

function decodeBody(body: string, encoding: string | null): Uint8Array {
  const cte = (encoding ?? '').toLowerCase();
  if (cte === 'base64') return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (cte === 'quoted-printable') {
    const text = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return new Uint8Array(Buffer.from(text, 'latin1'));
  }
  return new Uint8Array(Buffer.from(body, 'latin1'));
}
