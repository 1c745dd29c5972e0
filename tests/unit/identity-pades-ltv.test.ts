import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPades } from '#identity/pades.ts';
import { readObjectAt } from '#identity/pdf-objects.ts';
import type { TrustedList } from '#identity/trusted-list.ts';
import type { FixtureCase, IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { replacePdfSignature } from '../../tools/fixtures/formats.ts';
import { fixtureTrustedList, identityFixtures, readBytes } from '../support/identity-fixtures.ts';

/**
 * PAdES-LT: the validation data arrives after signing, in an incremental update holding a
 * Document Security Store (ETSI EN 319 142-1). Built from the generated PAdES fixtures: their
 * OCSP response moves out of the CMS into a DSS update, the way LT-level signers write it.
 */
const REVOCATION_VALUES = '1.2.840.113549.1.9.16.2.24';
let fx: IdentityFixtures;
let tl: TrustedList;
let at: Date;

beforeAll(async () => {
  fx = await identityFixtures();
  tl = fixtureTrustedList(fx);
  at = new Date(fx.at);
}, 60_000);

/** The fixture's PAdES with the OCSP response taken out of its CMS (a PAdES-B-T signature). */
function withoutEmbeddedOcsp(c: FixtureCase): Uint8Array {
  return replacePdfSignature(readBytes(fx.files.pades[c].file), (cms) => {
    const parsed = asn1js.fromBER(cms);
    const info = parsed.result as asn1js.Sequence;
    const fields = ((info.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
    const signer = (fields.at(-1) as asn1js.Set).valueBlock.value[0] as asn1js.Sequence;
    const unsigned = signer.valueBlock.value.at(-1) as asn1js.Constructed;
    unsigned.valueBlock.value = unsigned.valueBlock.value.filter((a) => ((a as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString() !== REVOCATION_VALUES);
    return new Uint8Array(info.toBER());
  });
}

interface UpdateOptions {
  /** Extra catalog entries the update writes (to test that only /DSS may change). */
  readonly catalogExtra?: string;
  /** Further objects the update adds or redefines. */
  readonly extraObjects?: (pdf: string) => string;
}

/** Appends a DSS update: the OCSP response as a compressed stream, the DSS, the catalog pointing at it, xref and trailer. */
function withDss(pdf: Uint8Array, ocsp: Uint8Array, options: UpdateOptions = {}): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const rootNum = Number(/\/Root (\d+) 0 R/.exec(text)![1]);
  const catalogAt = new RegExp(`(^|\\n)${rootNum} 0 obj`).exec(text)!;
  const catalog = readObjectAt(pdf, catalogAt.index + catalogAt[1]!.length);
  const catalogText = text.slice(catalog.start, catalog.end).replace('<<', `<<\n/DSS 901 0 R${options.catalogExtra ?? ''}`);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1];
  const data = deflateSync(ocsp);
  const parts = [
    Buffer.from(`\n900 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    data,
    Buffer.from(`\nendstream\nendobj\n901 0 obj\n<< /Type /DSS /OCSPs [900 0 R] /VRI 902 0 R >>\nendobj\n902 0 obj\n<< /${'A'.repeat(40)} << /OCSP [900 0 R] /TU (D:20261121120000Z) >> >>\nendobj\n${catalogText}\n${options.extraObjects?.(text) ?? ''}xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 903 /Root ${rootNum} 0 R /Prev ${startxref} >>\nstartxref\n${pdf.length + 1}\n%%EOF\n`, 'latin1'),
  ];
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), ...parts]));
}

const ocspOf = (party: string) => new Uint8Array(readFileSync(join(fx.dir, 'pki', `${party}.ocsp.der`)));

describe('PAdES-LT: validation data in a Document Security Store added after signing', () => {
  it('accepts the DSS update and uses its OCSP response: qualified, as with the OCSP in the CMS', () => {
    const bare = verifyPades(withoutEmbeddedOcsp('qualified'), tl, at);
    expect(bare.signatures[0]!.reasons.join('\n')).toMatch(/No revocation information/);
    const lt = verifyPades(withDss(withoutEmbeddedOcsp('qualified'), ocspOf('signer-qualified')), tl, at);
    expect(lt.reasons).toEqual([]);
    expect({ valid: lt.signatures[0]!.valid, qualified: lt.signatures[0]!.qualified, reasons: lt.signatures[0]!.reasons }).toEqual({ valid: true, qualified: true, reasons: [] });
  });

  it('finds a revoked signer through the DSS', () => {
    const lt = verifyPades(withDss(withoutEmbeddedOcsp('revoked'), ocspOf('signer-revoked')), tl, at);
    expect(lt.signatures[0]!.valid).toBe(false);
    expect(lt.signatures[0]!.reasons.join('\n')).toMatch(/revoked on \d{4}-\d\d-\d\d \(OCSP\)/);
  });

  it('still reports any other change made in the same update', () => {
    const pdf = withoutEmbeddedOcsp('qualified');
    const ocsp = ocspOf('signer-qualified');
    const catalogChanged = verifyPades(withDss(pdf, ocsp, { catalogExtra: '\n/OpenAction 3 0 R' }), tl, at);
    expect(catalogChanged.reasons.join('\n')).toMatch(/changed after it was signed: an update changes the document catalog \(\/OpenAction\)/);
    const pageChanged = verifyPades(
      withDss(pdf, ocsp, {
        extraObjects: (text) => {
          const page = /(^|\n)(\d+) 0 obj\s*<<\s*\/Type \/Page\b/.exec(text)!;
          return `${page[2]} 0 obj\n<< /Type /Page /MediaBox [0 0 595 842] >>\nendobj\n`;
        },
      }),
      tl,
      at,
    );
    expect(pageChanged.reasons.join('\n')).toMatch(/an update changes object \d+ \(Page\)/);
    const annotation = verifyPades(withDss(pdf, ocsp, { extraObjects: () => '903 0 obj\n<< /Type /Annot /Subtype /FreeText /Contents (Paid) >>\nendobj\n' }), tl, at);
    expect(annotation.reasons.join('\n')).toMatch(/an update adds a \/Annot object/);
    const compressed = verifyPades(withDss(pdf, ocsp, { extraObjects: () => '904 0 obj\n<< /Type /ObjStm /N 0 /First 0 /Length 0 >>\nstream\n\nendstream\nendobj\n' }), tl, at);
    expect(compressed.reasons.join('\n')).toMatch(/compressed objects, which cannot be checked/);
  });

  it('says what it could not read instead of failing', () => {
    const pdf = withDss(withoutEmbeddedOcsp('qualified'), ocspOf('signer-qualified'));
    const broken = new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from('\n905 0 obj\n<< /Type /DSS /OCSPs [900 0 R\nendobj\n', 'latin1')]));
    const result = verifyPades(broken, tl, at);
    expect(result.reasons.join('\n')).toMatch(/changed after it was signed: the bytes added after signing cannot be read/);
  });
});
