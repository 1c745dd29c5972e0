/**
 * Lithuanian letters folded to ASCII one for one, lower-cased: indices in the folded text are
 * indices in the original, so a match can be shown as the subject wrote it. People often type
 * without diacritics ("prasau istrinti"), and staff search names the same way.
 */
const FOLD: Record<string, string> = { ą: 'a', č: 'c', ę: 'e', ė: 'e', į: 'i', š: 's', ų: 'u', ū: 'u', ž: 'z', '„': '"', '“': '"' };

export function foldLithuanian(text: string): string {
  return text.toLowerCase().replace(/[ąčęėįšųūž„“]/g, (ch) => FOLD[ch] ?? ch);
}
