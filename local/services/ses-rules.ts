/**
 * What SES v2 refuses in SendEmail before it queues anything, applied by the local SES stand-in
 * (aws-ses-v2-local accepts everything), so the product meets the refusal here first. Each rule
 * answers with the error SES v2 names (the SDK's exception class); the messages are SES's where
 * known, otherwise ours.
 *
 * - an address without `@domain` (sender, recipients, reply-to): BadRequestException
 * - a non-ASCII local part: SES does not support SMTPUTF8 (RFC 6531): BadRequestException
 * - CR or LF in the subject or a header value (header injection): BadRequestException
 * - more than 50 recipients (To + Cc + Bcc): BadRequestException
 * - a message over 40 MB (SES v2's limit, after encoding): MessageRejected
 * - a sender whose address and domain are not verified identities: MessageRejected
 */
export interface SesRefusal {
  readonly type: 'BadRequestException' | 'MessageRejected';
  readonly message: string;
}

export const SES_MAX_RECIPIENTS = 50;
export const SES_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

interface SendEmailInput {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  ReplyToAddresses?: string[];
  Content?: {
    Simple?: {
      Subject?: { Data?: string };
      Body?: { Text?: { Data?: string }; Html?: { Data?: string } };
      Headers?: Array<{ Name?: string; Value?: string }>;
      Attachments?: Array<{ RawContent?: string; FileName?: string }>;
    };
    Raw?: { Data?: string };
  };
}

/** The address inside `Name <address>`, or the whole string. */
const addressOf = (value: string): string => /<([^>]*)>\s*$/.exec(value)?.[1] ?? value.trim();

function addressRefusal(field: string, value: string): SesRefusal | undefined {
  const address = addressOf(value);
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return { type: 'BadRequestException', message: `Missing final '@domain' in ${field}: ${value}` };
  // eslint-disable-next-line no-control-regex -- exactly the ASCII range is the rule
  if (/[^\x00-\x7F]/.test(address.slice(0, at))) return { type: 'BadRequestException', message: `Local address contains non-ASCII characters (SMTPUTF8 is not supported) in ${field}: ${value}` };
  // eslint-disable-next-line no-control-regex -- control characters and whitespace are refused
  if (/[\x00-\x20\x7F]/.test(address)) return { type: 'BadRequestException', message: `Local address contains control or whitespace in ${field}: ${value}` };
  // A display name must be ASCII or MIME encoded-words (RFC 2047).
  // eslint-disable-next-line no-control-regex -- exactly the ASCII range is the rule
  if (/[^\x00-\x7F]/.test(value.slice(0, value.lastIndexOf('<') === -1 ? 0 : value.lastIndexOf('<')))) return { type: 'BadRequestException', message: `Display name must be MIME encoded (RFC 2047) in ${field}: ${value}` };
  return undefined;
}

/** The size of what SES would send: raw data as given, or the simple parts as encoded. */
function messageBytes(input: SendEmailInput): number {
  const raw = input.Content?.Raw?.Data;
  if (raw !== undefined) return Math.floor((raw.length * 3) / 4);
  const simple = input.Content?.Simple;
  const text = [simple?.Subject?.Data, simple?.Body?.Text?.Data, simple?.Body?.Html?.Data, ...(simple?.Headers ?? []).map((h) => `${h.Name}: ${h.Value}`)].join('\n');
  // Attachments arrive base64-encoded (RawContent) and are sent base64-encoded.
  return Buffer.byteLength(text, 'utf8') + (simple?.Attachments ?? []).reduce((sum, a) => sum + (a.RawContent?.length ?? 0), 0);
}

export function sesV2Refusal(input: SendEmailInput, verifiedIdentities: readonly string[]): SesRefusal | undefined {
  const from = input.FromEmailAddress ?? '';
  const recipients = [...(input.Destination?.ToAddresses ?? []), ...(input.Destination?.CcAddresses ?? []), ...(input.Destination?.BccAddresses ?? [])];
  for (const [field, values] of [
    ['FromEmailAddress', from ? [from] : []],
    ['Destination', recipients],
    ['ReplyToAddresses', input.ReplyToAddresses ?? []],
  ] as const) {
    for (const value of values) {
      const refusal = addressRefusal(field, value);
      if (refusal) return refusal;
    }
  }
  if (recipients.length > SES_MAX_RECIPIENTS) return { type: 'BadRequestException', message: `Recipient count exceeds ${SES_MAX_RECIPIENTS}.` };
  const simple = input.Content?.Simple;
  for (const [name, value] of [['Subject', simple?.Subject?.Data ?? ''], ...(simple?.Headers ?? []).map((h) => [h.Name ?? '', `${h.Name ?? ''}${h.Value ?? ''}`] as const)] as const) {
    if (/[\r\n]/.test(value)) return { type: 'BadRequestException', message: `Header ${name} contains a CR or LF character.` };
  }
  if (messageBytes(input) > SES_MAX_MESSAGE_BYTES) return { type: 'MessageRejected', message: 'Message length is more than 40 MB.' };
  if (from) {
    const address = addressOf(from).toLowerCase();
    const domain = address.slice(address.lastIndexOf('@') + 1);
    const verified = verifiedIdentities.map((identity) => identity.toLowerCase());
    if (!verified.includes(address) && !verified.includes(domain)) {
      return { type: 'MessageRejected', message: `Email address is not verified. The following identities failed the check in region EU-CENTRAL-1: ${addressOf(from)}` };
    }
  }
  return undefined;
}
