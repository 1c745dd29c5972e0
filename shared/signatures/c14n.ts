import type { Attr, Element, Node } from '@xmldom/xmldom';
import { UnsafeInputError } from './errors.ts';

/**
 * XML canonicalisation of an element subtree: C14N 1.0, C14N 1.1 and Exclusive C14N, with or
 * without comments. Written here because neither xmldsigjs nor xml-crypto implements C14N 1.1,
 * which DigiDoc signatures use. For an element subtree (the only node-sets XAdES and trusted
 * lists need) 1.0 and 1.1 differ only in which xml:* attributes the apex inherits.
 */
export type C14nMethod = {
  readonly kind: 'inclusive-1.0' | 'inclusive-1.1' | 'exclusive';
  readonly withComments: boolean;
  /** Exclusive only: prefixes treated the inclusive way (InclusiveNamespaces PrefixList). */
  readonly inclusivePrefixes?: readonly string[];
};

export const C14N_ALGORITHMS: Readonly<Record<string, C14nMethod>> = {
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315': { kind: 'inclusive-1.0', withComments: false },
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': { kind: 'inclusive-1.0', withComments: true },
  'http://www.w3.org/2006/12/xml-c14n11': { kind: 'inclusive-1.1', withComments: false },
  'http://www.w3.org/2006/12/xml-c14n11#WithComments': { kind: 'inclusive-1.1', withComments: true },
  'http://www.w3.org/2001/10/xml-exc-c14n#': { kind: 'exclusive', withComments: false },
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': { kind: 'exclusive', withComments: true },
};

export function c14nMethod(uri: string, inclusivePrefixes?: readonly string[]): C14nMethod {
  const method = C14N_ALGORITHMS[uri];
  if (!method) throw new UnsafeInputError(`The canonicalisation method ${uri} is not supported.`);
  return inclusivePrefixes ? { ...method, inclusivePrefixes } : method;
}

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type NsMap = ReadonlyMap<string, string>;

/**
 * `standalone`: canonicalise the subtree as if it were a document of its own (nothing inherited
 * from ancestors), as DigiDoc 1.3 writers digested their SignedProperties.
 */
export function canonicalize(apex: Element, method: C14nMethod, exclude?: Node, standalone = false): string {
  const out: string[] = [];
  const inScope = standalone ? new Map<string, string>() : ancestorNamespaces(apex);
  const inherited = method.kind === 'exclusive' || standalone ? [] : inheritedXmlAttributes(apex, method.kind);
  writeElement(apex, method, inScope, new Map(), out, exclude, inherited);
  return out.join('');
}

// Namespaces declared on ancestors are in scope at the apex; inclusive C14N renders them there.
function ancestorNamespaces(apex: Element): Map<string, string> {
  const chain: Element[] = [];
  for (let p = apex.parentNode; p && p.nodeType === 1; p = p.parentNode) chain.unshift(p as Element);
  const map = new Map<string, string>();
  for (const el of chain) for (const [prefix, uri] of ownDeclarations(el)) map.set(prefix, uri);
  return map;
}

function inheritedXmlAttributes(apex: Element, kind: C14nMethod['kind']): Attr[] {
  const found = new Map<string, Attr>();
  for (let p = apex.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    for (const attr of attributesOf(p as Element)) {
      if (attr.namespaceURI !== XML_NS || found.has(attr.localName ?? '')) continue;
      // C14N 1.1 stops inheriting xml:id and xml:base (xml:base fix-up is not needed for the
      // element subtrees that signatures reference, and we never resolve relative URIs).
      if (kind === 'inclusive-1.1' && attr.localName !== 'lang' && attr.localName !== 'space') continue;
      found.set(attr.localName ?? '', attr);
    }
  }
  return [...found.values()].filter((a) => !apex.hasAttributeNS(XML_NS, a.localName ?? ''));
}

function attributesOf(el: Element): Attr[] {
  const out: Attr[] = [];
  for (let i = 0; i < el.attributes.length; i++) out.push(el.attributes.item(i)!);
  return out;
}

function ownDeclarations(el: Element): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const attr of attributesOf(el)) {
    if (attr.name === 'xmlns') out.push(['', attr.value]);
    else if (attr.prefix === 'xmlns') out.push([attr.localName ?? '', attr.value]);
  }
  return out;
}

function writeElement(el: Element, method: C14nMethod, parentScope: NsMap, rendered: NsMap, out: string[], exclude: Node | undefined, extraAttrs: Attr[]): void {
  const scope = new Map(parentScope);
  for (const [prefix, uri] of ownDeclarations(el)) scope.set(prefix, uri);

  const attrs = attributesOf(el).filter((a) => a.namespaceURI !== XMLNS_NS && a.name !== 'xmlns' && a.prefix !== 'xmlns');
  const toRender = new Map<string, string>();
  if (method.kind === 'exclusive') {
    const used = new Set<string>([el.prefix ?? '']);
    for (const a of attrs) if (a.prefix && a.prefix !== 'xml') used.add(a.prefix);
    for (const p of method.inclusivePrefixes ?? []) if (scope.has(p === '#default' ? '' : p)) used.add(p === '#default' ? '' : p);
    for (const prefix of used) {
      const uri = scope.get(prefix) ?? '';
      if ((rendered.get(prefix) ?? '') !== uri) toRender.set(prefix, uri);
    }
  } else {
    for (const [prefix, uri] of scope) {
      if ((rendered.get(prefix) ?? '') !== uri) toRender.set(prefix, uri);
    }
  }
  // An empty default declaration only matters when it undoes a rendered non-empty default.
  if (toRender.get('') === '' && !(rendered.get('') ?? '')) toRender.delete('');
  const nextRendered = new Map(rendered);
  for (const [prefix, uri] of toRender) nextRendered.set(prefix, uri);

  out.push('<', el.nodeName);
  for (const prefix of [...toRender.keys()].sort()) {
    out.push(prefix ? ` xmlns:${prefix}="` : ' xmlns="', escapeAttr(toRender.get(prefix)!), '"');
  }
  const sorted = [...attrs, ...extraAttrs].sort((a, b) => {
    const ua = a.namespaceURI ?? '';
    const ub = b.namespaceURI ?? '';
    if (ua !== ub) return ua < ub ? -1 : 1;
    const la = a.localName ?? a.name;
    const lb = b.localName ?? b.name;
    return la < lb ? -1 : la > lb ? 1 : 0;
  });
  for (const a of sorted) out.push(' ', a.name, '="', escapeAttr(a.value), '"');
  out.push('>');
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c === exclude) continue;
    switch (c.nodeType) {
      case 1:
        writeElement(c as Element, method, scope, nextRendered, out, exclude, []);
        break;
      case 3:
      case 4:
        out.push(escapeText(c.nodeValue ?? ''));
        break;
      case 7:
        out.push('<?', c.nodeName, c.nodeValue ? ` ${c.nodeValue}` : '', '?>');
        break;
      case 8:
        if (method.withComments) out.push('<!--', c.nodeValue ?? '', '-->');
        break;
      default:
        break;
    }
  }
  out.push('</', el.nodeName, '>');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}
