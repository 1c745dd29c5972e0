import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPades } from '#signatures/pades.ts';
import { checkLtvUpdates } from '#signatures/pades-ltv.ts';
import { readObjectAt } from '#signatures/pdf-objects.ts';
import type { TrustedList } from '#signatures/trusted-list.ts';
import type { FixtureCase, IdentityFixtures } from '../../tools/fixtures/generate.ts';
import { replacePdfSignature } from '../../tools/fixtures/formats.ts';
import { TestPki } from '../../tools/fixtures/pki.ts';
import { identityContext, readBytes } from '../support/identity-fixtures.ts';

/**
 * PAdES-LT: the validation data arrives after signing, in an incremental update holding a
 * Document Security Store (ETSI EN 319 142-1). Built from the generated PAdES fixtures: their
 * OCSP response moves out of the CMS into a DSS update, the way LT-level signers write it.
 */
const REVOCATION_VALUES = '1.2.840.113549.1.9.16.2.24';
let fx: IdentityFixtures;
let tl: TrustedList;
let at: Date;

beforeAll(async () => ({ fx, tl, at } = await identityContext()), 60_000);

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

/** An object stream (`/Type /ObjStm`, FlateDecode) holding `objects`, as an indirect object `num`. */
function objectStream(num: number, objects: ReadonlyArray<readonly [number, string]>): string {
  let offset = 0;
  const header = objects.map(([n, body]) => {
    const entry = `${n} ${offset}`;
    offset += body.length + 1;
    return entry;
  });
  const head = `${header.join(' ')} `;
  const data = deflateSync(Buffer.from(head + objects.map(([, body]) => `${body}\n`).join(''), 'latin1'));
  return `${num} 0 obj\n<< /Type /ObjStm /N ${objects.length} /First ${head.length} /Length ${data.length} /Filter /FlateDecode >>\nstream\n${data.toString('latin1')}\nendstream\nendobj\n`;
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
    // Objects compressed in an object stream are judged one by one: a page there is still a page.
    const compressedPage = verifyPades(
      withDss(pdf, ocsp, {
        extraObjects: (text) => objectStream(904, [[Number(/(?:^|\n)(\d+) 0 obj\s*<<\s*\/Type \/Page\b/.exec(text)![1]), '<< /Type /Page /MediaBox [0 0 595 842] >>']]),
      }),
      tl,
      at,
    );
    expect(compressedPage.reasons.join('\n')).toMatch(/an update changes object \d+ \(Page\)/);
  });

  it('reads a DSS and VRI written inside an object stream, as Acrobat-style updates do', () => {
    const pdf = withoutEmbeddedOcsp('qualified');
    const lt = verifyPades(withDss(pdf, ocspOf('signer-qualified'), { extraObjects: () => objectStream(905, [[906, '<< /Type /DSS /OCSPs [900 0 R] >>'], [907, `<< /${'B'.repeat(40)} << /OCSP [900 0 R] >> >>`]]) }), tl, at);
    expect(lt.reasons).toEqual([]);
    expect(lt.signatures[0]!.qualified).toBe(true);
  });

  it('says what it could not read instead of failing', () => {
    const pdf = withDss(withoutEmbeddedOcsp('qualified'), ocspOf('signer-qualified'));
    const broken = new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from('\n905 0 obj\n<< /Type /DSS /OCSPs [900 0 R\nendobj\n', 'latin1')]));
    const result = verifyPades(broken, tl, at);
    expect(result.reasons.join('\n')).toMatch(/changed after it was signed: the bytes added after signing cannot be read/);
  });
});

/**
 * Appends a PAdES-LTA document time-stamp update to an LT file: an invisible signature field, the
 * page's /Annots and the catalog's AcroForm /Fields grown by it, and the time-stamp token from
 * the fixture TSA over the byte range.
 */
