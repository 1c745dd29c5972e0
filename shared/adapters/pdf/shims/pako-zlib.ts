import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Stands in for `pako` (1.0.x, ~45 KB minified) in the letters bundle, via esbuild's `alias`
 * (infra/bundling.ts): Node's own zlib does the same work. It implements exactly the calls the
 * bundled libraries make — pdf-lib 1.17.1 `pako.deflate(bytes)` (PDFContext.flateStream,
 * PDFFlateStream) and @pdf-lib/standard-fonts 1.0.0 `pako.inflate(bytes)` (decompressJson, at
 * module load) — both on a Uint8Array, without options, zlib format, default level (as pako).
 * Anything else fails loudly instead of behaving subtly differently from pako.
 */
function bytesOf(data: unknown, call: string, options: unknown): Uint8Array {
  if (options !== undefined) throw new Error(`pako.${call}(data, options) is not implemented by the zlib stand-in (shared/adapters/pdf/shims/pako-zlib.ts).`);
  if (!(data instanceof Uint8Array)) throw new TypeError(`pako.${call} expects a Uint8Array in the zlib stand-in (shared/adapters/pdf/shims/pako-zlib.ts).`);
  return data;
}

/** A plain Uint8Array over the Buffer's bytes (Buffer#slice shares memory, Uint8Array#slice copies). */
const plain = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export function deflate(data: Uint8Array, options?: unknown): Uint8Array {
  return plain(deflateSync(bytesOf(data, 'deflate', options)));
}

export function inflate(data: Uint8Array, options?: unknown): Uint8Array {
  return plain(inflateSync(bytesOf(data, 'inflate', options)));
}

export default { deflate, inflate };
