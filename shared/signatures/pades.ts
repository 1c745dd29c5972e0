import { UnsupportedAlgorithmError } from './algorithms.ts';
import { trimDer, verifyCms } from './cms.ts';
import { UnsafeInputError } from './errors.ts';
import { lowerFirst } from './signer-checks.ts';
import { checkTimestamp, TimestampError } from './timestamp.ts';
import { checkLtvUpdates, STRICT, type ChangePolicy, type LtvData } from './pades-ltv.ts';
import type { TrustedList } from './trusted-list.ts';
import type { SignatureVerdict } from './verdict.ts';

/** More signature dictionaries than any real request carries; bounds the work on hostile files. */
const MAX_SIGNATURES = 16;
const SUPPORTED_SUBFILTERS = ['adbe.pkcs7.detached', 'ETSI.CAdES.detached'];

export interface PadesResult {
  readonly signatures: readonly SignatureVerdict[];
  readonly reasons: readonly string[];
  readonly warnings?: readonly string[];
}

/**
 * Verifies the signatures of a PDF (PAdES, and the older adbe.pkcs7.detached).
 *
 * Primary course: every `/ByteRange [a b c d]` → it must start at 0, leave out exactly the
 * `/Contents <hex>` string and stay inside the file → bytes after the last signed revision must
 * be validation data only (PAdES-LT's Document Security Store, pades-ltv.ts), else they are an
 * incremental update the signer never saw, reported as a change → the CMS in /Contents is
 * verified over the two ranges (cms.ts, same policy as every format), with the DSS's OCSP
 * responses, CRLs and certificates as further validation data.
 * Document time-stamps (ETSI.RFC3161, PAdES-LTA) are no person's signature: their token must be
 * a valid RFC 3161 time-stamp over their own byte range, and the update that adds them may only
 * add the time-stamp's invisible signature field.
 */
export function verifyPades(bytes: Uint8Array, trustedList: TrustedList, at: Date): PadesResult {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const reasons: string[] = [];
  const signed: Array<{ cms: Uint8Array; content: Uint8Array; range: readonly [number, number, number, number] }> = [];
  let lastDocumentTimestamp = -1;
  let coveredTo = 0;
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length > MAX_SIGNATURES) return { signatures: [], reasons: [`The PDF has more than ${MAX_SIGNATURES} signature dictionaries.`] };
  for (const match of ranges) {
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    const dict = dictionaryAround(text, match.index);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1] ?? '';
    if (subFilter === 'ETSI.RFC3161') {
      // A document time-stamp (PAdES-LTA): no person's signature, but its token must be over its range.
      const problem = documentTimestampProblem(bytes, text, [a, b, c, d]);
      if (problem) reasons.push(problem);
      else lastDocumentTimestamp = Math.max(lastDocumentTimestamp, c + d);
      continue;
    }
    if (!SUPPORTED_SUBFILTERS.includes(subFilter)) {
      reasons.push(`A signature uses the PDF signature type "${subFilter || 'none'}", which is not a PAdES or CMS signature.`);
      continue;
    }
    const gapOk = a === 0 && b > 0 && c > b + 1 && c + d <= bytes.length && text[b] === '<' && text[c - 1] === '>' && /^[0-9A-Fa-f]*$/.test(text.slice(b + 1, c - 1));
    if (!gapOk) {
      reasons.push('A signature\'s byte range does not cover the file except exactly its own signature value, so it does not show what was signed.');
      continue;
    }
    coveredTo = Math.max(coveredTo, c + d);
    const hex = text.slice(b + 1, c - 1);
    signed.push({ cms: new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')), content: new Uint8Array(Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)])), range: [a, b, c, d] });
  }
  if (signed.length === 0 && reasons.length === 0) return { signatures: [], reasons: ['The PDF is not signed.'] };

  let ltv: LtvData | undefined;
  const warnings: string[] = [];
  // Only trailing whitespace after %%EOF is harmless; anything else must be validation data.
  if (signed.length > 0 && /\S/.test(text.slice(coveredTo))) {
    const update = checkLtvUpdates(bytes, coveredTo, changePolicy(text, ranges));
    if (update.ok) {
      ltv = update.ltv;
      warnings.push(...update.allowed.map((a) => `The PDF was changed after it was signed, as its certification allows: ${a}.`));
    }
    else reasons.push(`The PDF was changed after it was signed: ${update.reason}, in ${bytes.length - coveredTo} bytes that no signature covers.`);
  }
  const signatures: SignatureVerdict[] = [];
  for (const { cms, content, range } of signed) {
    const [, b, c, d] = range;
    const whole = c + d === bytes.length;
    const scope = {
      name: whole ? 'the whole PDF' : `PDF revision ending at byte ${c + d}`,
      kind: whole ? ('FULL' as const) : ('PARTIAL' as const),
      description: `Bytes 0–${b - 1} and ${c}–${c + d - 1} of ${bytes.length} (all but the signature value${whole ? '' : '; later updates follow'}).`,
    };
    const result = verifyCms(cms, { content, trustedList, at, scope, archiveTimestamp: lastDocumentTimestamp > c + d, ...(ltv ? { ltv } : {}) });
    reasons.push(...result.reasons);
    signatures.push(...result.signatures);
  }
  return { signatures, reasons, warnings };
}

/**
 * The DocMDP permission of the document's certification signature (the first signature, with a
 * /Reference to /DocMDP): P=2 form fill-in, P=3 also annotations; no certification, nothing more.
 */
function changePolicy(text: string, ranges: readonly RegExpMatchArray[]): ChangePolicy {
  const first = ranges[0];
  if (first?.index === undefined) return STRICT;
  const dict = dictionaryAround(text, first.index);
  if (!/\/TransformMethod\s*\/DocMDP/.test(dict)) return STRICT;
  const p = Number(/\/P\s+([123])\b/.exec(dict)?.[1] ?? 2);
  return { formFill: p >= 2, annotations: p === 3 };
}

/** The text of the indirect object holding position `at` (where /SubFilter is found). */
function dictionaryAround(text: string, at: number): string {
  const start = text.lastIndexOf(' obj', at);
  const end = text.indexOf('endobj', at);
  return text.slice(start < 0 ? Math.max(0, at - 4096) : start, end < 0 ? at + 4096 : end);
}

/** Why a document time-stamp is broken, or undefined when its token is over exactly its range. */
function documentTimestampProblem(bytes: Uint8Array, text: string, [a, b, c, d]: readonly [number, number, number, number]): string | undefined {
  const gapOk = a === 0 && b > 0 && c > b + 1 && c + d <= bytes.length && text[b] === '<' && text[c - 1] === '>' && /^[0-9A-Fa-f]*$/.test(text.slice(b + 1, c - 1));
  if (!gapOk) return "A document time-stamp's byte range does not cover the file except exactly its own value.";
  const hex = text.slice(b + 1, c - 1);
  try {
    checkTimestamp(trimDer(new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'))), new Uint8Array(Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)])));
    return undefined;
  } catch (error) {
    if (error instanceof TimestampError || error instanceof UnsafeInputError || error instanceof UnsupportedAlgorithmError) return `A document time-stamp is not valid: ${lowerFirst(error.message)}`;
    throw error;
  }
}
