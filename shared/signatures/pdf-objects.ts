import { inflateSync } from 'node:zlib';
import { UnsafeInputError } from './errors.ts';

/**
 * Just enough of PDF's object syntax (ISO 32000-1 §7.3) to read the incremental updates a PAdES
 * file gets after signing: dictionaries, arrays, names, numbers, strings, references, streams
 * and object streams. pdf-lib parses all of this too, but it costs the intake function 420 KB
 * against a 450 KB budget (README, "Bundle sizes"); nothing here renders or rewrites a PDF.
 */
export type PdfValue =
  | { readonly kind: 'dict'; readonly entries: ReadonlyMap<string, PdfValue> }
  | { readonly kind: 'array'; readonly items: readonly PdfValue[] }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly bytes: Uint8Array }
  | { readonly kind: 'ref'; readonly num: number; readonly gen: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' };

export interface PdfObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfValue;
  /** The raw (still encoded) stream data, when the object is a stream. */
  readonly stream?: Uint8Array;
  /** Where `N G obj` starts and where `endobj` ends. */
  readonly start: number;
  readonly end: number;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
/** Nesting deeper than this is no document we need to read. */
const MAX_DEPTH = 64;

class Reader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  fail(what: string): never {
    throw new UnsafeInputError(`The PDF cannot be read (${what} at byte ${this.pos}).`);
  }

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      while (this.pos < b.length && WHITESPACE.has(b[this.pos]!)) this.pos++;
      if (b[this.pos] !== 0x25) return; // %
      while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
  }

  /** A regular token (keyword, number): up to whitespace or a delimiter. */
  token(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.bytes.length && !WHITESPACE.has(this.bytes[this.pos]!) && !DELIMITERS.has(this.bytes[this.pos]!)) this.pos++;
    return Buffer.from(this.bytes.subarray(start, this.pos)).toString('latin1');
  }

  peekToken(): string {
    const at = this.pos;
    const t = this.token();
    this.pos = at;
    return t;
  }

  startsWith(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.bytes[this.pos + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.skipSpace();
    const b = this.bytes[this.pos];
    if (b === undefined) this.fail('unexpected end');
    if (this.startsWith('<<')) return this.dict(depth);
    if (b === 0x3c) return this.hexString(); // <
    if (b === 0x28) return this.literalString(); // (
    if (b === 0x5b) return this.array(depth); // [
    if (b === 0x2f) return { kind: 'name', value: this.name() }; // /
    const word = this.token();
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) this.fail(`unexpected "${word.slice(0, 20)}"`);
    // `N G R` is a reference: look ahead without consuming when it is not.
    if (/^\d+$/.test(word)) {
      const at = this.pos;
      const gen = this.token();
      if (/^\d+$/.test(gen) && this.token() === 'R') return { kind: 'ref', num: Number(word), gen: Number(gen) };
      this.pos = at;
    }
    return { kind: 'number', value: Number(word) };
  }

  name(): string {
    this.pos++; // '/'
    const raw = this.token();
    return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  dict(depth: number): PdfValue {
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.startsWith('>>')) {
        this.pos += 2;
        return { kind: 'dict', entries };
      }
      if (this.bytes[this.pos] !== 0x2f) this.fail('a dictionary key is not a name');
      const key = this.name();
      entries.set(key, this.value(depth + 1));
    }
  }

  array(depth: number): PdfValue {
    this.pos++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x5d) {
        this.pos++;
        return { kind: 'array', items };
      }
      items.push(this.value(depth + 1));
    }
  }

  hexString(): PdfValue {
    const end = this.bytes.indexOf(0x3e, this.pos);
    if (end < 0) this.fail('an unterminated hex string');
    const hex = Buffer.from(this.bytes.subarray(this.pos + 1, end)).toString('latin1').replace(/\s+/g, '');
    this.pos = end + 1;
    return { kind: 'string', bytes: new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')) };
  }

  literalString(): PdfValue {
    const out: number[] = [];
    let level = 0;
    this.pos++;
    for (;;) {
      const b = this.bytes[this.pos++];
      if (b === undefined) this.fail('an unterminated string');
      if (b === 0x5c) {
        // An escape: its exact decoding does not matter for comparing, so keep the pair.
        out.push(b, this.bytes[this.pos++] ?? 0);
        continue;
      }
      if (b === 0x28) level++;
      if (b === 0x29 && level-- === 0) return { kind: 'string', bytes: new Uint8Array(out) };
      out.push(b);
    }
  }
}

