/**
 * Lithuanian letters folded to ASCII one for one, lower-cased: indices in the folded text are
 * indices in the original, so a match can be shown as the subject wrote it. People often type
 * without diacritics ("prasau istrinti"), and staff search names the same way.
 */
const FOLD: Record<string, string> = { ą: 'a', č: 'c', ę: 'e', ė: 'e', į: 'i', š: 's', ų: 'u', ū: 'u', ž: 'z', '„': '"', '“': '"' };

// Built from FOLD's keys, not written as a regex literal: esbuild escapes strings for the Lambda
// bundles' ASCII-only output (infra/bundling.ts `charset`) but leaves regex literals as written.
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

export function foldLithuanian(text: string): string {
  return text.toLowerCase().replace(FOLDED, (ch) => FOLD[ch] ?? ch);
}

/**
 * A value made safe for one header line: line breaks (and other ASCII control characters) become
 * a space, so a subject or display name taken from a mail can never start a header of its own.
 * Example: `singleLine('Hi\r\nBcc: x@y')` → `'Hi Bcc: x@y'`.
 */
export function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- the ASCII control characters are exactly what is removed
  return value.replace(/[\x00-\x1f\x7f]+/g, ' ');
}
