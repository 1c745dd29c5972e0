import { UnsafeInputError } from './errors.ts';
import { canonical, decodeStream, dictGet, nameOf, objectStreamContents, readObjectAt, readValueAt, xrefStreamEntries, type PdfObject, type PdfValue } from './pdf-objects.ts';

/** Validation data a PAdES-LT file adds after signing: its Document Security Store (DSS). */
export interface LtvData {
  /** DER OCSPResponses (`/OCSPs`). */
  readonly ocsp: readonly Uint8Array[];
  /** DER CertificateLists (`/CRLs`). */
  readonly crls: readonly Uint8Array[];
  /** DER certificates (`/Certs`). */
  readonly certs: readonly Uint8Array[];
}

/** Named changes the update made that the certification allows (reported as warnings). */
export type UpdateCheck = { readonly ok: true; readonly ltv: LtvData; readonly allowed: readonly string[] } | { readonly ok: false; readonly reason: string };

/**
 * What later revisions may change besides validation data, after the document's certification
 * signature (DocMDP /P, ISO 32000-1 §12.8.2.2): 2 = fill in forms (and sign), 3 = also add
 * annotations. An approval signature alone certifies nothing, so nothing more is allowed.
 */
export interface ChangePolicy {
  readonly formFill: boolean;
  readonly annotations: boolean;
}

export const STRICT: ChangePolicy = { formFill: false, annotations: false };

/** Keys a form fill-in changes on a field or its widget: the value and its appearance. */
const FILL_KEYS = new Set(['V', 'AS', 'AP', 'M']);
const ANNOTATION_SUBTYPES = new Set(['Text', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'Popup', 'FileAttachment']);

/** What a DSS update may change in the catalog: the DSS itself and the extensions dictionary. */
const CATALOG_LTV_KEYS = new Set(['DSS', 'Extensions']);
/** Keys of a VRI entry (ETSI EN 319 142-1 §5.4.2.3). */
const VRI_KEYS = new Set(['Type', 'Cert', 'OCSP', 'CRL', 'TU', 'TS']);
const VRI_HASH = /^[0-9A-F]{40}$/;
/** Keys of a Document Security Store (ETSI EN 319 142-1 §5.4.2.2); `/Type /DSS` is optional, and often absent. */
const DSS_KEYS = new Set(['Type', 'VRI', 'Certs', 'OCSPs', 'CRLs']);
const NO_LTV: LtvData = { ocsp: [], crls: [], certs: [] };

/**
 * Checks the bytes after the last signed revision (`coveredTo`) of a PDF. PAdES-LT adds the
 * validation data in an incremental update after signing — a Document Security Store and the
 * catalog entry pointing at it — and PAdES-LTA a document time-stamp with an invisible signature
 * field; neither changes anything a reader sees. Anything else (a changed page, an annotation, a
 * visible widget, a new catalog) is a change the signer never saw. Returns the DSS contents for
 * the signatures' revocation checks.
 *
 * Primary course: the tail is read as objects (object streams unpacked), xref sections and
 * trailers → an object number the signed revision already had may only be the catalog
 * (`/DSS`, `/Extensions`, AcroForm `/Fields` grown), a page (`/Annots` grown) or the AcroForm,
 * grown only by new invisible signature fields → new objects may only be streams, the DSS, VRI
 * entries, arrays of references, document time-stamps and their fields → the trailer keeps the
 * same root → the DSS's `/OCSPs`, `/CRLs` and `/Certs` streams are decoded.
 */
export function checkLtvUpdates(bytes: Uint8Array, coveredTo: number, policy: ChangePolicy = STRICT): UpdateCheck {
  try {
    return check(bytes, coveredTo, policy);
  } catch (error) {
    if (error instanceof UnsafeInputError) return { ok: false, reason: `the bytes added after signing cannot be read (${error.message.replace(/^The PDF cannot be read \(|\)\.$/g, '')})` };
    throw error;
  }
}