/** Reads the indirect object `N G obj … endobj` starting at `start`. */
export function readObjectAt(bytes: Uint8Array, start: number): PdfObject {
  const r = new Reader(bytes, start);
  const num = Number(r.token());
  const gen = Number(r.token());
  if (!Number.isInteger(num) || !Number.isInteger(gen) || r.token() !== 'obj') r.fail('not an object');
  const value = r.value();
  let stream: Uint8Array | undefined;
  if (r.peekToken() === 'stream') {
    r.token();
    if (bytes[r.pos] === 0x0d) r.pos++;
    if (bytes[r.pos] === 0x0a) r.pos++;
    const length = value.kind === 'dict' ? value.entries.get('Length') : undefined;
    const dataStart = r.pos;
    let dataEnd: number;
    if (length?.kind === 'number' && Number.isInteger(length.value) && dataStart + length.value <= bytes.length) dataEnd = dataStart + length.value;
    else {
      // An indirect /Length: the data ends at the keyword (it cannot contain it unescaped in a DSS stream).
      dataEnd = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('endstream', dataStart, 'latin1');
      if (dataEnd < 0) r.fail('an unterminated stream');
      while (dataEnd > dataStart && (bytes[dataEnd - 1] === 0x0a || bytes[dataEnd - 1] === 0x0d)) dataEnd--;
    }
    stream = bytes.subarray(dataStart, dataEnd);
    r.pos = dataEnd;
    if (r.token() !== 'endstream') r.fail('a stream without endstream');
  }
  if (r.token() !== 'endobj') r.fail('an object without endobj');
  return { num, gen, value, ...(stream ? { stream } : {}), start, end: r.pos };
}

/** One value parsed from `bytes` at `start` (objects inside an object stream, trailer dictionaries). */
export function readValueAt(bytes: Uint8Array, start: number): { value: PdfValue; end: number } {
  const r = new Reader(bytes, start);
  const value = r.value();
  return { value, end: r.pos };
}

/**
 * A stream's data after its filters: none, or FlateDecode with or without a PNG predictor (what
 * DSS data, object streams and cross-reference streams use).
 */
export function decodeStream(object: PdfObject, maxBytes = 16 * 1024 * 1024): Uint8Array {
  if (!object.stream) throw new UnsafeInputError(`PDF object ${object.num} is not a stream.`);
  const dict = object.value.kind === 'dict' ? object.value : undefined;
  const filter = dict?.entries.get('Filter');
  const filters = filter?.kind === 'array' ? filter.items : filter ? [filter] : [];
  if (filters.length === 0) return object.stream;
  if (filters.length !== 1 || filters[0]!.kind !== 'name' || filters[0]!.value !== 'FlateDecode') throw new UnsafeInputError(`PDF stream ${object.num} uses a filter that is not read here.`);
  let data: Uint8Array;
  try {
    data = new Uint8Array(inflateSync(object.stream, { maxOutputLength: maxBytes }));
  } catch {
    throw new UnsafeInputError(`PDF stream ${object.num} cannot be decompressed.`);
  }
  const parms = dictGet(dict, 'DecodeParms');
  const predictor = dictGet(parms, 'Predictor');
  if (!parms || (predictor?.kind === 'number' && predictor.value === 1)) return data;
  const columns = dictGet(parms, 'Columns');
  if (predictor?.kind !== 'number' || predictor.value < 10 || columns?.kind !== 'number' || !Number.isInteger(columns.value) || columns.value < 1) {
    throw new UnsafeInputError(`PDF stream ${object.num} uses decode parameters that are not read here.`);
  }
  return unpredictPng(data, columns.value, object.num);
}