function withDocumentTimestamp(pdf: Uint8Array, options: { readonly rect?: string; readonly tamperToken?: boolean } = {}): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const objectText = (num: number) => {
    const at = [...text.matchAll(new RegExp(`(^|\\n)${num} 0 obj`, 'g'))].at(-1)!;
    const object = readObjectAt(pdf, at.index + at[1]!.length);
    return text.slice(object.start, object.end);
  };
  const rootNum = Number(/\/Root (\d+) 0 R/.exec(text)![1]);
  const pageNum = Number(/(?:^|\n)(\d+) 0 obj\s*<<\s*\/Type \/Page\b/.exec(text)![1]);
  const grow = (source: string, key: string) => source.replace(new RegExp(`/${key} \\[([^\\]]*)\\]`), (_, items: string) => `/${key} [${items.trim()} 910 0 R]`);
  const page = grow(objectText(pageNum), 'Annots');
  const catalog = grow(objectText(rootNum), 'Fields');
  expect(page).toContain('910 0 R');
  expect(catalog).toContain('910 0 R');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1];
  const placeholder = '0'.repeat(16_384);
  const update =
    `\n910 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (DocTimeStamp1) /V 911 0 R /Rect ${options.rect ?? '[0 0 0 0]'} /F 132 /P ${pageNum} 0 R >>\nendobj\n` +
    `911 0 obj\n<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 0000000000 0000000000 0000000000] /Contents <${placeholder}> >>\nendobj\n` +
    `${page}\n${catalog}\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 912 /Root ${rootNum} 0 R /Prev ${startxref} >>\nstartxref\n${pdf.length + 1}\n%%EOF\n`;
  const out = Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]);
  const whole = out.toString('latin1');
  const b = whole.lastIndexOf(`/Contents <${placeholder}>`) + '/Contents '.length;
  const c = b + placeholder.length + 2;
  const range = `[0 ${String(b).padStart(10, '0')} ${String(c).padStart(10, '0')} ${String(out.length - c).padStart(10, '0')}]`;
  out.write(range, whole.lastIndexOf('[0 0000000000 0000000000 0000000000]'), 'latin1');
  const pki = new TestPki(fx.dir);
  const root = { party: { name: 'root-ca', key: join(fx.dir, 'pki', 'root-ca.key'), cert: join(fx.dir, 'pki', 'root-ca.crt'), chain: join(fx.dir, 'pki', 'root-ca.crt') }, dir: join(fx.dir, 'ca', 'root-ca'), config: join(fx.dir, 'ca', 'root-ca', 'openssl.cnf') };
  const tsa = { name: 'tsa', key: join(fx.dir, 'pki', 'tsa.key'), cert: join(fx.dir, 'pki', 'tsa.crt'), chain: join(fx.dir, 'pki', 'tsa.chain.pem') };
  const token = Buffer.from(pki.timestamp(root, tsa, new Uint8Array(Buffer.concat([out.subarray(0, b), out.subarray(c)]))));
  if (options.tamperToken) token[token.length - 3] = token.at(-3)! ^ 0xff;
  out.write(token.toString('hex').padEnd(placeholder.length, '0'), b + 1, 'latin1');
  return new Uint8Array(out);
}

describe('PAdES-LTA: a document time-stamp over the LT file', () => {
  it('accepts the time-stamp update (invisible field, /Annots and /Fields grown by it) and checks its token', () => {
    const lta = withDocumentTimestamp(withDss(withoutEmbeddedOcsp('qualified'), ocspOf('signer-qualified')));
    const result = verifyPades(lta, tl, at);
    expect(result.reasons).toEqual([]);
    expect({ valid: result.signatures[0]!.valid, qualified: result.signatures[0]!.qualified }).toEqual({ valid: true, qualified: true });
  });

  it('refuses a broken time-stamp token and a visible widget added with it', () => {
    const lt = withDss(withoutEmbeddedOcsp('qualified'), ocspOf('signer-qualified'));
    expect(verifyPades(withDocumentTimestamp(lt, { tamperToken: true }), tl, at).reasons.join('\n')).toMatch(/A document time-stamp is not valid/);
    expect(verifyPades(withDocumentTimestamp(lt, { rect: '[50 50 250 120]' }), tl, at).reasons.join('\n')).toMatch(/changed after it was signed: an update changes the document catalog \(\/AcroForm\)/);
  });
});

