import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { UnsafeInputError } from './errors.ts';

export const NS = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  xades141: 'http://uri.etsi.org/01903/v1.4.1#',
  asic: 'http://uri.etsi.org/02918/v1.2.1#',
  tsl: 'http://uri.etsi.org/02231/v2#',
  ecc: 'http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const;

export interface XmlLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxNodes: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxBytes: 8 * 1024 * 1024, maxDepth: 128, maxNodes: 500_000 };

/**
 * Parses untrusted XML. Anything with a DTD is refused before the parser sees it: a DTD is the
 * only way to declare entities, so refusing it closes entity bombs and XXE at once, and no
 * signature format we accept needs one. Only UTF-8 is accepted (every format we read mandates
 * or defaults to it), so the byte-level scan cannot be fooled by another encoding.
 */
export function parseXml(bytes: Uint8Array, what: string, limits: Partial<XmlLimits> = {}): Document {
  const { maxBytes, maxDepth, maxNodes } = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > maxBytes) throw new UnsafeInputError(`${what} is larger than the ${Math.round(maxBytes / 1024)} KiB allowed.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnsafeInputError(`${what} is not valid UTF-8 text.`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new UnsafeInputError(`${what} contains a document type declaration (DOCTYPE/ENTITY), which is refused to prevent entity-expansion and external-entity attacks.`);
  }
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) throw new UnsafeInputError(`${what} declares the encoding ${declared}; only UTF-8 is accepted.`);

  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problem ??= message;
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new UnsafeInputError(`${what} is not well-formed XML.`, [{ field: what, message: String(error) }]);
  }
  if (problem || !doc.documentElement) throw new UnsafeInputError(`${what} is not well-formed XML.`, [{ field: what, message: problem ?? 'no root element' }]);
  checkShape(doc.documentElement, what, maxDepth, maxNodes);
  return doc;
}

// Canonicalisation and our walkers recurse; bounding depth keeps a hostile file from
// exhausting the stack, and bounding nodes keeps the work linear in a small number.
function checkShape(root: Element, what: string, maxDepth: number, maxNodes: number): void {
  const stack: Array<[Node, number]> = [[root, 1]];
  let count = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++count > maxNodes) throw new UnsafeInputError(`${what} has more than ${maxNodes} XML nodes.`);
    if (depth > maxDepth) throw new UnsafeInputError(`${what} is nested more than ${maxDepth} levels deep.`);
    for (let c = node.firstChild; c; c = c.nextSibling) stack.push([c, depth + 1]);
  }
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

export function children(parent: Node, ns?: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && (ns === undefined || c.namespaceURI === ns) && (localName === undefined || c.localName === localName)) out.push(c);
  }
  return out;
}

export function child(parent: Node, ns: string, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

/** Follows a path of `[ns, localName]` steps, first match at each step. */
export function path(parent: Node | undefined, ...steps: Array<readonly [string, string]>): Element | undefined {
  let current: Node | undefined = parent;
  for (const [ns, name] of steps) {
    if (!current) return undefined;
    current = child(current, ns, name);
  }
  return current as Element | undefined;
}

export function text(el: Element | undefined): string {
  return el?.textContent?.trim() ?? '';
}

export function descendants(root: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.namespaceURI === ns && el.localName === localName) out.push(el);
    const kids = children(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** All elements under `root` (inclusive) whose `Id`/`ID`/`id` attribute equals `id`. */
export function elementsById(root: Element, id: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.getAttribute('Id') === id || el.getAttribute('ID') === id || el.getAttribute('id') === id) out.push(el);
    stack.push(...children(el));
  }
  return out;
}

export function base64Bytes(value: string): Uint8Array {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new UnsafeInputError('A base64 value in the signature is malformed.');
  return new Uint8Array(Buffer.from(clean, 'base64'));
}
