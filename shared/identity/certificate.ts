import { X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digest } from './algorithms.ts';

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

/**
 * One X.509 certificate: Node's X509Certificate for the checks OpenSSL does well (issuer match,
 * signature, validity), pkijs for the extensions Node does not expose (QC statements, policies,
 * key usage bits).
 */
export class Certificate {
  readonly der: Uint8Array;
  readonly node: X509Certificate;
  readonly asn: pkijs.Certificate;
  readonly sha256: string;

  private constructor(der: Uint8Array) {
    this.der = der;
    this.node = new X509Certificate(der);
    this.asn = pkijs.Certificate.fromBER(der);
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
    return this.asn.notBefore.value;
  }

  get notAfter(): Date {
    return this.asn.notAfter.value;
  }

  validAt(at: Date): boolean {
    return this.notBefore.getTime() <= at.getTime() && at.getTime() <= this.notAfter.getTime();
  }

  get serialHex(): string {
    return Buffer.from(this.asn.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^(00)+(?=.)/, '');
  }

  get serialDecimal(): string {
    return BigInt(`0x${this.serialHex}`).toString(10);
  }

  subjectAttribute(oid: string): string | undefined {
    return nameAttribute(this.asn.subject, oid);
  }

  get commonName(): string | undefined {
    return this.subjectAttribute(OID.commonName);
  }

  get subjectDn(): string {
    return this.node.subject.replace(/\n/g, ', ');
  }

  /** DER of the subject name, as hashed into OCSP CertIDs. */
  get subjectNameDer(): Uint8Array {
    return new Uint8Array(this.asn.subject.toSchema().toBER());
  }

  get subjectPublicKeyBits(): Uint8Array {
    return this.asn.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  }

  get subjectKeyIdentifier(): string | undefined {
    const ext = this.extension(OID.subjectKeyIdentifier);
    const value = ext?.parsedValue;
    return value instanceof asn1js.OctetString ? Buffer.from(value.valueBlock.valueHexView).toString('hex') : undefined;
  }

  get qcStatements(): string[] {
    const value = this.extension(OID.qcStatements)?.parsedValue;
    if (!(value instanceof pkijs.QCStatements)) return [];
    const ids: string[] = [];
    for (const statement of value.values) {
      ids.push(statement.id);
      if (statement.id === OID.qcType && statement.type instanceof asn1js.Sequence) {
        for (const t of statement.type.valueBlock.value) if (t instanceof asn1js.ObjectIdentifier) ids.push(t.valueBlock.toString());
      }
    }
    return ids;
  }

  get policies(): string[] {
    const value = this.extension(OID.certificatePolicies)?.parsedValue;
    return value instanceof pkijs.CertificatePolicies ? value.certificatePolicies.map((p) => p.policyIdentifier) : [];
  }

  get keyUsage(): Set<KeyUsageBit> {
    const value = this.extension(OID.keyUsage)?.parsedValue;
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
    const value = this.extension(OID.extKeyUsage)?.parsedValue;
    return value instanceof pkijs.ExtKeyUsage ? value.keyPurposes : [];
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

  private extension(oid: string): pkijs.Extension | undefined {
    return this.asn.extensions?.find((e) => e.extnID === oid);
  }
}

export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  const tv = name.typesAndValues.find((t) => t.type === oid);
  const value: unknown = tv?.value.valueBlock.value;
  return typeof value === 'string' ? value : undefined;
}
