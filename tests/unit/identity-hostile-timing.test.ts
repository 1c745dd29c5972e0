import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Certificate } from '#signatures/certificate.ts';
import { loadTrustedList } from '#signatures/trusted-list.ts';
import { verifySignedFile } from '#signatures/verify-file.ts';

const DD = fileURLToPath(new URL('../fixtures/libdigidocpp/', import.meta.url));
const RW = fileURLToPath(new URL('../fixtures/real-world/', import.meta.url));
const trustedList = loadTrustedList(readFileSync(`${DD}EE_T.xml`), Certificate.fromPemOrDer(readFileSync(`${DD}TSL.crt`)));
const at = new Date('2026-06-01T00:00:00Z');

/** Judges `bytes` and returns how long it took; the verdict must refuse the file. */
async function timedRefusal(bytes: Uint8Array, fileName: string): Promise<number> {
  const started = performance.now();
  const v = await verifySignedFile({ bytes, fileName, trustedList, at });
  const ms = performance.now() - started;
  expect(v.valid).toBe(false);
  expect(v.indication).not.toBe('TOTAL_PASSED');
  return ms;
}

/**
 * A PDF whose signed revision is 4 MB of digits (the signature's /Contents and a comment), then
 * an update adding an object: the update check scans the signed revision for references, which
 * a backtracking pattern made quadratic in the length of a digit run.
 */
function digitBombPdf(): Uint8Array {
  const hex = '3'.repeat(2 * 1024 * 1024);
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n2 0 obj\n<< /Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange [0 BBBBBBBBBB CCCCCCCCCC DDDDDDDDDD] /Contents <';
  const b = head.length - 1;
  const c = b + hex.length + 2;
  let text = `${head}${hex}> >>\nendobj\n% ${'1'.repeat(2 * 1024 * 1024)}\n`;
  const xref = text.length;
  text += `xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const d = text.length - c;
  text = text.replace('BBBBBBBBBB', String(b).padStart(10, ' ')).replace('CCCCCCCCCC', String(c).padStart(10, ' ')).replace('DDDDDDDDDD', String(d).padStart(10, ' '));
  const update = `9 0 obj\n<< /Type /Annot /Subtype /Text >>\nendobj\n`;
  return new Uint8Array(Buffer.from(text + update, 'latin1'));
}

describe('hostile and tampered files are refused in under a second each', () => {
  it.each([
    'thunderbird/alice.dsig.SHA256.multipart.bad.eml',
    'thunderbird/alice.dsig.SHA256.multipart.mismatch-econtent.eml',
    'dss/CAdES-BpB-att-SHA256-SHA512withRSA.p7m',
  ])('%s', async (file) => {
    expect(await timedRefusal(new Uint8Array(readFileSync(RW + file)), file)).toBeLessThan(1000);
  });

  it('a 4 MB run of digits in the signed revision of a PDF', async () => {
    const bytes = digitBombPdf();
    expect(await timedRefusal(bytes, 'bomb.pdf')).toBeLessThan(1000);
    // It reached the update check (which scans the signed revision), not an early refusal.
    const v = await verifySignedFile({ bytes, fileName: 'bomb.pdf', trustedList, at });
    expect(v.reasons.join('\n')).toMatch(/changed after it was signed: an update adds a \/Annot object/);
  });
});
