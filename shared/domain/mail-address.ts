/**
 * Is an address one we can answer, and how must it be written for SES? Checked before a case is
 * opened for an e-mail and before anything is sent (issue 16: an anonymised Outlook sender
 * "xxxxxxxxxx" got an acknowledgement addressed to itself).
 */
export type AddressCheck =
  | { readonly ok: false; readonly reason: string }
  | {
      readonly ok: true;
      /** The address as written; SMTPUTF8 (non-ASCII) addresses are kept as they are. */
      readonly address: string;
      /** How SES can be given it (ASCII local part, domain in punycode), or null: SES does not support SMTPUTF8 local parts. */
      readonly sesAddress: string | null;
    };

const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
const TLD = /^(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/u;
// eslint-disable-next-line no-control-regex -- control characters and spaces never belong in an address
const BAD_LOCAL = /[\x00-\x20\x7f<>()[\]\\,;:"]/;

/**
 * Example: `checkAddress('ona@example.lt')` → `{ ok: true, address: 'ona@example.lt', sesAddress: 'ona@example.lt' }`;
 * `checkAddress('xxxxxxxxxx')` → `{ ok: false, reason: 'No "@domain" in the address.' }`;
 * `checkAddress('jūratė@pavyzdys.lt')` → `{ ok: true, …, sesAddress: null }`;
 * `checkAddress('ona@žemė.lt')` → `{ ok: true, …, sesAddress: 'ona@xn--em-9ma32b.lt' }`.
 */
export function checkAddress(raw: string): AddressCheck {
  const address = raw.trim();
  const at = address.lastIndexOf('@');
  if (at === -1) return { ok: false, reason: 'No "@domain" in the address.' };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (local === '' || local.length > 64 || BAD_LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, reason: `The part before "@" is not a mailbox ("${local}").` };
  }
  if (domain === '') return { ok: false, reason: 'No domain after "@".' };
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  if (domain.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(tld)) {
    return { ok: false, reason: `"${domain}" is not a valid domain.` };
  }
  let asciiDomain: string;
  try {
    // The WHATWG URL parser applies IDNA (UTS #46): "žemė.lt" → "xn--em-9ma32b.lt"; invalid labels throw.
    asciiDomain = new URL(`http://${domain}/`).hostname;
  } catch {
    return { ok: false, reason: `"${domain}" is not a valid domain.` };
  }
  // eslint-disable-next-line no-control-regex -- exactly the ASCII range is the rule
  const asciiLocal = !/[^\x00-\x7f]/.test(local);
  return { ok: true, address, sesAddress: asciiLocal ? `${local}@${asciiDomain}` : null };
}

export const CANNOT_ANSWER_BY_EMAIL = 'cannot answer by e-mail';
