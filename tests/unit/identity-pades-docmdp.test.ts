import { describe, expect, it } from 'vitest';
import { checkLtvUpdates, STRICT, type ChangePolicy } from '#signatures/pades-ltv.ts';

/**
 * The allowed-changes rules of a certified PDF (DocMDP, ISO 32000-1 §12.8.2.2), on hand-made
 * revisions: what an update may change is decided by the document's certification level; the
 * signed bytes themselves are checked by the signature tests.
 */
function revision(objects: Record<number, string>, prev: { at: number; xref: number } | null, extraTrailer = ''): { text: string; xref: number } {
  let text = '';
  const base = prev?.at ?? 0;
  const offsets: Array<[number, number]> = [];
  for (const [num, body] of Object.entries(objects)) {
    offsets.push([Number(num), base + text.length]);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = base + text.length;
  text += `xref\n${offsets.map(([num, off]) => `${num} 1\n${String(off).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 20 /Root 1 0 R${prev ? ` /Prev ${prev.xref}` : ''}${extraTrailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return { text, xref };
}

const SIGNED = revision(
  {
    1: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 4 0 R] >> >>',
    2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [5 0 R] >>',
    4: '<< /FT /Sig /T (cert) /V << /Type /Sig /SubFilter /ETSI.CAdES.detached /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /P 3 >> >>] >> >>',
    5: '<< /FT /Tx /T (name) /V (Ona) /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R >>',
  },
  null,
);

function withUpdate(objects: Record<number, string>): { bytes: Uint8Array; coveredTo: number } {
  const update = revision(objects, { at: SIGNED.text.length, xref: SIGNED.xref });
  return { bytes: new Uint8Array(Buffer.from(SIGNED.text + update.text, 'latin1')), coveredTo: SIGNED.text.length };
}

const P3: ChangePolicy = { formFill: true, annotations: true };
const P2: ChangePolicy = { formFill: true, annotations: false };

const fillIn = { 5: '<< /FT /Tx /T (name) /V (Ona Onaitė) /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R /AP << /N 7 0 R >> >>', 7: '<< /Length 0 >>\nstream\n\nendstream' };
const annotate = { 3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [5 0 R 6 0 R] >>', 6: '<< /Type /Annot /Subtype /Text /Rect [300 700 320 720] /Contents (checked) >>' };

describe('PAdES allowed changes after a certification signature (DocMDP)', () => {
  it('P=3 allows a form fill-in and a new annotation, and names each change', () => {
    const { bytes, coveredTo } = withUpdate({ ...fillIn, ...annotate });
    const result = checkLtvUpdates(bytes, coveredTo, P3);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.allowed.join('\n')).toMatch(/form field object 5 was filled in[\s\S]*annotation object 6 \(\/Text\)/);
  });

  it('P=2 allows the fill-in but not the annotation', () => {
    expect(checkLtvUpdates(...args(withUpdate(fillIn)), P2).ok).toBe(true);
    const result = checkLtvUpdates(...args(withUpdate(annotate)), P2);
    expect(result).toMatchObject({ ok: false });
  });

  it('an approval signature alone (no certification) allows neither', () => {
    expect(checkLtvUpdates(...args(withUpdate(fillIn)), STRICT)).toMatchObject({ ok: false, reason: expect.stringMatching(/object 5/) });
    expect(checkLtvUpdates(...args(withUpdate(annotate)), STRICT)).toMatchObject({ ok: false });
  });

  it('even P=3 refuses a changed page content, a renamed field and a new page', () => {
    expect(checkLtvUpdates(...args(withUpdate({ 3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [5 0 R] /Contents 8 0 R >>', 8: '<< /Length 0 >>\nstream\n\nendstream' })), P3)).toMatchObject({ ok: false, reason: expect.stringMatching(/object 3/) });
    expect(checkLtvUpdates(...args(withUpdate({ 5: '<< /FT /Tx /T (other) /V (Ona) /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R >>' })), P3)).toMatchObject({ ok: false });
    expect(checkLtvUpdates(...args(withUpdate({ 2: '<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>', 9: '<< /Type /Page /Parent 2 0 R >>' })), P3)).toMatchObject({ ok: false });
  });

  it('even P=3 refuses an annotation that fills a reference the signed revision left dangling (shadow attack)', () => {
    const signedRevision = revision(
      {
        1: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>',
        2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [6 0 R] >>',
        4: '<< /FT /Sig /T (cert) /V << /Type /Sig /Reference [<< /TransformMethod /DocMDP /TransformParams << /P 3 >> >>] >> >>',
      },
      null,
    );
    const signedText = signedRevision.text;
    const update = revision({ 6: '<< /Type /Annot /Subtype /FreeText /Rect [0 0 612 792] /Contents (I agree to everything) >>' }, { at: signedText.length, xref: signedRevision.xref });
    const bytes = new Uint8Array(Buffer.from(signedText + update.text, 'latin1'));
    expect(checkLtvUpdates(bytes, signedText.length, P3)).toMatchObject({ ok: false, reason: expect.stringMatching(/already referred to/) });
  });
});

function args(u: { bytes: Uint8Array; coveredTo: number }): [Uint8Array, number] {
  return [u.bytes, u.coveredTo];
}
