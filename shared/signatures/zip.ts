import { crc32, inflateRawSync } from 'node:zlib';
import { UnsafeInputError } from './errors.ts';

export interface ZipLimits {
  readonly maxArchiveBytes: number;
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  /** Uncompressed ÷ compressed size above which an entry is treated as a bomb. */
  readonly maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 64 * 1024 * 1024,
  maxEntries: 500,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxRatio: 200,
};

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly bytes: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads a ZIP archive defensively: every limit is enforced on the central directory *before*
 * anything is inflated, inflation is capped at the declared size (zlib's maxOutputLength), and
 * the result must match the declared size and CRC. Written on node:zlib rather than a ZIP
 * library because the libraries we looked at (fflate, yauzl) trust declared sizes or stream
 * asynchronously, and the checks here are the point.
 */
export function readZip(archive: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (archive.length > limits.maxArchiveBytes) throw new UnsafeInputError(`The container is larger than ${mb(limits.maxArchiveBytes)} MB.`);
  const view = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const eocd = findEocd(view);
  const count = view.readUInt16LE(eocd + 10);
  const cdSize = view.readUInt32LE(eocd + 12);
  const cdOffset = view.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new UnsafeInputError('ZIP64 containers are not accepted.');
  if (count > limits.maxEntries) throw new UnsafeInputError(`The container has ${count} files; at most ${limits.maxEntries} are accepted.`);
  if (cdOffset + cdSize > eocd) throw new UnsafeInputError('The container is damaged (central directory out of bounds).');

  const headers: Array<{ name: string; method: number; flags: number; crc: number; csize: number; usize: number; offset: number }> = [];
  let p = cdOffset;
  let total = 0;
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.readUInt32LE(p) !== CENTRAL) throw new UnsafeInputError('The container is damaged (bad central directory).');
    const flags = view.readUInt16LE(p + 8);
    const method = view.readUInt16LE(p + 10);
    const crc = view.readUInt32LE(p + 16);
    const csize = view.readUInt32LE(p + 20);
    const usize = view.readUInt32LE(p + 24);
    const nameLen = view.readUInt16LE(p + 28);
    const extraLen = view.readUInt16LE(p + 30);
    const commentLen = view.readUInt16LE(p + 32);
    const offset = view.readUInt32LE(p + 42);
    const name = decodeName(view.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;

    checkName(name);
    if (seen.has(name)) throw new UnsafeInputError(`The container holds "${name}" twice.`);
    seen.add(name);
    if (flags & 0x1) throw new UnsafeInputError(`"${name}" in the container is encrypted.`);
    if (method !== 0 && method !== 8) throw new UnsafeInputError(`"${name}" uses an unsupported compression method (${method}).`);
    if (usize > limits.maxEntryBytes) throw new UnsafeInputError(`"${name}" is larger than ${mb(limits.maxEntryBytes)} MB.`);
    total += usize;
    if (total > limits.maxTotalBytes) throw new UnsafeInputError(`The container unpacks to more than ${mb(limits.maxTotalBytes)} MB.`);
    if (usize > 1024 * 1024 && usize / Math.max(csize, 1) > limits.maxRatio) throw new UnsafeInputError(`"${name}" is compressed more than ${limits.maxRatio}:1, which is how ZIP bombs look.`);
    if (method === 0 && csize !== usize) throw new UnsafeInputError(`"${name}" is damaged (stored sizes differ).`);
    headers.push({ name, method, flags, crc, csize, usize, offset });
  }

  return headers.map((h) => {
    if (h.offset + 30 > view.length || view.readUInt32LE(h.offset) !== LOCAL) throw new UnsafeInputError(`"${h.name}" is damaged (bad local header).`);
    const nameLen = view.readUInt16LE(h.offset + 26);
    const extraLen = view.readUInt16LE(h.offset + 28);
    const localName = decodeName(view.subarray(h.offset + 30, h.offset + 30 + nameLen));
    // A local name that differs from the central one lets two tools see two different files.
    if (localName !== h.name) throw new UnsafeInputError(`"${h.name}" has a different name in its local header.`);
    const start = h.offset + 30 + nameLen + extraLen;
    if (start + h.csize > cdOffset) throw new UnsafeInputError(`"${h.name}" is damaged (data out of bounds).`);
    const data = view.subarray(start, start + h.csize);
    let bytes: Buffer;
    if (h.method === 0) bytes = data;
    else {
      try {
        bytes = inflateRawSync(data, { maxOutputLength: Math.max(h.usize, 1) });
      } catch {
        throw new UnsafeInputError(`"${h.name}" cannot be decompressed or is larger than it claims.`);
      }
    }
    if (bytes.length !== h.usize || (crc32(bytes) >>> 0) !== h.crc) throw new UnsafeInputError(`"${h.name}" is damaged (size or checksum mismatch).`);
    return { name: h.name, method: h.method, bytes: new Uint8Array(bytes) };
  });
}

function findEocd(view: Buffer): number {
  const min = Math.max(0, view.length - 22 - 0xffff);
  for (let i = view.length - 22; i >= min; i--) if (view.readUInt32LE(i) === EOCD) return i;
  throw new UnsafeInputError('The file is not a ZIP container.');
}

function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnsafeInputError('A file name in the container is not valid UTF-8.');
  }
}

/** Names must stay inside the container: no absolute, drive, backslash, `.`/`..` or empty segments. */
function checkName(name: string): void {
  const bad =
    name.length === 0 ||
    name.length > 1024 ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name
      .replace(/\/$/, '')
      .split('/')
      .some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new UnsafeInputError(`The container holds a file with an unsafe path ("${name}"), which could escape the container.`);
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