function check(bytes: Uint8Array, coveredTo: number, policy: ChangePolicy): UpdateCheck {
  const signedText = Buffer.from(bytes.buffer, bytes.byteOffset, coveredTo).toString('latin1');
  const signed = indexObjects(signedText, bytes);
  const rootBefore = [...signedText.matchAll(/\/Root\s+(\d+)\s+\d+\s+R/g)].at(-1)?.[1];
  const added = new Map<number, PdfObject>();
  /** Where the update's cross-references say each object is: readers follow these, not our scan. */
  const entries: XrefEntry[] = [];
  const containers = new Map<number, Set<number>>();

  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let pos = coveredTo;
  for (;;) {
    pos = skipSpace(text, pos);
    if (pos >= text.length) break;
    if (text.startsWith('xref', pos)) {
      const trailer = text.indexOf('trailer', pos);
      if (trailer < 0) return { ok: false, reason: 'an added cross-reference section has no trailer' };
      entries.push(...xrefTableEntries(text.slice(pos + 'xref'.length, trailer)));
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
    // A later revision may redefine an object an earlier update added: judge the last version.
    added.set(object.num, object);
    // Objects compressed in an object stream are judged one by one, like top-level ones.
    if (nameOf(dictGet(object.value, 'Type')) === 'ObjStm') {
      const inside = new Set<number>();
      for (const [num, value] of objectStreamContents(object)) {
        added.set(num, { num, gen: 0, value, start: object.start, end: object.end });
        inside.add(num);
      }
      containers.set(object.num, inside);
    }
    if (nameOf(dictGet(object.value, 'Type')) === 'XRef') entries.push(...xrefStreamEntries(object));
  }
  // Every cross-reference entry the update adds must point at what the update added (or leave an
  // object where the signed revision had it): repointing an object at other bytes already in the
  // file changes what a reader shows without adding a single object.
  for (const entry of entries) {
    const ok =
      entry.offset !== undefined
        ? entry.offset >= coveredTo && added.get(entry.num)?.start === entry.offset && !isCompressed(containers, entry.num)
        : entry.inStream !== undefined && containers.get(entry.inStream)?.has(entry.num) === true;
    if (!ok) return { ok: false, reason: `an update's cross-reference points object ${entry.num} at bytes the update did not add` };
  }
  const isNew = (num: number) => signed.value(num) === undefined && added.has(num);
  const allowedNew = (num: number) => isNew(num) && (isSignatureWidget(added.get(num)!.value) || (policy.annotations && isAnnotation(added.get(num)!.value)));
  let catalog: PdfValue | undefined;
  const allowed: string[] = [];
  for (const object of added.values()) {
    const problem = judge(object, signed, rootBefore, allowedNew, policy, allowed);
    if (problem) return { ok: false, reason: problem };
    if (nameOf(dictGet(object.value, 'Type')) === 'Catalog') catalog = object.value;
  }
  return { ok: true, allowed, ltv: catalog ? dssContents(dictGet(catalog, 'DSS'), (num) => added.get(num) ?? signed.object(num)) : NO_LTV };
}

/**
 * Why an added object is more than validation data or a document time-stamp, or undefined when
 * it is not. `newWidget` tells whether a referenced object is a signature widget this update adds.
 */
function judge(object: PdfObject, signed: SignedRevision, rootBefore: string | undefined, newWidget: (num: number) => boolean, policy: ChangePolicy, allowed: string[]): string | undefined {
  const type = nameOf(dictGet(object.value, 'Type'));
  if (type === 'XRef') {
    const root = dictGet(object.value, 'Root');
    return root?.kind === 'ref' && rootBefore !== undefined && String(root.num) !== rootBefore ? 'an update replaces the document catalog' : undefined;
  }
  if (type === 'ObjStm') return undefined; // its objects are judged on their own (above)
  const previous = signed.value(object.num);
  if (previous) {
    if (policy.formFill && previous.kind === 'dict' && isFormField(previous) && object.value.kind === 'dict' && changedKeys(previous, object.value).every((k) => FILL_KEYS.has(k))) {
      allowed.push(`form field object ${object.num} was filled in after signing, as the certification (DocMDP) allows`);
      return undefined;
    }
    return judgeRedefinition(object, previous, rootBefore, newWidget);
  }
  // A reference the signed revision left dangling (null when it was signed) must stay so: filling
  // it in later would change the document (a "shadow" attack), whatever the new object is.
  if (signed.refersTo(object.num)) return `an update adds object ${object.num}, which the signed revision already referred to`;
  if (object.stream) return undefined; // certificates, OCSP responses, CRLs: only the DSS can point at them
  const value = object.value;
  if (value.kind === 'array') return value.items.every((i) => i.kind === 'ref') ? undefined : `an update adds array ${object.num}`;
  if (value.kind !== 'dict') return `an update adds object ${object.num}`;
  if (type === 'DSS' || (type === undefined && [...value.entries.keys()].every((k) => DSS_KEYS.has(k)) && value.entries.size > 0)) return undefined;
  // A document time-stamp (PAdES-LTA): its signature dictionary and its field's widget.
  if (isDocumentTimestamp(value) || isSignatureWidget(value)) return undefined;
  if (policy.annotations && isAnnotation(value)) {
    allowed.push(`annotation object ${object.num} (/${nameOf(dictGet(value, 'Subtype')) ?? '?'}) was added after signing, as the certification (DocMDP P=3) allows`);
    return undefined;
  }
  // An appearance dictionary (/N /R /D) of a filled-in field or an allowed annotation.
  if ((policy.formFill || policy.annotations) && value.entries.size > 0 && [...value.entries.keys()].every((k) => k === 'N' || k === 'R' || k === 'D')) return undefined;
  const keys = [...value.entries.keys()];
  if (keys.every((k) => VRI_KEYS.has(k)) || keys.every((k) => VRI_HASH.test(k))) return undefined;
  return `an update adds ${type ? `a /${type} object` : `object ${object.num}`}`;
}

/**
 * An object the signed revision already had may change only as validation data and document
 * time-stamps need: the catalog's /DSS and /Extensions (and its /AcroForm, as below); a page's
 * /Annots or the AcroForm's /Fields, growing by signature widgets this update adds (and /SigFlags).
 */
function judgeRedefinition(object: PdfObject, previous: PdfValue, rootBefore: string | undefined, newWidget: (num: number) => boolean): string | undefined {
  const previousType = nameOf(dictGet(previous, 'Type'));
  const changed = `an update changes object ${object.num}${previousType ? ` (${previousType})` : ''}`;
  if (previous.kind === 'array' && object.value.kind === 'array') return growsBySignatureWidgets(previous, object.value, newWidget) ? undefined : changed;
  if (previous.kind !== 'dict' || object.value.kind !== 'dict') return changed;
  const isCatalog = previousType === 'Catalog' && String(object.num) === rootBefore;
  if (isCatalog && nameOf(dictGet(object.value, 'Type')) !== 'Catalog') return changed;
  const isPage = previousType === 'Page';
  const isAcroForm = previous.entries.has('Fields');
  if (!isCatalog && !isPage && !isAcroForm) return changed;
  for (const key of new Set([...previous.entries.keys(), ...object.value.entries.keys()])) {
    const a = previous.entries.get(key);
    const b = object.value.entries.get(key);
    if (a && b && canonical(a) === canonical(b)) continue;
    if (isCatalog && CATALOG_LTV_KEYS.has(key)) continue;
    if (isCatalog && key === 'AcroForm' && a?.kind === 'dict' && b?.kind === 'dict' && !judgeAcroForm(a, b, newWidget)) continue;
    if (isPage && key === 'Annots' && a?.kind === 'array' && b?.kind === 'array' && growsBySignatureWidgets(a, b, newWidget)) continue;
    if (isAcroForm && (key === 'SigFlags' || (key === 'Fields' && a?.kind === 'array' && b?.kind === 'array' && growsBySignatureWidgets(a, b, newWidget)))) continue;
    return isCatalog ? `an update changes the document catalog (/${key})` : `${changed}, /${key}`;
  }
  return undefined;
}

/** A form field or its widget (what a form fill-in changes). */
function isFormField(value: PdfValue): boolean {
  return value.kind === 'dict' && (value.entries.has('FT') || nameOf(dictGet(value, 'Subtype')) === 'Widget') && nameOf(dictGet(value, 'FT')) !== 'Sig';
}

/** A markup annotation (not a widget: widgets belong to form fields and signatures). */
function isAnnotation(value: PdfValue): boolean {
  const subtype = nameOf(dictGet(value, 'Subtype'));
  return value.kind === 'dict' && subtype !== undefined && ANNOTATION_SUBTYPES.has(subtype) && !value.entries.has('FT');
}

function changedKeys(a: PdfValue & { kind: 'dict' }, b: PdfValue & { kind: 'dict' }): string[] {
  return [...new Set([...a.entries.keys(), ...b.entries.keys()])].filter((k) => {
    const x = a.entries.get(k);
    const y = b.entries.get(k);
    return !(x && y && canonical(x) === canonical(y));
  });
}

/** An inline AcroForm dictionary may only gain signature fields and set /SigFlags. */
function judgeAcroForm(before: PdfValue & { kind: 'dict' }, after: PdfValue & { kind: 'dict' }, newWidget: (num: number) => boolean): string | undefined {
  for (const key of new Set([...before.entries.keys(), ...after.entries.keys()])) {
    const a = before.entries.get(key);
    const b = after.entries.get(key);
    if (a && b && canonical(a) === canonical(b)) continue;
    if (key === 'SigFlags') continue;
    if (key === 'Fields' && a?.kind === 'array' && b?.kind === 'array' && growsBySignatureWidgets(a, b, newWidget)) continue;
    return key;
  }
  return undefined;
}

/** `after` keeps every entry of `before`, in order, and adds only references to new signature widgets. */
function growsBySignatureWidgets(before: PdfValue & { kind: 'array' }, after: PdfValue & { kind: 'array' }, newWidget: (num: number) => boolean): boolean {
  if (after.items.length < before.items.length) return false;
  if (!before.items.every((item, i) => canonical(item) === canonical(after.items[i]!))) return false;
  return after.items.slice(before.items.length).every((item) => item.kind === 'ref' && newWidget(item.num));
}

function isDocumentTimestamp(value: PdfValue): boolean {
  const type = nameOf(dictGet(value, 'Type'));
  return (type === 'DocTimeStamp' || type === 'Sig') && nameOf(dictGet(value, 'SubFilter')) === 'ETSI.RFC3161';
}

/**
 * A signature field's widget (or the field itself) with nothing to see: what a document
 * time-stamp adds to a form. A visible widget could paint over the page, so it counts as a change.
 */
function isSignatureWidget(value: PdfValue): boolean {
  const subtype = nameOf(dictGet(value, 'Subtype'));
  if (nameOf(dictGet(value, 'FT')) !== 'Sig' || (subtype !== undefined && subtype !== 'Widget')) return false;
  const rect = dictGet(value, 'Rect');
  if (rect === undefined) return subtype === undefined;
  if (rect.kind !== 'array' || rect.items.length !== 4 || !rect.items.every((n) => n.kind === 'number')) return false;
  const [x1, y1, x2, y2] = rect.items.map((n) => (n.kind === 'number' ? n.value : Number.NaN)) as [number, number, number, number];
  return x1 === x2 || y1 === y2;
}

interface XrefEntry {
  readonly num: number;
  readonly offset?: number;
  readonly inStream?: number;
}

/** In-use entries of a classic cross-reference table (`start count`, then `offset gen n|f` lines). */
function xrefTableEntries(section: string): XrefEntry[] {
  const out: XrefEntry[] = [];
  const tokens = section.trim().split(/\s+/);
  let i = 0;
  while (i + 1 < tokens.length) {
    const start = Number(tokens[i]);
    const count = Number(tokens[i + 1]);
    if (!Number.isInteger(start) || !Number.isInteger(count)) throw new UnsafeInputError('The PDF cannot be read (a cross-reference subsection header).');
    i += 2;
    for (let k = 0; k < count; k++, i += 3) {
      const kind = tokens[i + 2];
      if (kind === 'n') out.push({ num: start + k, offset: Number(tokens[i]) });
      else if (kind !== 'f') throw new UnsafeInputError('The PDF cannot be read (a cross-reference entry).');
    }
  }
  return out;
}

function isCompressed(containers: ReadonlyMap<number, ReadonlySet<number>>, num: number): boolean {
  return [...containers.values()].some((inside) => inside.has(num));
}

interface SignedRevision {
  /** Where the signed revision's text defines object `num` (its last definition). */
  positionOf(num: number): number | undefined;
  value(num: number): PdfValue | undefined;
  object(num: number): PdfObject | undefined;
  /** Whether the signed revision refers to object `num` (a reference it may not resolve yet). */
  refersTo(num: number): boolean;
}

/**
 * The signed revision's objects as its own cross-references define them (the last `startxref`,
 * then every `/Prev` and `/XRefStm`): where a reader looks, not where text happens to say
 * `N 0 obj` — a revision can carry unused copies of an object to swap in later.
 */
function indexObjects(signedText: string, bytes: Uint8Array): SignedRevision {
  const positions = new Map<number, number>();
  const inStreams = new Map<number, number>();
  const start = [...signedText.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1];
  if (start === undefined) throw new UnsafeInputError('The PDF cannot be read (the signed revision has no startxref).');
  const seen = new Set<number>();
  const pending = [Number(start)];
  while (pending.length > 0) {
    const at = pending.shift()!;
    if (seen.has(at) || at < 0 || at >= signedText.length || seen.size > 1000) continue;
    seen.add(at);
    let trailer: PdfValue;
    if (signedText.startsWith('xref', at)) {
      const end = signedText.indexOf('trailer', at);
      if (end < 0) throw new UnsafeInputError('The PDF cannot be read (a signed cross-reference table without trailer).');
      for (const e of xrefTableEntries(signedText.slice(at + 'xref'.length, end))) if (!positions.has(e.num) && !inStreams.has(e.num)) positions.set(e.num, e.offset!);
      trailer = readValueAt(bytes, end + 'trailer'.length).value;
      const hybrid = dictGet(trailer, 'XRefStm');
      if (hybrid?.kind === 'number') pending.push(hybrid.value);
    } else {
      const stream = readObjectAt(bytes, at);
      if (nameOf(dictGet(stream.value, 'Type')) !== 'XRef') throw new UnsafeInputError('The PDF cannot be read (startxref points at no cross-reference).');
      for (const e of xrefStreamEntries(stream)) {
        if (positions.has(e.num) || inStreams.has(e.num)) continue;
        if (e.offset !== undefined) positions.set(e.num, e.offset);
        else if (e.inStream !== undefined) inStreams.set(e.num, e.inStream);
      }
      trailer = stream.value;
    }
    const prev = dictGet(trailer, 'Prev');
    if (prev?.kind === 'number') pending.push(prev.value);
  }
  const object = (num: number): PdfObject | undefined => {
    const at = positions.get(num);
    if (at === undefined) return undefined;
    const found = readObjectAt(bytes, at);
    if (found.num !== num) throw new UnsafeInputError(`The PDF cannot be read (its cross-reference puts object ${num} where object ${found.num} is).`);
    return found;
  };
  const streamContents = new Map<number, Map<number, PdfValue>>();
  /** An object stream's objects, decompressed and parsed once. */
  const contentsOf = (container: number): Map<number, PdfValue> => {
    let contents = streamContents.get(container);
    if (!contents) {
      const stream = object(container);
      contents = stream ? objectStreamContents(stream) : new Map<number, PdfValue>();
      streamContents.set(container, contents);
    }
    return contents;
  };
  const compressed = (num: number): PdfValue | undefined => {
    const container = inStreams.get(num);
    return container === undefined ? undefined : contentsOf(container).get(num);
  };
  let references: Set<number> | undefined;
  return {
    positionOf: (num) => positions.get(num),
    object,
    value: (num) => object(num)?.value ?? compressed(num),
    refersTo(num) {
      if (!references) {
        // References in the open text and inside every object stream (compressed dictionaries).
        const containers = new Set(inStreams.values());
        const texts = [signedText, ...[...containers].flatMap((c) => [...contentsOf(c).values()].map(canonical))];
        references = new Set(texts.flatMap((t) => [...t.matchAll(/(?<!\d)(\d+)\s+\d+\s+R\b/g)].map((m) => Number(m[1]))));
      }
      return references.has(num);
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
