import { UnsafeInputError } from './errors.ts';
import { canonical, decodeStream, dictGet, nameOf, objectStreamContents, readObjectAt, readValueAt, type PdfObject, type PdfValue } from './pdf-objects.ts';

/** Validation data a PAdES-LT file adds after signing: its Document Security Store (DSS). */
export interface LtvData {
  /** DER OCSPResponses (`/OCSPs`). */
  readonly ocsp: readonly Uint8Array[];
  /** DER CertificateLists (`/CRLs`). */
  readonly crls: readonly Uint8Array[];
  /** DER certificates (`/Certs`). */
  readonly certs: readonly Uint8Array[];
}

export type UpdateCheck = { readonly ok: true; readonly ltv: LtvData } | { readonly ok: false; readonly reason: string };

/** What a DSS update may change in the catalog: the DSS itself and the extensions dictionary. */
const CATALOG_LTV_KEYS = new Set(['DSS', 'Extensions']);
/** Keys of a VRI entry (ETSI EN 319 142-1 §5.4.2.3). */
const VRI_KEYS = new Set(['Type', 'Cert', 'OCSP', 'CRL', 'TU', 'TS']);
const VRI_HASH = /^[0-9A-F]{40}$/;
const NO_LTV: LtvData = { ocsp: [], crls: [], certs: [] };

/**
 * Checks the bytes after the last signed revision (`coveredTo`) of a PDF. PAdES-LT adds the
 * validation data in an incremental update after signing — a Document Security Store and the
 * catalog entry pointing at it — which changes nothing a reader sees. Anything else (a changed
 * page, an annotation, a new catalog, compressed objects we cannot inspect) is a change the
 * signer never saw. Returns the DSS contents for the signatures' revocation checks.
 *
 * Primary course: the tail is read as objects, xref sections and trailers → an object number
 * the signed revision already had may only be the catalog, differing in `/DSS` or `/Extensions`
 * → new objects may only be streams, the DSS, VRI entries or arrays of references → the trailer
 * keeps the same root → the DSS's `/OCSPs`, `/CRLs` and `/Certs` streams are decoded.
 */
export function checkLtvUpdates(bytes: Uint8Array, coveredTo: number): UpdateCheck {
  try {
    return check(bytes, coveredTo);
  } catch (error) {
    if (error instanceof UnsafeInputError) return { ok: false, reason: `the bytes added after signing cannot be read (${error.message.replace(/^The PDF cannot be read \(|\)\.$/g, '')})` };
    throw error;
  }
}

function check(bytes: Uint8Array, coveredTo: number): UpdateCheck {
  const signedText = Buffer.from(bytes.buffer, bytes.byteOffset, coveredTo).toString('latin1');
  const signed = indexObjects(signedText, bytes);
  const rootBefore = [...signedText.matchAll(/\/Root\s+(\d+)\s+\d+\s+R/g)].at(-1)?.[1];
  const added = new Map<number, PdfObject>();
  let catalog: PdfValue | undefined;

  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let pos = coveredTo;
  for (;;) {
    pos = skipSpace(text, pos);
    if (pos >= text.length) break;
    if (text.startsWith('xref', pos)) {
      const trailer = text.indexOf('trailer', pos);
      if (trailer < 0) return { ok: false, reason: 'an added cross-reference section has no trailer' };
      pos = trailer;
      continue;
    }
    if (text.startsWith('trailer', pos)) {
      const { value, end } = readValueAt(bytes, pos + 'trailer'.length);
      const root = dictGet(value, 'Root');
      if (root?.kind === 'ref' && rootBefore !== undefined && String(root.num) !== rootBefore) return { ok: false, reason: 'an update replaces the document catalog' };
      pos = end;
      continue;
    }
    if (text.startsWith('startxref', pos)) {
      pos = skipSpace(text, pos + 'startxref'.length);
      while (pos < text.length && /\d/.test(text[pos]!)) pos++;
      continue;
    }
    if (!/\d/.test(text[pos]!)) return { ok: false, reason: `unexpected content at byte ${pos}` };
    const object = readObjectAt(bytes, pos);
    pos = object.end;
    const problem = judge(object, signed, rootBefore);
    if (problem) return { ok: false, reason: problem };
    added.set(object.num, object);
    if (nameOf(dictGet(object.value, 'Type')) === 'Catalog') catalog = object.value;
  }
  return { ok: true, ltv: catalog ? dssContents(dictGet(catalog, 'DSS'), (num) => added.get(num) ?? signed.object(num)) : NO_LTV };
}

