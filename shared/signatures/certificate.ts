import { X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { digest } from './algorithms.ts';
import { contextElement, DerShapeError, decode, elements, explicitInner, integerHex, octets, oid, raw, time, type Block } from './der.ts';

export const OID = {
  qcStatements: '1.3.6.1.5.5.7.1.3',
  qcCompliance: '0.4.0.1862.1.1',
  qcSSCD: '0.4.0.1862.1.4',
  qcType: '0.4.0.1862.1.6',
  qcTypeESign: '0.4.0.1862.1.6.1',
  qcTypeESeal: '0.4.0.1862.1.6.2',
  certificatePolicies: '2.5.29.32',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  givenName: '2.5.4.42',
  surname: '2.5.4.4',
  country: '2.5.4.6',
  organization: '2.5.4.10',
} as const;

/** Certificate policies that promise a QSCD (ETSI EN 319 411-2: QCP-n-qscd, QCP-l-qscd; 101 456 QCP+). */
export const QSCD_POLICIES = ['0.4.0.194112.1.2', '0.4.0.194112.1.3', '0.4.0.1456.1.1'] as const;
/** Policies for legal persons (seals), which cannot identify a natural person. */
export const LEGAL_PERSON_POLICIES = ['0.4.0.194112.1.1', '0.4.0.194112.1.3'] as const;

const KEY_USAGE_BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] as const;
export type KeyUsageBit = (typeof KEY_USAGE_BITS)[number];

/** The TBSCertificate fields identity reads, with the exact DER of both names. */
interface TbsFields {
  readonly serialHex: string;
  readonly issuerDer: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly subject: Block;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly subjectPublicKeyBits: Uint8Array;
  /** extnID → the DER inside extnValue. */
  readonly extensions: ReadonlyMap<string, Uint8Array>;
}

function readTbs(der: Uint8Array): TbsFields {
  const what = 'X.509 certificate';
  const [tbs] = elements(decode(der, what), what);
  const fields = elements(tbs, what);
  // version is [0] EXPLICIT and optional (v1 certificates omit it).
  const rest = contextElement(fields, 0) === fields[0] ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject, spki] = rest;
  const [notBefore, notAfter] = elements(validity, what);
  const extensions = new Map<string, Uint8Array>();
  const extensionsField = contextElement(rest, 3);
  if (extensionsField) {
    for (const extension of elements(explicitInner(extensionsField, what), what)) {
      const parts = elements(extension, what);
      extensions.set(oid(parts[0], what), octets(parts[parts.length - 1], what));
    }
  }
  if (!issuer || !subject) throw new DerShapeError(what);
  return {
    serialHex: integerHex(serial, what),
    issuerDer: raw(issuer),
    subjectDer: raw(subject),
    subject,
    notBefore: time(notBefore, what),
    notAfter: time(notAfter, what),
    subjectPublicKeyBits: octets(elements(spki, what)[1], what),
    extensions,
  };
}

/**
 * One X.509 certificate: Node's X509Certificate for the checks OpenSSL does well (issuer match,
 * signature, validity), asn1js for the extensions Node does not expose (QC statements, policies,
 * key usage bits).
 */
export class Certificate {
  readonly der: Uint8Array;
  readonly node: X509Certificate;
  readonly sha256: string;
  private readonly tbs: TbsFields;

  private constructor(der: Uint8Array) {
    this.der = der;
    this.node = new X509Certificate(der);
    this.tbs = readTbs(der);
    this.sha256 = digest('sha256', der).toString('hex');
  }

  static fromDer(der: Uint8Array): Certificate {
    try {
      return new Certificate(der);
    } catch (error) {
      throw new Error('A certificate in the file cannot be read.', { cause: error });
    }
  }

