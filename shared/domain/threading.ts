/**
 * E-mail threading rules (RFC 5322 §3.6.4): how a reply names the messages it answers, and how
 * an inbound message is matched back to its case.
 */

/** `<id@host>` with surrounding space removed; bare ids get their angle brackets back. */
export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  if (trimmed === '') return trimmed;
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/** Every `<…>` id in a References / In-Reply-To value, in order, each once. */
export function parseMessageIds(value: string | readonly string[] | null | undefined): string[] {
  if (!value) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  const found = text.match(/<[^<>\s]+>/g) ?? text.split(/[\s,]+/).filter(Boolean).map(normaliseMessageId);
  return [...new Set(found)];
}

/** References are capped (some servers reject very long headers); keep the root and the newest. */
const MAX_REFERENCES = 20;

/**
 * The threading headers of a reply to `parent`: In-Reply-To names it, References is its own
 * References plus its Message-ID (RFC 5322 §3.6.4).
 * Example: `replyHeaders({ messageId: '<b@x>', references: ['<a@x>'] })` →
 * `{ inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'] }`.
 */
export function replyHeaders(parent: { readonly messageId: string; readonly references: readonly string[] } | null): {
  inReplyTo: string | null;
  references: string[];
} {
  if (!parent) return { inReplyTo: null, references: [] };
  const chain = [...new Set([...parent.references, parent.messageId])];
  const references = chain.length > MAX_REFERENCES ? [chain[0] as string, ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  return { inReplyTo: parent.messageId, references };
}

const REPLY_PREFIX = /^\s*((re|aw|sv|fw|fwd|ats|pers|tr)\.?\s*(\[\d+\])?\s*:\s*)+/i;

/** The subject without any chain of `Re:`/`Fwd:`/`Ats.:` prefixes. */
export function stripReplyPrefixes(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').trim();
}

/**
 * `Re: <their subject> [<reference>]`, or a fresh subject with the reference when there is
 * nothing to reply to; the reference is never doubled.
 */
export function replySubject(theirSubject: string | null, reference: string, fresh: string): string {
  const base = theirSubject ? stripReplyPrefixes(theirSubject) : '';
  if (!base) return fresh.includes(reference) ? fresh : `${fresh} [${reference}]`;
  return base.includes(reference) ? `Re: ${base}` : `Re: ${base} [${reference}]`;
}

/** Case references in a text, e.g. `SOF-2026-000001`, for the given prefixes. */
export function referencesIn(text: string, prefixes: readonly string[]): string[] {
  if (prefixes.length === 0) return [];
  const pattern = new RegExp(`\\b(${prefixes.join('|')})-(\\d{4})-(\\d{6})\\b`, 'gi');
  return [...new Set([...text.matchAll(pattern)].map((m) => `${(m[1] as string).toUpperCase()}-${m[2]}-${m[3]}`))];
}

/** The domain part of an address, lower-cased (`Ona@Example.LT` → `example.lt`). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