/** Reverses PNG row filters (ISO 32000-1 §7.4.4.4): one filter-type byte, then `columns` bytes a row. */
function unpredictPng(data: Uint8Array, columns: number, num: number): Uint8Array {
  const rows = Math.floor(data.length / (columns + 1));
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!;
    for (let i = 0; i < columns; i++) {
      const x = data[r * (columns + 1) + 1 + i]!;
      const left = i > 0 ? out[r * columns + i - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + i]! : 0;
      const upLeft = r > 0 && i > 0 ? out[(r - 1) * columns + i - 1]! : 0;
      let value: number;
      if (type === 0) value = x;
      else if (type === 1) value = x + left;
      else if (type === 2) value = x + up;
      else if (type === 3) value = x + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new UnsafeInputError(`PDF stream ${num} has an unknown PNG row filter.`);
      out[r * columns + i] = value & 0xff;
    }
  }
  return out;
}

/** In-use entries of a cross-reference stream (`/Type /XRef`): object number → offset, or the object stream holding it. */
export function xrefStreamEntries(object: PdfObject): Array<{ num: number; offset?: number; inStream?: number }> {
  const widths = dictGet(object.value, 'W');
  const w = widths?.kind === 'array' ? widths.items.map((i) => (i.kind === 'number' ? i.value : -1)) : [];
  if (w.length !== 3 || w.some((n) => !Number.isInteger(n) || n < 0 || n > 8)) throw new UnsafeInputError(`PDF cross-reference stream ${object.num} has no valid /W.`);
  const size = dictGet(object.value, 'Size');
  const index = dictGet(object.value, 'Index');
  const ranges = index?.kind === 'array' ? index.items.map((i) => (i.kind === 'number' ? i.value : 0)) : [0, size?.kind === 'number' ? size.value : 0];
  const data = decodeStream(object);
  const rowLength = w[0]! + w[1]! + w[2]!;
  const field = (at: number, width: number) => {
    let n = 0;
    for (let i = 0; i < width; i++) n = n * 256 + data[at + i]!;
    return n;
  };
  const out: Array<{ num: number; offset?: number; inStream?: number }> = [];
  let row = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    for (let k = 0; k < ranges[r + 1]!; k++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw new UnsafeInputError(`PDF cross-reference stream ${object.num} is shorter than its /Index.`);
      const type = w[0] === 0 ? 1 : field(at, w[0]!);
      const second = field(at + w[0]!, w[1]!);
      if (type === 1) out.push({ num: ranges[r]! + k, offset: second });
      else if (type === 2) out.push({ num: ranges[r]! + k, inStream: second });
    }
  }
  return out;
}

/** The objects compressed in an object stream (`/Type /ObjStm`), by number. */
export function objectStreamContents(object: PdfObject): Map<number, PdfValue> {
  const dict = object.value.kind === 'dict' ? object.value.entries : new Map<string, PdfValue>();
  const count = dict.get('N');
  const first = dict.get('First');
  if (count?.kind !== 'number' || first?.kind !== 'number') throw new UnsafeInputError(`PDF object stream ${object.num} has no /N or /First.`);
  const data = decodeStream(object);
  const header = Buffer.from(data.subarray(0, first.value)).toString('latin1').trim().split(/\s+/).map(Number);
  const out = new Map<number, PdfValue>();
  for (let i = 0; i + 1 < header.length && i / 2 < count.value; i += 2) out.set(header[i]!, readValueAt(data, first.value + header[i + 1]!).value);
  return out;
}

export function dictGet(value: PdfValue | undefined, key: string): PdfValue | undefined {
  return value?.kind === 'dict' ? value.entries.get(key) : undefined;
}

export function nameOf(value: PdfValue | undefined): string | undefined {
  return value?.kind === 'name' ? value.value : undefined;
}

/** A canonical text of a value, to compare two versions of an object key by key. */
export function canonical(value: PdfValue): string {
  switch (value.kind) {
    case 'dict':
      return `<<${[...value.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `/${k} ${canonical(v)}`).join(' ')}>>`;
    case 'array':
      return `[${value.items.map(canonical).join(' ')}]`;
    case 'name':
      return `/${value.value}`;
    case 'number':
      return String(value.value);
    case 'string':
      return `<${Buffer.from(value.bytes).toString('hex')}>`;
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
  }
}
