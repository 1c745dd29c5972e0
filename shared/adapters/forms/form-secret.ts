/** The forms secret signs HS256 tokens: refused when shorter than 32 characters (checked at init by every maker of form tokens). */
export function checkFormSecret(secret: string): void {
  if (secret.length < 32) throw new Error('The forms secret must be at least 32 characters.');
}