  static fromPemOrDer(bytes: Uint8Array): Certificate {
    const text = Buffer.from(bytes).toString('latin1');
    const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
    return Certificate.fromDer(pem ? new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64')) : bytes);
  }

  get publicKey(): KeyObject {
    return this.node.publicKey;
  }

  get notBefore(): Date {
    return this.tbs.notBefore;
  }

  get notAfter(): Date {
    return this.tbs.notAfter;
  }

  validAt(at: Date): boolean {
    return this.notBefore.getTime() <= at.getTime() && at.getTime() <= this.notAfter.getTime();
  }

  get serialHex(): string {
    return this.tbs.serialHex;
  }

  get serialDecimal(): string {
    return BigInt(`0x${this.serialHex}`).toString(10);
  }

  subjectAttribute(oid: string): string | undefined {
    return nameAttribute(this.tbs.subject, oid);
  }

  get commonName(): string | undefined {
    return this.subjectAttribute(OID.commonName);
  }

  get subjectDn(): string {
    return this.node.subject.replace(/\n/g, ', ');
  }

  /** DER of the subject name, as hashed into OCSP CertIDs and compared with ResponderIDs. */
  get subjectNameDer(): Uint8Array {
    return this.tbs.subjectDer;
  }

  /** DER of the issuer name, as named by CMS IssuerAndSerialNumber. */
  get issuerNameDer(): Uint8Array {
    return this.tbs.issuerDer;
  }

  get subjectPublicKeyBits(): Uint8Array {
    return this.tbs.subjectPublicKeyBits;
  }

  get subjectKeyIdentifier(): string | undefined {
    const value = this.extension(OID.subjectKeyIdentifier);
    return value instanceof asn1js.OctetString ? Buffer.from(value.valueBlock.valueHexView).toString('hex') : undefined;
  }

  get qcStatements(): string[] {
    const value = this.extension(OID.qcStatements);
    if (!(value instanceof asn1js.Sequence)) return [];
    const ids: string[] = [];
    for (const statement of value.valueBlock.value) {
      if (!(statement instanceof asn1js.Sequence)) continue;
      const [id, info] = statement.valueBlock.value;
      if (!(id instanceof asn1js.ObjectIdentifier)) continue;
      ids.push(id.valueBlock.toString());
      if (id.valueBlock.toString() === OID.qcType && info instanceof asn1js.Sequence) {
        for (const t of info.valueBlock.value) if (t instanceof asn1js.ObjectIdentifier) ids.push(t.valueBlock.toString());
      }
    }
    return ids;
  }

  get policies(): string[] {
    const value = this.extension(OID.certificatePolicies);
    if (!(value instanceof asn1js.Sequence)) return [];
    return value.valueBlock.value.flatMap((info) => {
      const id = info instanceof asn1js.Sequence ? info.valueBlock.value[0] : undefined;
      return id instanceof asn1js.ObjectIdentifier ? [id.valueBlock.toString()] : [];
    });
  }

  get keyUsage(): Set<KeyUsageBit> {
    const value = this.extension(OID.keyUsage);
    const set = new Set<KeyUsageBit>();
    if (!(value instanceof asn1js.BitString)) return set;
    const bytes = value.valueBlock.valueHexView;
    KEY_USAGE_BITS.forEach((name, i) => {
      const byte = bytes[i >> 3] ?? 0;
      if (byte & (0x80 >> (i & 7))) set.add(name);
    });
    return set;
  }

  get extendedKeyUsage(): string[] {
    const value = this.extension(OID.extKeyUsage);
    if (!(value instanceof asn1js.Sequence)) return [];
    return value.valueBlock.value.flatMap((p) => (p instanceof asn1js.ObjectIdentifier ? [p.valueBlock.toString()] : []));
  }

  /** Whether `issuer` issued this certificate: names match and its key verifies our signature. */
  isIssuedBy(issuer: Certificate): boolean {
    if (!this.node.checkIssued(issuer.node)) return false;
    try {
      return this.node.verify(issuer.publicKey);
    } catch {
      return false;
    }
  }

  equals(other: Certificate): boolean {
    return this.sha256 === other.sha256;
  }

  /** The decoded extnValue of an extension; undefined when absent or not DER. */
  private extension(id: string): Block | undefined {
    const value = this.tbs.extensions.get(id);
    if (!value) return undefined;
    const parsed = asn1js.fromBER(value);
    return parsed.offset === -1 ? undefined : parsed.result;
  }
}

/** The first value of attribute `id` in an X.501 Name (SEQUENCE OF SET OF AttributeTypeAndValue), as text. */
export function nameAttribute(name: Block, id: string): string | undefined {
  if (!(name instanceof asn1js.Sequence)) return undefined;
  for (const rdn of name.valueBlock.value) {
    if (!(rdn instanceof asn1js.Set)) continue;
    for (const tv of rdn.valueBlock.value) {
      if (!(tv instanceof asn1js.Sequence)) continue;
      const [type, value] = tv.valueBlock.value;
      if (type instanceof asn1js.ObjectIdentifier && type.valueBlock.toString() === id) {
        const text: unknown = (value?.valueBlock as { value?: unknown } | undefined)?.value;
        return typeof text === 'string' ? text : undefined;
      }
    }
  }
  return undefined;
}
