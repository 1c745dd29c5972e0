import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { resolveClient, type ClientSource } from '../client-source.ts';
import { singleLine } from '#domain/text.ts';
import type { Mailer, OutboundEmail } from '#ports/cases.ts';

/**
 * Sends e-mail through SES v2 with `Content.Simple`, which (unlike a v1 raw send through the
 * local stand-in) carries custom headers such as In-Reply-To/References for threading.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: ClientSource<SESv2Client>,
    private readonly options: { readonly configurationSet?: string } = {},
  ) {}

  async send(message: OutboundEmail): Promise<{ messageId: string }> {
    // Header values from mail (a subject, a display name) never carry a line break into a header.
    const headers = Object.entries(message.headers ?? {}).map(([Name, Value]) => ({ Name, Value: singleLine(Value) }));
    // The SDK package is loaded on first use (client-source.ts).
    const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const result = await (await resolveClient(this.client)).send(
      new SendEmailCommand({
        FromEmailAddress: singleLine(message.from),
        Destination: { ToAddresses: [...message.to] },
        ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
        Content: {
          Simple: {
            Subject: { Data: singleLine(message.subject), Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
            },
            ...(headers.length > 0 ? { Headers: headers } : {}),
            ...(message.attachments && message.attachments.length > 0
              ? {
                  Attachments: message.attachments.map((a) => ({
                    FileName: a.filename,
                    ContentType: a.contentType,
                    ContentDisposition: 'ATTACHMENT' as const,
                    ContentTransferEncoding: 'BASE64' as const,
                    RawContent: a.content,
                  })),
                }
              : {}),
          },
        },
      }),
    );
    if (!result.MessageId) throw new Error('SES accepted the message but returned no MessageId.');
    return { messageId: result.MessageId };
  }
}
