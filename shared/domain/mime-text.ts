/**
 * Just enough MIME to show a message's text in the console: the first text/plain part (else
 * text/html with tags removed), transfer-decoded (quoted-printable, base64) and charset-decoded.
 * The full parser (postal-mime) stays in the inbound Lambda; the API bundle cannot afford it.
 */
const MAX_DEPTH = 5;

interface Part {
  readonly headers: Map<string, string>;
  readonly body: string;
}

function split(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n');
  const at = normalized.indexOf('\n\n');
  const head = at === -1 ? normalized : normalized.slice(0, at);
  const body = at === -1 ? '' : normalized.slice(at + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function param(value: string, name: string): string | null {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function bytesOf(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  if (encoding === 'quoted-printable') {
    const soft = body.replace(/=\n/g, '');
    const out: number[] = [];
    for (let i = 0; i < soft.length; i += 1) {
      const hex = soft[i] === '=' ? soft.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
      } else out.push(...new TextEncoder().encode(soft[i]));
    }
    return new Uint8Array(out);
  }
  return new TextEncoder().encode(body);
}

function decode(part: Part): string {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const charset = param(type, 'charset') ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytesOf(part.body, encoding));
}

function find(part: Part, want: 'text/plain' | 'text/html', depth: number): string | null {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < MAX_DEPTH) {
    const boundary = param(part.headers.get('content-type') ?? '', 'boundary');
    if (!boundary) return null;
    const pieces = part.body.split(`--${boundary}`).slice(1);
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      const found = find(split(piece.replace(/^\n/, '')), want, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  const disposition = (part.headers.get('content-disposition') ?? '').toLowerCase();
  if (disposition.startsWith('attachment') || !type.startsWith(want)) return null;
  return decode(part);
}

/** The readable text of a raw message, or null when it has none. */
export function mimeText(raw: string): string | null {
  const root = split(raw);
  const plain = find(root, 'text/plain', 0);
  if (plain !== null) return plain.trim();
  const html = find(root, 'text/html', 0);
  return html === null ? null : html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, '').replace(/<br\s*\/?>|<\/p>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
}
