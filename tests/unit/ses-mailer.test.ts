import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '#adapters/ses/mailer.ts';

const sesMock = mockClient(SESv2Client);

describe('SesMailer', () => {
  beforeEach(() => sesMock.reset());

  it('sends a simple UTF-8 message with threading headers and returns the SES message id', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-central-1' }), { configurationSet: 'rightsdesk' });
    const result = await mailer.send({ from: 'privacy@x.lt', to: ['a@b.lt'], subject: 'Prašymas', text: 'ąčę', html: '<p>ąčę</p>', headers: { 'In-Reply-To': '<m1@b.lt>' } });
    expect(result).toEqual({ messageId: 'ses-1' });
    const input = sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'privacy@x.lt',
      Destination: { ToAddresses: ['a@b.lt'] },
      ConfigurationSetName: 'rightsdesk',
      Content: { Simple: { Subject: { Data: 'Prašymas', Charset: 'UTF-8' }, Headers: [{ Name: 'In-Reply-To', Value: '<m1@b.lt>' }] } },
    });
  });

  it('fails loudly when SES returns no message id', async () => {
    sesMock.on(SendEmailCommand).resolves({});
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-central-1' }));
    await expect(mailer.send({ from: 'a@b.lt', to: ['c@d.lt'], subject: 's', text: 't' })).rejects.toThrow(/no MessageId/);
  });
});