describe('update checks on a bare PDF (no signature needed to show the rule)', () => {
  /** A one-revision PDF with a correct cross-reference table; `extra` bodies are written but left out of it. */
  function bare(objects: ReadonlyArray<readonly [number, string]>, unlisted: readonly string[] = []): string {
    let text = '%PDF-1.7\n';
    const offsets: Array<[number, number]> = [];
    for (const [num, body] of objects) {
      offsets.push([num, text.length]);
      text += `${num} 0 obj ${body} endobj\n`;
    }
    for (const body of unlisted) text += `${body}\n`;
    const xref = text.length;
    const max = Math.max(...objects.map(([n]) => n));
    const rows = Array.from({ length: max + 1 }, (_, n) => {
      const at = offsets.find(([m]) => m === n)?.[1];
      return at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
    });
    return `${text}xref\n0 ${max + 1}\n${rows.join('')}trailer << /Root 1 0 R /Size ${max + 1} >>\nstartxref\n${xref}\n%%EOF\n`;
  }
  const catalog = [1, '<< /Type /Catalog /Pages 2 0 R >>'] as const;
  const pages = [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'] as const;
  const content = [4, '<< /Length 0 >> stream\n\nendstream'] as const;
  const check = (signed: string, tail: string) => checkLtvUpdates(new Uint8Array(Buffer.from(signed + tail, 'latin1')), signed.length);
  /** An update's objects and a cross-reference table listing them where they are. */
  const update = (signed: string, objects: ReadonlyArray<readonly [number, string]>, pointTo?: readonly [number, number]) => {
    let tail = '';
    const rows: string[] = [];
    for (const [num, body] of objects) {
      rows.push(`${num} 1\n${String(signed.length + tail.length).padStart(10, '0')} 00000 n \n`);
      tail += `${num} 0 obj ${body} endobj\n`;
    }
    if (pointTo) rows.push(`${pointTo[0]} 1\n${String(pointTo[1]).padStart(10, '0')} 00000 n \n`);
    return `${tail}xref\n${rows.join('')}trailer << /Root 1 0 R /Size 960 /Prev ${/startxref\n(\d+)/.exec(signed)![1]} >>\nstartxref\n${signed.length + tail.length}\n%%EOF\n`;
  };

  it('refuses an update that fills in a reference the signed revision left dangling (a shadow attack)', () => {
    // The page already refers to object 950, which does not exist yet: null when signed.
    const signed = bare([catalog, pages, [3, '<< /Type /Page /Parent 2 0 R /Contents [4 0 R 950 0 R] >>'], content]);
    expect(check(signed, update(signed, [[950, '<< /Length 18 >> stream\nBT (PAID) Tj ET   \nendstream']]))).toEqual({ ok: false, reason: 'an update adds object 950, which the signed revision already referred to' });
    expect(check(signed, update(signed, [[951, '<< /Length 4 >> stream\nDER!\nendstream']])).ok).toBe(true);
  });

  it('refuses an update whose cross-reference swaps in an unused copy of an object already in the file (hide and replace)', () => {
    const hidden = '3 0 obj << /Type /Page /Parent 2 0 R /Contents [4 0 R] /Annots [] /Rotate 180 >> endobj';
    const signed = bare([catalog, pages, [3, '<< /Type /Page /Parent 2 0 R /Contents [4 0 R] >>'], content], [hidden]);
    const hiddenAt = signed.indexOf(hidden);
    // The signed revision's own xref says where object 3 is; the copy is not it.
    expect(check(signed, update(signed, [[951, '<< /Length 4 >> stream\nDER!\nendstream']])).ok).toBe(true);
    expect(check(signed, update(signed, [], [3, hiddenAt]))).toEqual({ ok: false, reason: "an update's cross-reference points object 3 at bytes the update did not add" });
  });
});
