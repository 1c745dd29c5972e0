import * as asn1js from 'asn1js';

/**
 * Reading the few DER structures identity needs (X.509, CMS SignedData, OCSP, TSTInfo) from the
 * tree asn1js decodes. asn1js does the BER/DER decoding; these helpers only walk its tree. They
 * replace pkijs, whose class library cost ~380 KB in every bundle that validates a signature,
 * for the dozen fields we read (README, "Bundle sizes").
 *
 * Every reader throws `DerShapeError` when the tree is not the expected shape, so callers can
 * turn any malformed input into one clear "cannot be read" verdict.
 */
export class DerShapeError extends Error {
  constructor(what: string) {
    super(`Unexpected ASN.1 structure: ${what}.`);
    this.name = 'DerShapeError';
  }
}

export type Block = asn1js.AsnType;

/**
 * Decodes one BER/DER element that must span all of `bytes`, or, with `trailing`, the first one
 * (a PDF pads the CMS in /Contents with zeros, and an indefinite length hides where it ends).
 */
export function decode(bytes: Uint8Array, what: string, trailing = false): Block {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1 || (!trailing && parsed.offset !== bytes.byteLength)) throw new DerShapeError(what);
  return parsed.result;
}

/** The elements of a SEQUENCE, SET or constructed context-tagged element. */
export function elements(block: Block | undefined, what: string): Block[] {
  if (!(block instanceof asn1js.Constructed)) throw new DerShapeError(what);
  return block.valueBlock.value;
}

export function isContext(block: Block | undefined, tagNumber: number): boolean {
  return !!block && block.idBlock.tagClass === 3 && block.idBlock.tagNumber === tagNumber;
}

/** The element tagged `[tagNumber]` among `list`, if present. */
export function contextElement(list: readonly Block[], tagNumber: number): Block | undefined {
  return list.find((b) => isContext(b, tagNumber));
}

/** The single element inside an EXPLICIT context tag. */
export function explicitInner(block: Block | undefined, what: string): Block {
  const inner = elements(block, what)[0];
  if (!inner) throw new DerShapeError(what);
  return inner;
}

export function oid(block: Block | undefined, what: string): string {
  if (!(block instanceof asn1js.ObjectIdentifier)) throw new DerShapeError(what);
  return block.valueBlock.toString();
}

/** The OID of an AlgorithmIdentifier (SEQUENCE { algorithm, parameters OPTIONAL }). */
export function algorithm(block: Block | undefined, what: string): string {
  return oid(elements(block, what)[0], what);
}

/** The content octets of an OCTET STRING (constructed BER forms joined), INTEGER or primitive element. */
export function octets(block: Block | undefined, what: string): Uint8Array {
  if (!block) throw new DerShapeError(what);
  if (block instanceof asn1js.OctetString && block.idBlock.isConstructed) {
    return new Uint8Array(Buffer.concat(block.valueBlock.value.map((part) => Buffer.from(octets(part, what)))));
  }
  if (block instanceof asn1js.BitString) return new Uint8Array(block.valueBlock.valueHexView);
  const view = (block.valueBlock as { valueHexView?: Uint8Array }).valueHexView;
  if (!(view instanceof Uint8Array)) throw new DerShapeError(what);
  return new Uint8Array(view);
}

/** An INTEGER as lower-case hex without leading zero bytes (serial numbers). */
export function integerHex(block: Block | undefined, what: string): string {
  if (!(block instanceof asn1js.Integer)) throw new DerShapeError(what);
  return Buffer.from(block.valueBlock.valueHexView).toString('hex').replace(/^(00)+(?=.)/, '');
}

/** The exact bytes this element was decoded from: what signatures and digests are computed over. */
export function raw(block: Block): Uint8Array {
  return new Uint8Array(block.valueBeforeDecodeView);
}

export function time(block: Block | undefined, what: string): Date {
  if (block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime) return block.toDate();
  throw new DerShapeError(what);
}

export function isTime(block: Block | undefined): block is asn1js.UTCTime | asn1js.GeneralizedTime {
  return block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime;
}

/** A CMS/X.501 Attribute list (`SET OF SEQUENCE { type OID, values SET OF ANY }`), by type. */
export function attributes(block: Block | undefined, what: string): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  for (const attribute of elements(block, what)) {
    const [type, values] = elements(attribute, what);
    const id = oid(type, what);
    out.set(id, [...(out.get(id) ?? []), ...elements(values, what)]);
  }
  return out;
}