/** Why an added object is more than validation data, or undefined when it is not. */
function judge(object: PdfObject, signed: SignedRevision, rootBefore: string | undefined): string | undefined {
  const type = nameOf(dictGet(object.value, 'Type'));
  if (type === 'XRef') {
    const root = dictGet(object.value, 'Root');
    return root?.kind === 'ref' && rootBefore !== undefined && String(root.num) !== rootBefore ? 'an update replaces the document catalog' : undefined;
  }
  if (type === 'ObjStm') return 'an update holds compressed objects, which cannot be checked';
  const previous = signed.value(object.num);
  if (previous) {
    if (nameOf(dictGet(previous, 'Type')) !== 'Catalog' || type !== 'Catalog' || String(object.num) !== rootBefore) {
      return `an update changes object ${object.num}${nameOf(dictGet(previous, 'Type')) ? ` (${nameOf(dictGet(previous, 'Type'))})` : ''}`;
    }
    const before = previous.kind === 'dict' ? previous.entries : new Map<string, PdfValue>();
    const after = object.value.kind === 'dict' ? object.value.entries : new Map<string, PdfValue>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      if (CATALOG_LTV_KEYS.has(key)) continue;
      const a = before.get(key);
      const b = after.get(key);
      if (!a || !b || canonical(a) !== canonical(b)) return `an update changes the document catalog (/${key})`;
    }
    return undefined;
  }
  if (object.stream) return undefined; // certificates, OCSP responses, CRLs: only the DSS can point at them
  const value = object.value;
  if (value.kind === 'array') return value.items.every((i) => i.kind === 'ref') ? undefined : `an update adds array ${object.num}`;
  if (value.kind !== 'dict') return `an update adds object ${object.num}`;
  if (type === 'DSS') return undefined;
  const keys = [...value.entries.keys()];
  if (keys.every((k) => VRI_KEYS.has(k)) || keys.every((k) => VRI_HASH.test(k))) return undefined;
  return `an update adds ${type ? `a /${type} object` : `object ${object.num}`}`;
}

interface SignedRevision {
  value(num: number): PdfValue | undefined;
  object(num: number): PdfObject | undefined;
}

/** The signed revision's objects by number: top-level ones by position, else from object streams. */
function indexObjects(signedText: string, bytes: Uint8Array): SignedRevision {
  const positions = new Map<number, number>();
  for (const m of signedText.matchAll(/(?:^|[\s>\]])(\d+)\s+\d+\s+obj\b/g)) positions.set(Number(m[1]), m.index + m[0].indexOf(m[1]!));
  let compressed: Map<number, PdfValue> | undefined;
  const object = (num: number): PdfObject | undefined => {
    const at = positions.get(num);
    return at === undefined ? undefined : readObjectAt(bytes, at);
  };
  return {
    object,
    value(num) {
      const top = object(num);
      if (top) return top.value;
      if (!compressed) {
        compressed = new Map();
        for (const m of signedText.matchAll(/\/Type\s*\/ObjStm\b/g)) {
          const start = signedText.lastIndexOf(' obj', m.index);
          const head = signedText.slice(Math.max(0, start - 24), start).match(/(\d+)\s+\d+$/);
          if (!head) continue;
          const stream = object(Number(head[1]));
          if (stream) for (const [n, v] of objectStreamContents(stream)) compressed.set(n, v);
        }
      }
      return compressed.get(num);
    },
  };
}

function dssContents(dss: PdfValue | undefined, resolve: (num: number) => PdfObject | undefined): LtvData {
  const deref = (v: PdfValue | undefined): PdfValue | undefined => (v?.kind === 'ref' ? resolve(v.num)?.value : v);
  const dict = deref(dss);
  const streams = (key: string): Uint8Array[] => {
    const list = deref(dictGet(dict, key));
    if (list?.kind !== 'array') return [];
    return list.items.flatMap((item) => {
      const object = item.kind === 'ref' ? resolve(item.num) : undefined;
      return object?.stream ? [decodeStream(object)] : [];
    });
  };
  return { ocsp: streams('OCSPs'), crls: streams('CRLs'), certs: streams('Certs') };
}

function skipSpace(text: string, pos: number): number {
  for (;;) {
    while (pos < text.length && /[\0\t\n\f\r ]/.test(text[pos]!)) pos++;
    if (text[pos] !== '%') return pos;
    while (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r') pos++;
  }
}
